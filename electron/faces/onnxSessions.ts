/**
 * Opening the ONNX models: from checksum-verified bytes (never by path, so the file cannot change between the
 * check and the load), with one intra-op thread: parallelism comes from the worker pool, one worker per core.
 */
import * as ort from 'onnxruntime-node';
import { readVerifiedModel, type ModelFile } from './modelFiles';

export type Session = ort.InferenceSession;

/** Rewrites a verified model's bytes before it is opened (an exact graph rewrite such as onnxGraph's). */
export type ModelRewrite = (model: Uint8Array) => Uint8Array;

/**
 * Reads and checks every file first, then opens the sessions: a bad checksum refuses before any native work.
 * A rewrite, when given for a model, applies to the bytes that passed the check, in memory.
 */
export async function openSessions<K extends string>(files: Record<K, ModelFile>, root?: string, rewrites: Partial<Record<K, ModelRewrite>> = {}): Promise<Record<K, Session>> {
  const bytes = Object.entries<ModelFile>(files).map(([key, file]) => {
    const verified = readVerifiedModel(file, root);
    const rewrite = rewrites[key as K];
    return [key, rewrite ? rewrite(new Uint8Array(verified.buffer, verified.byteOffset, verified.length)) : verified] as const;
  });
  const sessions = await Promise.all(bytes.map(async ([key, b]) => [key, await openSession(b)] as const));
  return Object.fromEntries(sessions) as Record<K, Session>;
}

async function openSession(bytes: Uint8Array): Promise<Session> {
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
