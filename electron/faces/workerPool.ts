/**
 * A pool of worker threads, one per core by default, each loading its face engine once and then analysing one
 * image at a time. Tasks queue in the pool; `run` resolves with the worker's answer. A worker that dies takes
 * the pool down with a clear error rather than silently losing captures.
 */
import os from 'node:os';
import { Worker } from 'node:worker_threads';
import type { AnalyzeTask, AnalyzeTaskResult } from './analyzeImageFile';
import type { EngineName } from './faceEngine';
import { faceWorkerScript } from './workerScript';

export interface PoolOptions {
  engine: EngineName;
  workers?: number;
  modelRoot?: string;
}

export interface WorkerInit {
  engine: EngineName;
  modelRoot?: string;
}

type WorkerMessage = { type: 'ready' } | { type: 'error'; message: string } | { type: 'result'; result: AnalyzeTaskResult };

interface Slot {
  worker: Worker;
  busy: boolean;
  current?: { resolve(r: AnalyzeTaskResult): void; reject(e: Error): void };
}

export function defaultWorkerCount(): number {
  return Math.max(1, os.availableParallelism());
}

export class FacePool {
  private readonly queue: Array<{ task: AnalyzeTask; resolve(r: AnalyzeTaskResult): void; reject(e: Error): void }> = [];
  private failure: Error | undefined;
  private closed = false;

  private constructor(private readonly slots: Slot[]) {}

  get size(): number {
    return this.slots.length;
  }

  /** Starts the workers and waits until every one has loaded (and checksum-verified) its models. */
  static async start(options: PoolOptions): Promise<FacePool> {
    const script = await faceWorkerScript();
    const count = options.workers ?? defaultWorkerCount();
    const init: WorkerInit = { engine: options.engine, modelRoot: options.modelRoot };
    const slots: Slot[] = [];
    try {
      await Promise.all(Array.from({ length: count }, () => new Promise<void>((resolve, reject) => {
        const worker = new Worker(script, { workerData: init });
        slots.push({ worker, busy: false });
        const onMessage = (m: WorkerMessage) => {
          if (m.type === 'ready') { cleanup(); resolve(); } else if (m.type === 'error') { cleanup(); reject(new Error(m.message)); }
        };
        const onError = (e: Error) => { cleanup(); reject(e); };
        const onExit = (code: number) => { cleanup(); reject(new Error(`face worker exited with code ${code} while loading`)); };
        const cleanup = () => { worker.off('message', onMessage); worker.off('error', onError); worker.off('exit', onExit); };
        worker.on('message', onMessage);
        worker.on('error', onError);
        worker.on('exit', onExit);
      })));
    } catch (error) {
      await Promise.all(slots.map((s) => s.worker.terminate()));
      throw error;
    }
    const pool = new FacePool(slots);
    for (const slot of slots) pool.listen(slot);
    return pool;
  }

  private listen(slot: Slot): void {
    slot.worker.on('message', (m: WorkerMessage) => {
      if (m.type !== 'result' || !slot.current) return;
      const { resolve } = slot.current;
      slot.current = undefined;
      slot.busy = false;
      resolve(m.result);
      this.pump();
    });
    const die = (error: Error) => {
      if (this.closed) return;
      this.failure ??= error;
      slot.current?.reject(error);
      slot.current = undefined;
      for (const queued of this.queue.splice(0)) queued.reject(error);
    };
    slot.worker.on('error', die);
    slot.worker.on('exit', (code) => die(new Error(`face worker exited unexpectedly (code ${code})`)));
  }

  run(task: AnalyzeTask): Promise<AnalyzeTaskResult> {
    if (this.failure) return Promise.reject(this.failure);
    if (this.closed) return Promise.reject(new Error('the face pool is closed'));
    return new Promise((resolve, reject) => {
      this.queue.push({ task, resolve, reject });
      this.pump();
    });
  }

  private pump(): void {
    for (const slot of this.slots) {
      if (slot.busy || this.queue.length === 0) continue;
      const next = this.queue.shift()!;
      slot.busy = true;
      slot.current = { resolve: next.resolve, reject: next.reject };
      slot.worker.postMessage(next.task);
    }
  }

  /**
   * Stops the workers once they are idle. A worker is never terminated in the middle of a task: killing a thread
   * while onnxruntime or sharp is working for it aborts the whole process.
   */
  async close(): Promise<void> {
    this.closed = true;
    for (const queued of this.queue.splice(0)) queued.reject(new Error('the face pool was closed'));
    await Promise.all(this.slots.map(async (slot) => {
      if (slot.busy) await new Promise<void>((resolve) => {
        const done = () => resolve();
        slot.worker.once('message', done);
        slot.worker.once('exit', done);
      });
      await slot.worker.terminate();
    }));
  }
}
