/**
 * Seeded randomness for the sample generator.
 *
 * The sample must be byte-for-byte reproducible from its seed (tests and bug reports depend on it), so nothing
 * here touches Math.random. Independent streams are derived from the seed plus a label, so that drawing one
 * more number in one part of the plan does not shift every number drawn after it elsewhere.
 */

/** mulberry32: tiny, fast, good enough for simulation (not for anything secret). Returns floats in [0, 1). */
export function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Mixes a seed with labels (FNV-1a over their text) into a new 32-bit seed. */
export function deriveSeed(seed: number, ...labels: Array<string | number>): number {
  let hash = 0x811c9dc5 ^ (seed >>> 0);
  for (const ch of labels.join('\u0000')) {
    hash ^= ch.codePointAt(0) ?? 0;
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  // One mulberry step spreads nearby seeds (1, 2, 3...) far apart.
  return Math.floor(mulberry32(hash)() * 4294967296) >>> 0;
}

export class Random {
  private readonly next: () => number;

  constructor(seed: number) {
    this.next = mulberry32(seed);
  }

  static derived(seed: number, ...labels: Array<string | number>): Random {
    return new Random(deriveSeed(seed, ...labels));
  }

  /** A float in [0, 1). */
  unit(): number {
    return this.next();
  }

  /** A float in [min, max). */
  float(min: number, max: number): number {
    return min + (max - min) * this.next();
  }

  /** An integer in [min, max], both included. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  chance(probability: number): boolean {
    return this.next() < probability;
  }

  /** Normal deviate (Box-Muller), for times of day that cluster around a peak. */
  normal(mean: number, sd: number): number {
    const u = 1 - this.next(); // (0, 1]: log(0) would be -Infinity
    const v = this.next();
    return mean + sd * Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
  }

  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new Error('pick from an empty list');
    return items[Math.floor(this.next() * items.length)] as T;
  }

  /** Index drawn with probability proportional to its weight; weights must not all be zero. */
  weightedIndex(weights: readonly number[]): number {
    const total = weights.reduce((sum, w) => sum + Math.max(0, w), 0);
    if (!(total > 0)) throw new Error('weighted pick with no positive weight');
    let target = this.next() * total;
    for (let i = 0; i < weights.length; i++) {
      target -= Math.max(0, weights[i] ?? 0);
      if (target < 0) return i;
    }
    // Rounding can leave a sliver: fall back to the last positive weight.
    for (let i = weights.length - 1; i >= 0; i--) if ((weights[i] ?? 0) > 0) return i;
    return weights.length - 1;
  }

  weightedPick<T>(items: readonly T[], weight: (item: T) => number): T {
    return items[this.weightedIndex(items.map(weight))] as T;
  }

  /** A shuffled copy (Fisher-Yates). */
  shuffle<T>(items: readonly T[]): T[] {
    const out = items.slice();
    for (let i = out.length - 1; i > 0; i--) {
      const j = Math.floor(this.next() * (i + 1));
      const tmp = out[i] as T;
      out[i] = out[j] as T;
      out[j] = tmp;
    }
    return out;
  }
}

/**
 * Many draws from one fixed set of weights: cumulative sums and binary search, so spreading a large capture
 * budget over staff-days stays O(n log m).
 */
export class WeightedSampler {
  private readonly cumulative: number[] = [];
  private readonly total: number;

  constructor(weights: readonly number[]) {
    let sum = 0;
    for (const w of weights) {
      sum += Math.max(0, w);
      this.cumulative.push(sum);
    }
    if (!(sum > 0)) throw new Error('weighted sampler with no positive weight');
    this.total = sum;
  }

  draw(rng: Random): number {
    const target = rng.unit() * this.total;
    let lo = 0;
    let hi = this.cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((this.cumulative[mid] ?? 0) > target) hi = mid;
      else lo = mid + 1;
    }
    return lo;
  }
}
