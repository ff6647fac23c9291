/** The services behind shared/findingsApi.ts. */
import type { findingsContract } from '../../shared/findingsApi';
import type { HandlersFor } from '../api/handlerTypes';
import type { JobRunner } from '../jobs/jobRunner';

export function findingsHandlers(_jobs: JobRunner): HandlersFor<keyof typeof findingsContract> {
  return {};
}
