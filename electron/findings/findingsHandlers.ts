/** The services behind shared/findingsApi.ts. */
import type { findingsContract } from '../../shared/findingsApi';
import type { HandlersFor } from '../api/handlerTypes';
import type { JobRunner } from '../jobs/jobRunner';
import { withCase } from '../store/caseStore';
import { buildTable } from './exportTables';
import { findCaptures } from './findCaptures';
import { heatMap } from './heatMap';
import { findingsOverview } from './overview';
import { cachedOverview } from './overviewCache';
import { readFast } from './readFast';
import { refreshSummaries } from './summaries';
import { personVisits } from './personVisits';
import { platformComparison } from './platformCounts';
import { timeline } from './timeline';
import { withOpenCase } from './withOpenCase';
import { writeChart, writeTable } from './writeExport';

/** Jobs after which the summaries kept in the case are out of date: new captures, new faces, new persons. */
const CHANGES_FIGURES = new Set(['import', 'analyze', 'cluster']);

export function findingsHandlers(jobs: JobRunner): HandlersFor<keyof typeof findingsContract> {
  // Rebuilt as soon as such a job ends, in the background, so the case's next overview reads them instead of
  // rebuilding them first. Best effort: if this fails (the case was closed or moved), the next read rebuilds them.
  jobs.onChange((job) => {
    if (job.state !== 'done' || !CHANGES_FIGURES.has(job.kind)) return;
    setTimeout(() => {
      try {
        withCase(job.caseId, (db) => refreshSummaries(db));
      } catch {
        // The next figure read brings them up to date.
      }
    }, 0);
  });
  return {
    'findings.overview': ({ caseId }) =>
      withCase(caseId, (db) => {
        readFast(db);
        return cachedOverview(caseId, db, findingsOverview);
      }),
    'findings.captures': ({ caseId, filter, offset, limit }) => withCase(caseId, (db) => findCaptures(db, filter, { offset, limit })),
    'findings.heatmap': ({ caseId }) => withCase(caseId, heatMap),
    'findings.timeline': ({ caseId, ...query }) => withCase(caseId, (db) => timeline(db, query)),
    'findings.personVisits': ({ caseId, personId, gapMinutes }) => withCase(caseId, (db) => personVisits(db, personId, gapMinutes)),
    'findings.platform': ({ caseId }) => withCase(caseId, platformComparison),
    'findings.exportTable': ({ caseId, table, format, lang, filter, personId }) =>
      withOpenCase(caseId, (db) => writeTable(db, caseId, table, buildTable(db, { table, lang, filter, personId }), format, lang)),
    'findings.exportChart': ({ caseId, name, format, data }) => withCase(caseId, (db) => writeChart(db, caseId, name, format, data)),
  };
}
