/**
 * The k most similar faces of each face: the candidate graph clustering works on.
 *
 * Up to EXACT_LIMIT base rows the search is exact (blocked matrix products with TopK in onnxruntime). Beyond, an
 * inverted-file search: spherical k-means splits the base into ~2·√n lists, each row is compared only with the rows
 * of its `probes` nearest lists. Measured here on 124,200 sample faces (npm run bench:identities) the inverted file
 * takes seconds where the exact search takes minutes, and its recall of the exact neighbours above the clustering
 * floor is printed by the benchmark.
 */
import { gatherRows, nearestCentroids, trainCentroids } from './sphericalKMeans';
import type { SimilarityKernel } from './similarityKernel';
import { TopKRows } from './topKRows';

export interface NeighbourOptions {
  k: number;
  /** Neighbours below this cosine are not kept. */
  floor: number;
  /** Queries and base are the same rows: a row is not its own neighbour. */
  self: boolean;
  /** Force one method (tests and the benchmark compare them); by default chosen by size. */
  method?: 'exact' | 'ivf';
  probes?: number;
  /** An inverted file already built over the same base (a first search's), to query with other rows. */
  index?: IvfIndex;
  signal?: AbortSignal;
  onProgress?: (done: number, total: number) => void;
}

/** The coarse lists of an inverted-file search over one base: centres, and the base rows of each list. */
export interface IvfIndex {
  centroids: Float32Array;
  count: number;
  lists: { starts: Int32Array; members: Int32Array };
}

export interface NeighbourGraph {
  rows: TopKRows;
  method: 'exact' | 'ivf';
  lists: number;
  index?: IvfIndex;
  /** Cosines computed, against queries × base for an exact search. */
  comparisons: number;
}

export const EXACT_LIMIT = 30_000;
const DEFAULT_PROBES = 8;
const BLOCK_FLOATS = 24_000_000;
const MAX_QUERY_BLOCK = 4096;

export async function searchNeighbours(kernel: SimilarityKernel, queries: Float32Array, queryRows: number, base: Float32Array, baseRows: number, opts: NeighbourOptions): Promise<NeighbourGraph> {
  const method = opts.method ?? (baseRows <= EXACT_LIMIT ? 'exact' : 'ivf');
  if (baseRows === 0 || queryRows === 0) return { rows: new TopKRows(queryRows, opts.k, opts.floor), method, lists: 0, comparisons: 0 };
  return method === 'exact' ? exactSearch(kernel, queries, queryRows, base, baseRows, opts) : ivfSearch(kernel, queries, queryRows, base, baseRows, opts);
}

function throwIfAborted(signal?: AbortSignal): void {
  if (signal?.aborted) throw signal.reason instanceof Error ? signal.reason : new Error('cancelled');
}

async function exactSearch(kernel: SimilarityKernel, queries: Float32Array, queryRows: number, base: Float32Array, baseRows: number, opts: NeighbourOptions): Promise<NeighbourGraph> {
  const dims = kernel.dims;
  const rows = new TopKRows(queryRows, opts.k, opts.floor);
  const take = Math.min(baseRows, opts.k + (opts.self ? 1 : 0));
  const block = Math.max(1, Math.min(MAX_QUERY_BLOCK, Math.floor(BLOCK_FLOATS / baseRows)));
  for (let start = 0; start < queryRows; start += block) {
    throwIfAborted(opts.signal);
    const n = Math.min(block, queryRows - start);
    const top = await kernel.best(queries.subarray(start * dims, (start + n) * dims), n, base, baseRows, take);
    for (let i = 0; i < n; i++) {
      for (let j = 0; j < take; j++) {
        const id = top.indices[i * take + j]!;
        if (opts.self && id === start + i) continue;
        rows.offer(start + i, id, top.values[i * take + j]!);
      }
    }
    opts.onProgress?.(start + n, queryRows);
  }
  return { rows, method: 'exact', lists: 0, comparisons: queryRows * baseRows };
}

/** Rows grouped by list: CSR form (start offsets and members). */
function groupByList(assign: Int32Array, stride: number, count: number): { starts: Int32Array; members: Int32Array } {
  const sizes = new Int32Array(count + 1);
  for (let i = 0; i < assign.length; i++) if (assign[i]! >= 0) sizes[assign[i]! + 1]!++;
  for (let c = 0; c < count; c++) sizes[c + 1]! += sizes[c]!;
  const fill = sizes.slice(0, count);
  const members = new Int32Array(sizes[count]!);
  for (let i = 0; i < assign.length; i++) {
    const c = assign[i]!;
    if (c >= 0) members[fill[c]!++] = Math.floor(i / stride);
  }
  return { starts: sizes, members };
}

async function ivfSearch(kernel: SimilarityKernel, queries: Float32Array, queryRows: number, base: Float32Array, baseRows: number, opts: NeighbourOptions): Promise<NeighbourGraph> {
  const dims = kernel.dims;
  const probes = opts.probes ?? DEFAULT_PROBES;
  const index = opts.index ?? (await buildIvfIndex(kernel, base, baseRows, opts.signal));
  const { centroids, count } = index;
  const baseLists = index.lists;
  const queryProbes = groupByList((await nearestCentroids(kernel, queries, queryRows, centroids, count, probes)).lists, probes, count);
  const rows = new TopKRows(queryRows, opts.k, opts.floor);
  let comparisons = 0;
  let totalWork = 0;
  for (let c = 0; c < count; c++) totalWork += (queryProbes.starts[c + 1]! - queryProbes.starts[c]!) * (baseLists.starts[c + 1]! - baseLists.starts[c]!);
  for (let c = 0; c < count; c++) {
    throwIfAborted(opts.signal);
    const members = baseLists.members.subarray(baseLists.starts[c]!, baseLists.starts[c + 1]!);
    const askers = queryProbes.members.subarray(queryProbes.starts[c]!, queryProbes.starts[c + 1]!);
    if (members.length === 0 || askers.length === 0) continue;
    const memberRows = gatherRows(base, dims, members);
    for (let start = 0; start < askers.length; start += MAX_QUERY_BLOCK) {
      const chunk = askers.subarray(start, Math.min(askers.length, start + MAX_QUERY_BLOCK));
      const s = await kernel.scores(gatherRows(queries, dims, chunk), chunk.length, memberRows, members.length);
      for (let i = 0; i < chunk.length; i++) {
        const q = chunk[i]!;
        const row = i * members.length;
        for (let j = 0; j < members.length; j++) {
          const v = s[row + j]!;
          // Nearly every pair is two strangers far below the floor: one comparison, no call.
          if (v < opts.floor) continue;
          const id = members[j]!;
          if (opts.self && id === q) continue;
          rows.offer(q, id, v);
        }
      }
      comparisons += chunk.length * members.length;
    }
    opts.onProgress?.(comparisons, totalWork);
  }
  return { rows, method: 'ivf', lists: count, comparisons, index };
}

export async function buildIvfIndex(kernel: SimilarityKernel, base: Float32Array, baseRows: number, signal?: AbortSignal): Promise<IvfIndex> {
  const count = Math.max(1, Math.min(4096, Math.round(2 * Math.sqrt(baseRows))));
  const centroids = await trainCentroids(kernel, base, baseRows, count, { iterations: 6, sampleSize: 48 * count, seed: 20211014 });
  throwIfAborted(signal);
  const lists = groupByList((await nearestCentroids(kernel, base, baseRows, centroids, count, 1)).lists, 1, count);
  return { centroids, count, lists };
}
