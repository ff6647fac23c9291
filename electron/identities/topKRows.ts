/**
 * Per-row "best k so far" lists, filled from many blocks of similarities: each row keeps its k largest values at
 * or above a floor, with the slot of its current smallest value cached so most candidates cost one comparison.
 */
export class TopKRows {
  readonly ids: Int32Array;
  readonly sims: Float32Array;
  private readonly minValue: Float32Array;
  private readonly minSlot: Int32Array;

  constructor(readonly rows: number, readonly k: number, private readonly floor: number) {
    this.ids = new Int32Array(rows * k).fill(-1);
    this.sims = new Float32Array(rows * k).fill(-Infinity);
    this.minValue = new Float32Array(rows).fill(-Infinity);
    this.minSlot = new Int32Array(rows);
  }

  offer(row: number, id: number, sim: number): void {
    if (sim < this.floor || sim <= this.minValue[row]!) return;
    const base = row * this.k;
    const slot = base + this.minSlot[row]!;
    this.ids[slot] = id;
    this.sims[slot] = sim;
    let minAt = 0;
    let min = this.sims[base]!;
    for (let i = 1; i < this.k; i++) {
      const v = this.sims[base + i]!;
      if (v < min) {
        min = v;
        minAt = i;
      }
    }
    this.minValue[row] = min;
    this.minSlot[row] = minAt;
  }

  /** The row's neighbours, best first, without empty slots. */
  neighbours(row: number): Array<{ id: number; sim: number }> {
    const out: Array<{ id: number; sim: number }> = [];
    for (let i = row * this.k; i < (row + 1) * this.k; i++) if (this.ids[i]! >= 0) out.push({ id: this.ids[i]!, sim: this.sims[i]! });
    return out.sort((a, b) => b.sim - a.sim || a.id - b.id);
  }
}
