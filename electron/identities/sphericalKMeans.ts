/**
 * Spherical k-means (cosine, unit centroids) for the coarse lists of the neighbour search. Deterministic: the same
 * embeddings give the same lists, so a clustering run can be repeated exactly (an evidence requirement).
 * Trained on a seeded sample; the assignments of all rows are made afterwards by the caller.
 */
import { mulberry32 } from '../sample/prng';
import type { SimilarityKernel } from './similarityKernel';

export function sampleRows(total: number, wanted: number, random: () => number): Int32Array {
  const n = Math.min(total, wanted);
  const order = Int32Array.from({ length: total }, (_, i) => i);
  for (let i = 0; i < n; i++) {
    const j = i + Math.floor(random() * (total - i));
    [order[i], order[j]] = [order[j]!, order[i]!];
  }
  return order.slice(0, n).sort();
}

export function gatherRows(data: Float32Array, dims: number, rows: ArrayLike<number>): Float32Array {
  const out = new Float32Array(rows.length * dims);
  for (let i = 0; i < rows.length; i++) out.set(data.subarray(rows[i]! * dims, rows[i]! * dims + dims), i * dims);
  return out;
}

const BLOCK_ROWS = 4096;

/** For each row, the index of its most similar centroid (and the similarity). */
export async function nearestCentroids(kernel: SimilarityKernel, data: Float32Array, rows: number, centroids: Float32Array, count: number, probes = 1): Promise<{ lists: Int32Array; sims: Float32Array }> {
  const dims = kernel.dims;
  const lists = new Int32Array(rows * probes);
  const sims = new Float32Array(rows * probes);
  for (let start = 0; start < rows; start += BLOCK_ROWS) {
    const n = Math.min(BLOCK_ROWS, rows - start);
    const top = await kernel.best(data.subarray(start * dims, (start + n) * dims), n, centroids, count, Math.min(probes, count));
    const k = Math.min(probes, count);
    for (let i = 0; i < n; i++) {
      for (let p = 0; p < probes; p++) {
        lists[(start + i) * probes + p] = p < k ? top.indices[i * k + p]! : -1;
        sims[(start + i) * probes + p] = p < k ? top.values[i * k + p]! : -Infinity;
      }
    }
  }
  return { lists, sims };
}

export async function trainCentroids(kernel: SimilarityKernel, data: Float32Array, rows: number, count: number, opts: { iterations: number; sampleSize: number; seed: number }): Promise<Float32Array> {
  const dims = kernel.dims;
  const random = mulberry32(opts.seed);
  const sample = sampleRows(rows, Math.max(count, opts.sampleSize), random);
  const train = gatherRows(data, dims, sample);
  const n = sample.length;
  const centroids = gatherRows(train, dims, sampleRows(n, count, random));
  for (let iteration = 0; iteration < opts.iterations; iteration++) {
    const { lists } = await nearestCentroids(kernel, train, n, centroids, count);
    const sums = new Float64Array(count * dims);
    const members = new Int32Array(count);
    for (let i = 0; i < n; i++) {
      const c = lists[i]!;
      members[c]!++;
      for (let d = 0; d < dims; d++) sums[c * dims + d]! += train[i * dims + d]!;
    }
    for (let c = 0; c < count; c++) {
      if (members[c] === 0) {
        // An empty list takes a random training row: keeps every list in use.
        const r = Math.floor(random() * n);
        centroids.set(train.subarray(r * dims, r * dims + dims), c * dims);
        continue;
      }
      let norm = 0;
      for (let d = 0; d < dims; d++) norm += sums[c * dims + d]! ** 2;
      norm = Math.sqrt(norm) || 1;
      for (let d = 0; d < dims; d++) centroids[c * dims + d] = sums[c * dims + d]! / norm;
    }
  }
  return centroids;
}
