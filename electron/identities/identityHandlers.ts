/** The services behind shared/identitiesApi.ts. */
import path from 'node:path';
import type { identitiesContract } from '../../shared/identitiesApi';
import type { HandlersFor } from '../api/handlerTypes';
import { appendAudit } from '../audit/auditLog';
import type { JobRunner } from '../jobs/jobRunner';
import { openCase, withCase } from '../store/caseStore';
import { clusterCase } from './clusterCase';
import { exportIdentities } from './exportIdentities';
import { getPerson, getPersons, personByLabel, identitySummary, listPersons, mergeSuggestions, personFaces, staffSuggestions } from './personQueries';
import { applyReview, redoReview, undoReview } from './reviewDecisions';

/** A file name for an export that sorts by time and never overwrites an earlier one. */
function exportFile(caseId: string, format: 'csv' | 'xlsx'): string {
  const stamp = new Date().toISOString().replaceAll(':', '').replace(/\.\d+Z$/u, 'Z');
  return path.join(caseId, 'exports', `identities-${stamp}.${format}`);
}

export function identityHandlers(jobs: JobRunner): HandlersFor<keyof typeof identitiesContract> {
  return {
    'identities.cluster.start': ({ caseId }) => {
      withCase(caseId, () => undefined); // fail now, not inside the job, when the case does not exist
      const jobId = jobs.start(caseId, 'cluster', async (ctx) => {
        await clusterCase(caseId, { signal: ctx.signal, onProgress: (p) => ctx.progress(p.phase, p.done, p.total) });
        return withCase(caseId, identitySummary);
      });
      return { jobId };
    },
    'identities.summary': ({ caseId }) => withCase(caseId, identitySummary),
    'persons.list': ({ caseId, ...query }) => withCase(caseId, (db) => listPersons(db, query)),
    'persons.get': ({ caseId, personId }) => withCase(caseId, (db) => getPerson(db, personId)),
    'persons.byLabel': ({ caseId, label }) => withCase(caseId, (db) => personByLabel(db, label)),
    'persons.faces': ({ caseId, personId, offset, limit }) => withCase(caseId, (db) => personFaces(db, personId, { offset, limit })),
    'identities.review': ({ caseId, action }) =>
      withCase(caseId, (db) => {
        const outcome = applyReview(db, action);
        return { seq: outcome.seq, persons: getPersons(db, outcome.personIds), newPersonId: outcome.newPersonId };
      }),
    'identities.undo': ({ caseId }) => ({ seq: withCase(caseId, undoReview) }),
    'identities.redo': ({ caseId }) => ({ seq: withCase(caseId, redoReview) }),
    'identities.suggestions': ({ caseId, offset, limit }) => withCase(caseId, (db) => mergeSuggestions(db, { offset, limit })),
    'identities.staffSuggestions': ({ caseId }) => withCase(caseId, (db) => staffSuggestions(db)),
    'identities.export': async ({ caseId, format }) => {
      const file = exportFile(caseId, format);
      const db = openCase(caseId);
      try {
        const rows = await exportIdentities(db, file, format);
        appendAudit(db, 'identities.export', { file: path.relative(caseId, file), format, rows });
        return { path: file, rows };
      } finally {
        db.close();
      }
    },
  };
}
