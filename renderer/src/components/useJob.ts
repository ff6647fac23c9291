/**
 * One panel's long job (an import, a verification, a face analysis), as every panel drives it: the job kept in
 * the app-level store under the panel's key (so it survives navigating away and back), starting with a busy flag
 * and the error shown in the panel, polling as a fallback for lost events, cancelling, and the job's own failure
 * as a UiError. The progress and the cancel button with its Esc confirmation are <JobProgress>.
 */
import { useCallback, useEffect, useState } from 'react';
import type { JobStatus } from '../../../shared/api';
import type { AppBridge } from '../bridge';
import { toUiError, type UiError } from '../bridge/errors';
import { isTerminal, useJobPoll, useJobStore, type JobStore } from '../jobs';

export interface JobControl {
  jobId: string | undefined;
  job: JobStatus | undefined;
  /** A job is under way (or started and not heard of yet). */
  running: boolean;
  starting: boolean;
  cancelling: boolean;
  /** A call the panel made that failed (starting, cancelling); cleared when starting again. */
  actionError: UiError | null;
  setActionError(error: UiError | null): void;
  /** Runs `begin` with the starting flag set and its error shown in the panel; `begin` calls `adopt` for its job. */
  start(begin: () => Promise<void>): Promise<void>;
  /** Makes a job just started this panel's job and asks for its status at once. */
  adopt(jobId: string): void;
  cancel(): Promise<void>;
  /** Forgets the finished job (its report or error goes away). */
  dismiss(): void;
}

export function useJob(bridge: AppBridge, jobs: JobStore, key: string): JobControl {
  useJobStore(jobs);
  const jobId = jobs.activeJobId(key);
  const job = jobs.get(jobId);
  const running = Boolean(jobId) && (!job || job.state === 'running');
  const [starting, setStarting] = useState(false);
  const [cancelling, setCancelling] = useState(false);
  const [actionError, setActionError] = useState<UiError | null>(null);

  useJobPoll(bridge, jobs, jobId, running);

  const ended = Boolean(job && isTerminal(job.state));
  useEffect(() => {
    if (ended) setCancelling(false);
  }, [ended, jobId]);

  const adopt = useCallback(
    (id: string) => {
      jobs.setActive(key, id);
      bridge.call('jobs.get', { jobId: id }).then(
        (status) => jobs.put(status),
        () => undefined,
      );
    },
    [bridge, jobs, key],
  );

  const dismiss = useCallback(() => jobs.setActive(key, undefined), [jobs, key]);

  async function start(begin: () => Promise<void>) {
    if (running || starting) return;
    setStarting(true);
    setActionError(null);
    try {
      await begin();
    } catch (err) {
      setActionError(toUiError(err));
    } finally {
      setStarting(false);
    }
  }

  async function cancel() {
    if (!jobId) return;
    setCancelling(true);
    try {
      await bridge.call('jobs.cancel', { jobId });
      jobs.put(await bridge.call('jobs.get', { jobId }));
    } catch (err) {
      setActionError(toUiError(err));
      setCancelling(false);
    }
  }

  return {
    jobId,
    job,
    running,
    starting,
    cancelling,
    actionError,
    setActionError,
    start,
    adopt,
    cancel,
    dismiss,
  };
}

/** A failed or cancelled job's error as the panel shows it; `fallback` when the service sent none. */
export function jobErrorOf(job: JobStatus | undefined, fallback: { cancelled: UiError; failed: UiError }): UiError | null {
  if (!job || (job.state !== 'failed' && job.state !== 'cancelled')) return null;
  if (job.error) return { code: job.error.code, params: job.error.params ?? {}, message: job.error.message ?? '' };
  return job.state === 'cancelled' ? fallback.cancelled : fallback.failed;
}
