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
import { personVisits } from './personVisits';
import { platformComparison } from './platformCounts';
import { timeline } from './timeline';
import { withOpenCase } from './withOpenCase';
import { writeChart, writeTable } from './writeExport';

export function findingsHandlers(_jobs: JobRunner): HandlersFor<keyof typeof findingsContract> {
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
