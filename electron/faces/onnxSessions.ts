/**
 * Opening the ONNX models: from checksum-verified bytes (never by path, so the file cannot change between the
 * check and the load), with one intra-op thread: parallelism comes from the worker pool, one worker per core.
 */
import * as ort from 'onnxruntime-node';
import { readVerifiedModel, type ModelFile } from './modelFiles';

export type Session = ort.InferenceSession;

export async function openSession(file: ModelFile, root?: string): Promise<Session> {
  const bytes = readVerifiedModel(file, root);
  return ort.InferenceSession.create(new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.length), {
    intraOpNumThreads: 1,
    interOpNumThreads: 1,
    executionMode: 'sequential',
    graphOptimizationLevel: 'all',
    executionProviders: ['cpu'],
  });
}

export async function runSingle(session: Session, input: Float32Array, dims: readonly number[]): Promise<Record<string, Float32Array>> {
  const feeds = { [session.inputNames[0]!]: new ort.Tensor('float32', input, dims) };
  const results = await session.run(feeds);
  const out: Record<string, Float32Array> = {};
  for (const name of session.outputNames) out[name] = results[name]!.data as Float32Array;
  return out;
}
