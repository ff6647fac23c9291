import { afterAll, describe, expect, it } from 'vitest';
import { SimilarityKernel } from './similarityKernel';

function unitRows(rows: number, dims: number, seed: number): Float32Array {
  const out = new Float32Array(rows * dims);
  let s = seed;
  for (let i = 0; i < out.length; i++) {
    s = (s * 1103515245 + 12345) % 2147483648;
    out[i] = s / 2147483648 - 0.5;
  }
  for (let r = 0; r < rows; r++) {
    let n = 0;
    for (let d = 0; d < dims; d++) n += out[r * dims + d]! ** 2;
    for (let d = 0; d < dims; d++) out[r * dims + d]! /= Math.sqrt(n);
  }
  return out;
}

function dot(a: Float32Array, i: number, b: Float32Array, j: number, dims: number): number {
  let s = 0;
  for (let d = 0; d < dims; d++) s += a[i * dims + d]! * b[j * dims + d]!;
  return s;
}

describe('SimilarityKernel', () => {
  const kernel = new SimilarityKernel(48, 2);
  afterAll(() => kernel.release());
  const a = unitRows(37, 48, 1);
  const b = unitRows(101, 48, 2);

  it('computes every cosine between two sets of rows', async () => {
    const s = await kernel.scores(a, 37, b, 101);
    expect(s).toHaveLength(37 * 101);
    for (const [i, j] of [[0, 0], [5, 77], [36, 100], [20, 3]] as const) expect(s[i * 101 + j]).toBeCloseTo(dot(a, i, b, j, 48), 5);
  });

  it('finds the best rows of the base for each query, best first', async () => {
    const { values, indices } = await kernel.best(a, 37, b, 101, 4);
    for (let i = 0; i < 37; i++) {
      const expected = Array.from({ length: 101 }, (_, j) => ({ j, s: dot(a, i, b, j, 48) })).sort((x, y) => y.s - x.s).slice(0, 4);
      expect(Array.from(indices.subarray(i * 4, i * 4 + 4))).toEqual(expected.map((e) => e.j));
      expect(values[i * 4]).toBeCloseTo(expected[0]!.s, 5);
    }
  });

  it('uses only the rows asked for when the buffers are larger', async () => {
    const s = await kernel.scores(a, 2, b, 3);
    expect(s).toHaveLength(6);
    expect(s[5]).toBeCloseTo(dot(a, 1, b, 2, 48), 5);
  });
});
