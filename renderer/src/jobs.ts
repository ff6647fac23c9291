/**
 * Jobs (imports, verifications, face analyses) seen by this page, fed by pushed `job` events (and by polling as a
 * fallback). Kept at app level so a running job survives navigating to a day view and back.
 */
import { useEffect, useSyncExternalStore } from 'react';
import type { JobStatus } from '../../shared/api';
import type { AppBridge } from './bridge';

export const isTerminal = (s: JobStatus['state']) => s !== 'running';

export class JobStore {
  private readonly jobs = new Map<string, { job: JobStatus; at: number }>();
  private readonly activeByCase = new Map<string, string>();
  private readonly listeners = new Set<() => void>();
  private version = 0;

  constructor(bridge: AppBridge) {
    bridge.onEvent((event) => {
      if (event && event.type === 'job' && event.job) this.put(event.job);
    });
  }

  /** Records a job status unless it is older than what is known (a late poll must not undo a final state). */
  put(job: JobStatus): void {
    const prev = this.jobs.get(job.id)?.job;
    if (prev) {
      if (isTerminal(prev.state) && !isTerminal(job.state)) return;
      if (!isTerminal(job.state) && prev.phase === job.phase && job.done < prev.done) return;
    }
    this.jobs.set(job.id, { job, at: Date.now() });
    this.emit();
  }

  get(jobId: string | undefined): JobStatus | undefined {
    return jobId ? this.jobs.get(jobId)?.job : undefined;
  }

  lastUpdate(jobId: string): number {
    return this.jobs.get(jobId)?.at ?? 0;
  }

  activeJobId(caseId: string): string | undefined {
    return this.activeByCase.get(caseId);
  }

  setActive(caseId: string, jobId: string | undefined): void {
    if (jobId) this.activeByCase.set(caseId, jobId);
    else this.activeByCase.delete(caseId);
    this.emit();
  }

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  getVersion = (): number => this.version;

  private emit() {
    this.version++;
    for (const l of [...this.listeners]) l();
  }
}

export function useJobStore(store: JobStore): number {
  return useSyncExternalStore(store.subscribe, store.getVersion);
}

/** The store key of a case's active verification (imports use the case id itself). */
export const verifyKey = (caseId: string) => `verify\u0000${caseId}`;
/** The store key of a case's active face analysis. */
export const analyzeKey = (caseId: string) => `analyze\u0000${caseId}`;

const POLL_MS = 1500;

/** Events drive a job's progress; this poll covers events lost while the connection was down. */
export function useJobPoll(bridge: AppBridge, store: JobStore, jobId: string | undefined, running: boolean): void {
  useEffect(() => {
    if (!jobId || !running) return;
    const timer = setInterval(() => {
      if (Date.now() - store.lastUpdate(jobId) < POLL_MS) return;
      bridge.call('jobs.get', { jobId }).then(
        (status) => store.put(status),
        () => {
          /* transient: the next tick retries */
        },
      );
    }, POLL_MS);
    return () => clearInterval(timer);
  }, [bridge, store, jobId, running]);
}
