/** A max-heap of candidate merges (similarity, cluster a, cluster b, their versions) in typed arrays. */
export class MergeHeap {
  private keys = new Float64Array(1024);
  private data = new Int32Array(1024 * 4);
  size = 0;

  push(key: number, a: number, b: number, va: number, vb: number): void {
    if (this.size === this.keys.length) this.grow();
    let i = this.size++;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (this.keys[parent]! >= key) break;
      this.move(parent, i);
      i = parent;
    }
    this.set(i, key, a, b, va, vb);
  }

  peekKey(): number {
    return this.size > 0 ? this.keys[0]! : -Infinity;
  }

  /** Removes the top; its fields are returned in `out` [a, b, va, vb] and its key as the result. */
  pop(out: Int32Array): number {
    const key = this.keys[0]!;
    out.set(this.data.subarray(0, 4));
    const last = --this.size;
    if (last > 0) {
      const lastKey = this.keys[last]!;
      const la = this.data[last * 4]!, lb = this.data[last * 4 + 1]!, lva = this.data[last * 4 + 2]!, lvb = this.data[last * 4 + 3]!;
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        if (l >= last) break;
        const r = l + 1;
        const c = r < last && this.keys[r]! > this.keys[l]! ? r : l;
        if (this.keys[c]! <= lastKey) break;
        this.move(c, i);
        i = c;
      }
      this.set(i, lastKey, la, lb, lva, lvb);
    }
    return key;
  }

  private set(i: number, key: number, a: number, b: number, va: number, vb: number): void {
    this.keys[i] = key;
    this.data[i * 4] = a;
    this.data[i * 4 + 1] = b;
    this.data[i * 4 + 2] = va;
    this.data[i * 4 + 3] = vb;
  }

  private move(from: number, to: number): void {
    this.keys[to] = this.keys[from]!;
    // Four plain copies: copyWithin's call costs more than the copy at this size (it was 10% of a 124,200-face run).
    const d = this.data, f = from * 4, t = to * 4;
    d[t] = d[f]!;
    d[t + 1] = d[f + 1]!;
    d[t + 2] = d[f + 2]!;
    d[t + 3] = d[f + 3]!;
  }

  private grow(): void {
    const keys = new Float64Array(this.keys.length * 2);
    keys.set(this.keys);
    const data = new Int32Array(this.data.length * 2);
    data.set(this.data);
    this.keys = keys;
    this.data = data;
  }
}
