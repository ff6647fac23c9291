/**
 * Long work (imports now, analysis later) as jobs: each reports progress, can be cancelled, and ends in one of
 * done / failed / cancelled. Listeners (the Electron window, the browser host's sockets) get every change.
 */
import crypto from 'node:crypto';
import type { JobStatus } from '../../shared/api';
import { UserError, type WireError } from '../../shared/messages';
import { toWireError } from '../api/wireError';
import { RateMeter } from './rateMeter';

export interface JobContext {
  signal: AbortSignal;
  /** Reports progress; bytes are optional, for work that reads files. */
  progress(phase: string, done: number, total: number, bytes?: { done: number; total?: number }): void;
}

type Listener = (job: JobStatus) => void;

/** Progress events are throttled: a 100,000-file import must not send 100,000 messages to the page. */
const PROGRESS_INTERVAL_MS = 100;

export class JobRunner {
  private jobs = new Map<string, { status: JobStatus; controller: AbortController; finished: Promise<void> }>();
  private listeners = new Set<Listener>();

  onChange(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private emit(status: JobStatus): void {
    for (const listener of this.listeners) listener({ ...status });
  }

  start(caseId: string, kind: JobStatus['kind'], work: (ctx: JobContext) => Promise<unknown>): string {
    const id = crypto.randomUUID();
    const controller = new AbortController();
    const status: JobStatus = { id, caseId, kind, state: 'running', phase: 'queued', done: 0, total: 0 };
    const rates = new RateMeter();
    let lastEmit = 0;
    const ctx: JobContext = {
      signal: controller.signal,
      progress: (phase, done, total, bytes) => {
        const phaseChanged = phase !== status.phase;
        if (phaseChanged) rates.reset();
        Object.assign(status, { phase, done, total, bytesDone: bytes?.done, bytesTotal: bytes?.total });
        Object.assign(status, rates.sample(done, total, bytes?.done ?? 0, bytes?.total));
        const now = Date.now();
        if (phaseChanged || done === total || now - lastEmit >= PROGRESS_INTERVAL_MS) {
          lastEmit = now;
          this.emit(status);
        }
      },
    };
    const finished = work(ctx).then(
      (result) => {
        Object.assign(status, { state: 'done', result });
        this.emit(status);
      },
      (error: unknown) => {
        const wire: WireError = toWireError(error);
        const cancelled = error instanceof UserError && /\.cancelled$/u.test(error.code);
        Object.assign(status, { state: cancelled ? 'cancelled' : 'failed', error: wire });
        this.emit(status);
      },
    );
    this.jobs.set(id, { status, controller, finished });
    this.emit(status);
    return id;
  }

  get(id: string): JobStatus {
    const job = this.jobs.get(id);
    if (!job) throw new UserError('job.notFound', { id });
    return { ...job.status };
  }

  cancel(id: string): boolean {
    const job = this.jobs.get(id);
    if (!job) throw new UserError('job.notFound', { id });
    if (job.status.state !== 'running') return false;
    job.controller.abort();
    return true;
  }

  /** Resolves when the job has ended, whatever the outcome. */
  async wait(id: string): Promise<JobStatus> {
    const job = this.jobs.get(id);
    if (!job) throw new UserError('job.notFound', { id });
    await job.finished;
    return { ...job.status };
  }
}
