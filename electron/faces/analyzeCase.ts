/**
 * The face analysis job over a case: every capture's image (face crop, else scene) through the worker pool,
 * results written in batches, progress reported, cancellable, resumable (captures already analysed are
 * skipped), every run in face_runs and the audit log. The vault is only read; thumbnails go to cache/.
 */
import { appendAudit } from '../audit/auditLog';
import { vaultFile } from '../evidence/vault';
import { openCaseDb } from '../store/caseDb';
import type { AnalyzeTaskResult } from './analyzeImageFile';
import { DEFAULT_ENGINE, modelVersionOf } from './createEngine';
import type { EngineName } from './faceEngine';
import { assertFaceModelCompatible, claimFaceModel, copyFromSameSource, countAnalysis, finishRun, pendingCaptures, saveOutcomes, startRun, type CaptureOutcome } from './faceStore';
import { DEFAULT_WINDOW_OPTIONS } from './detectionWindows';
import { defaultWorkerCount, FacePool } from './workerPool';

export interface AnalysisProgress {
  /** Captures with an image analysed so far, this run and earlier ones. */
  done: number;
  total: number;
  /** Captures this run skipped because an earlier run had finished them. */
  skipped: number;
  facesFound: number;
  failed: number;
  /** Captures per second this run, and the estimated seconds left at that rate. */
  rate: number;
  etaSeconds: number | null;
}

export interface AnalysisOptions {
  engine?: EngineName;
  workers?: number;
  signal?: AbortSignal;
  onProgress?: (p: AnalysisProgress) => void;
  modelRoot?: string;
}

export interface AnalysisReport {
  runId: number;
  state: 'done' | 'cancelled';
  engine: EngineName;
  modelId: string;
  workers: number;
  capturesAnalyzed: number;
  capturesSkipped: number;
  capturesFailed: number;
  facesFound: number;
  total: number;
  seconds: number;
  capturesPerSecond: number;
}

const BATCH = 64;
const BATCH_MS = 500;

export class AnalysisCancelledError extends Error {
  constructor() {
    super('face analysis cancelled; run it again to continue where it stopped');
    this.name = 'AnalysisCancelledError';
  }
}

export async function analyzeCase(caseDir: string, options: AnalysisOptions = {}): Promise<AnalysisReport> {
  const engine = options.engine ?? DEFAULT_ENGINE;
  const version = modelVersionOf(engine);
  const workers = options.workers ?? defaultWorkerCount();
  const db = openCaseDb(caseDir);
  try {
    // Refused before any work when the case already holds another model's embeddings.
    assertFaceModelCompatible(db, version);
    let pool: FacePool;
    try {
      pool = await FacePool.start({ engine, workers, modelRoot: options.modelRoot });
    } catch (error) {
      // A model that fails its checksum (or will not load) is worth a line in the case's record.
      appendAudit(db, 'faces.analysis.refused', { engine, modelId: version.modelId, error: error instanceof Error ? error.message : String(error) });
      throw error;
    }
    const { withImage, finished } = countAnalysis(db);
    const params = { engine, workers, windows: DEFAULT_WINDOW_OPTIONS, node: process.version };
    const runId = db.transaction(() => {
      claimFaceModel(db, version);
      const id = startRun(db, version, workers, params);
      appendAudit(db, 'faces.analysis.start', { runId: id, engine, modelId: version.modelId, models: version.description, workers, pending: withImage - finished, skipped: finished });
      return id;
    })();
    const started = Date.now();
    const counts = { capturesDone: 0, facesFound: 0, capturesFailed: 0 };
    let batch: CaptureOutcome[] = [];
    let lastFlush = Date.now();
    const report = (): void => {
      const seconds = (Date.now() - started) / 1000;
      const rate = seconds > 0 ? counts.capturesDone / seconds : 0;
      const left = withImage - finished - counts.capturesDone;
      options.onProgress?.({ done: finished + counts.capturesDone, total: withImage, skipped: finished, facesFound: counts.facesFound, failed: counts.capturesFailed, rate, etaSeconds: rate > 0 ? left / rate : null });
    };
    const flush = (): void => {
      if (batch.length === 0) return;
      saveOutcomes(db, runId, version.modelId, batch);
      batch = [];
      lastFlush = Date.now();
    };
    const accept = (outcome: CaptureOutcome): void => {
      counts.capturesDone++;
      counts.facesFound += outcome.faces.length;
      if (!outcome.ok) counts.capturesFailed++;
      batch.push(outcome);
      if (batch.length >= BATCH || Date.now() - lastFlush > BATCH_MS) flush();
      // Every capture is reported; listeners throttle (the CLI line, the job runner's events).
      report();
    };

    report();
    let state: 'done' | 'cancelled' = 'done';
    try {
      // At most a few tasks per worker in flight: the reader stays ahead of the pool without loading the case.
      const inFlight = new Set<Promise<void>>();
      const limit = pool.size * 3;
      for (const capture of pendingCaptures(db)) {
        if (options.signal?.aborted) { state = 'cancelled'; break; }
        const copied = copyFromSameSource(db, runId, version.modelId, capture);
        if (copied !== null) {
          counts.capturesDone++;
          counts.facesFound += copied;
          report();
          continue;
        }
        const task = pool.run({ key: capture.captureId, file: vaultFile(caseDir, capture.sourceSha256), sourceSha256: capture.sourceSha256, caseDir })
          .then((r: AnalyzeTaskResult) => accept({ capture, ok: r.ok, error: r.error, faces: r.faces }));
        inFlight.add(task);
        void task.finally(() => inFlight.delete(task)).catch(() => undefined);
        if (inFlight.size >= limit) await Promise.race(inFlight);
      }
      // Work already handed to the pool is finished and kept even when cancelling: it is valid and paid for.
      await Promise.all(inFlight);
      if (options.signal?.aborted) state = 'cancelled';
      flush();
    } catch (error) {
      flush();
      db.transaction(() => {
        finishRun(db, runId, 'failed', counts, error instanceof Error ? error.message : String(error));
        appendAudit(db, 'faces.analysis.failed', { runId, ...counts, error: error instanceof Error ? error.message : String(error) });
      })();
      throw error;
    } finally {
      await pool.close();
    }
    const seconds = (Date.now() - started) / 1000;
    db.transaction(() => {
      finishRun(db, runId, state, counts);
      appendAudit(db, state === 'done' ? 'faces.analysis.done' : 'faces.analysis.cancelled', { runId, engine, modelId: version.modelId, ...counts, seconds: Math.round(seconds * 10) / 10 });
    })();
    report();
    return {
      runId, state, engine, modelId: version.modelId, workers,
      capturesAnalyzed: counts.capturesDone, capturesSkipped: finished, capturesFailed: counts.capturesFailed, facesFound: counts.facesFound,
      total: withImage, seconds, capturesPerSecond: seconds > 0 ? counts.capturesDone / seconds : 0,
    };
  } finally {
    db.close();
  }
}
