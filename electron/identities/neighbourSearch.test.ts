import { afterAll, describe, expect, it } from 'vitest';
import { searchNeighbours } from './neighbourSearch';
import { SimilarityKernel } from './similarityKernel';
import { mulberry32 } from '../sample/prng';

/** `people` random unit centres, `each` noisy unit vectors around each: the shape of face embeddings. */
function clustered(people: number, each: number, dims: number, noise: number, seed: number): Float32Array {
  const random = mulberry32(seed);
  const gauss = () => Math.sqrt(-2 * Math.log(random() || 1e-12)) * Math.cos(2 * Math.PI * random());
  const out = new Float32Array(people * each * dims);
  for (let p = 0; p < people; p++) {
    const centre = Array.from({ length: dims }, gauss);
    for (let e = 0; e < each; e++) {
      const row = (p * each + e) * dims;
      let n = 0;
      for (let d = 0; d < dims; d++) {
        out[row + d] = centre[d]! / Math.sqrt(dims) + (noise * gauss()) / Math.sqrt(dims);
        n += out[row + d]! ** 2;
      }
      for (let d = 0; d < dims; d++) out[row + d]! /= Math.sqrt(n);
    }
  }
  return out;
}

describe('searchNeighbours', () => {
  const dims = 64;
  const kernel = new SimilarityKernel(dims, 2);
  afterAll(() => kernel.release());
  const data = clustered(300, 8, dims, 0.6, 1);
  const rows = 300 * 8;

  it('finds, exactly, the other faces of each person first and never the face itself', async () => {
    const g = await searchNeighbours(kernel, data, rows, data, rows, { k: 7, floor: 0.3, self: true, method: 'exact' });
    let same = 0;
    for (let i = 0; i < rows; i++) {
      const n = g.rows.neighbours(i);
      expect(n.some((x) => x.id === i)).toBe(false);
      same += n.filter((x) => Math.floor(x.id / 8) === Math.floor(i / 8)).length;
    }
    expect(same / (rows * 7)).toBeGreaterThan(0.99);
    expect(g.comparisons).toBe(rows * rows);
  });

  it('finds nearly all of the exact neighbours with the inverted file, comparing far fewer pairs', async () => {
    const opts = { k: 7, floor: 0.3, self: true } as const;
    const exact = await searchNeighbours(kernel, data, rows, data, rows, { ...opts, method: 'exact' });
    const ivf = await searchNeighbours(kernel, data, rows, data, rows, { ...opts, method: 'ivf' });
    let wanted = 0, found = 0;
    for (let i = 0; i < rows; i++) {
      const got = new Set(ivf.rows.neighbours(i).map((n) => n.id));
      for (const n of exact.rows.neighbours(i)) {
        wanted++;
        if (got.has(n.id)) found++;
      }
    }
    expect(found / wanted).toBeGreaterThan(0.98);
    expect(ivf.comparisons).toBeLessThan(exact.comparisons / 3);
    expect(ivf.lists).toBe(Math.round(2 * Math.sqrt(rows)));
  });

  it('keeps nothing below the floor', async () => {
    const g = await searchNeighbours(kernel, data, rows, data, rows, { k: 20, floor: 0.99, self: true, method: 'exact' });
    expect(Array.from(g.rows.ids).every((id) => id === -1)).toBe(true);
  });
});
