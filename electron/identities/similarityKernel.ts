/**
 * Cosine similarities between sets of unit embeddings, computed by onnxruntime (similarityGraph.ts) on all cores.
 * One kernel per clustering run; the sessions are small and made on demand for each k.
 */
import os from 'node:os';
import * as ort from 'onnxruntime-node';
import { similarityModel, topKModel } from './similarityGraph';

export interface TopK {
  /** Row-major [rows × k]: the k best cosines of each query row, best first. */
  values: Float32Array;
  /** Their row numbers in the base set. */
  indices: Int32Array;
}

export class SimilarityKernel {
  private full?: Promise<ort.InferenceSession>;
  private readonly topK = new Map<number, Promise<ort.InferenceSession>>();

  constructor(readonly dims: number, private readonly threads = Math.max(1, Math.min(os.availableParallelism(), 8))) {}

  private open(bytes: Uint8Array): Promise<ort.InferenceSession> {
    return ort.InferenceSession.create(bytes, {
      intraOpNumThreads: this.threads,
      interOpNumThreads: 1,
      executionMode: 'sequential',
      graphOptimizationLevel: 'all',
      executionProviders: ['cpu'],
    });
  }

  /** [rowsA × rowsB] cosines, row-major. `a` and `b` hold rowsA and rowsB rows of `dims` floats. */
  async scores(a: Float32Array, rowsA: number, b: Float32Array, rowsB: number): Promise<Float32Array> {
    this.full ??= this.open(similarityModel(this.dims));
    const session = await this.full;
    const out = await session.run({
      a: new ort.Tensor('float32', a.subarray(0, rowsA * this.dims), [rowsA, this.dims]),
      b: new ort.Tensor('float32', b.subarray(0, rowsB * this.dims), [rowsB, this.dims]),
    });
    return out['s']!.data as Float32Array;
  }

  /** The k best rows of b for each row of a (k ≤ rowsB). */
  async best(a: Float32Array, rowsA: number, b: Float32Array, rowsB: number, k: number): Promise<TopK> {
    let opening = this.topK.get(k);
    if (!opening) {
      opening = this.open(topKModel(this.dims, k));
      this.topK.set(k, opening);
    }
    const session = await opening;
    const out = await session.run({
      a: new ort.Tensor('float32', a.subarray(0, rowsA * this.dims), [rowsA, this.dims]),
      b: new ort.Tensor('float32', b.subarray(0, rowsB * this.dims), [rowsB, this.dims]),
    });
    const indices64 = out['indices']!.data as BigInt64Array;
    const indices = new Int32Array(indices64.length);
    for (let i = 0; i < indices64.length; i++) indices[i] = Number(indices64[i]);
    return { values: out['values']!.data as Float32Array, indices };
  }

  async release(): Promise<void> {
    const sessions = [this.full, ...this.topK.values()].filter((s): s is Promise<ort.InferenceSession> => s !== undefined);
    await Promise.all(sessions.map(async (s) => (await s).release()));
    this.full = undefined;
    this.topK.clear();
  }
}
