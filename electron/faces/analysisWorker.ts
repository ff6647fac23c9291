/**
 * Entry point of a face-pool worker thread: loads the engine once (verifying the model checksums), says
 * 'ready' (or 'error' with the reason), then analyses one task per message.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { analyzeImageFile, type AnalyzeTask } from './analyzeImageFile';
import { createEngine } from './createEngine';
import type { WorkerInit } from './workerPool';

async function main(): Promise<void> {
  const port = parentPort;
  if (!port) throw new Error('analysisWorker must run in a worker thread');
  const init = workerData as WorkerInit;
  let engine;
  try {
    engine = await createEngine(init.engine, { modelRoot: init.modelRoot });
  } catch (error) {
    port.postMessage({ type: 'error', message: error instanceof Error ? error.message : String(error) });
    return;
  }
  port.on('message', (task: AnalyzeTask) => {
    analyzeImageFile(engine, task).then(
      (result) => port.postMessage({ type: 'result', result }, result.faces.map((f) => f.embedding.buffer as ArrayBuffer)),
      (error: unknown) => {
        // An engine failure: let the pool see the worker die with the reason.
        setImmediate(() => { throw error; });
      },
    );
  });
  port.postMessage({ type: 'ready' });
}

void main();
