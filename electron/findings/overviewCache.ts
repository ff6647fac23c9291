/**
 * The overview's figures, kept in memory per case while nothing they depend on has changed, so opening a case
 * again (or coming back from the captures behind a bar) does not recompute 124,200 captures' worth of figures.
 *
 * Whether anything changed is read from the case itself, by a few index-only counts: every change the workstation
 * makes to what the figures read is one of these — an import adds captures, blobs and authentication records; an
 * analysis adds faces; a clustering run adds an identity run (and rewrites persons and their faces); a review
 * decision adds a decision or changes its state (undo, redo), and the persons it touches are re-stamped. A cached
 * result keeps its own computedAt, so its provenance says when it was computed.
 */
import type { FindingsOverview } from '../../shared/findingsApi';
import type { CaseDb } from '../store/caseDb';
import { prepareSummaries } from './workingSet';

const FINGERPRINT = `SELECT json_array(
    (SELECT COUNT(*) FROM captures), (SELECT MAX(id) FROM captures),
    (SELECT COUNT(*) FROM faces), (SELECT MAX(id) FROM faces),
    (SELECT COUNT(*) FROM face_persons),
    (SELECT json_array(id, state, finished_at, persons) FROM identity_runs ORDER BY id DESC LIMIT 1),
    (SELECT COUNT(*) FROM review_decisions), (SELECT MAX(seq) FROM review_decisions),
    (SELECT COUNT(*) FROM review_decisions WHERE state = 'active'),
    (SELECT COUNT(*) FROM persons), (SELECT MAX(updated_at) FROM persons), (SELECT SUM(active) FROM persons),
    (SELECT group_concat(id || '|' || name || '|' || zone, ';') FROM cameras),
    (SELECT COUNT(*) FROM auth_records), (SELECT COUNT(*) FROM auth_links),
    (SELECT COUNT(*) FROM blobs), (SELECT COUNT(*) FROM derived_files),
    (SELECT timezone FROM case_info)
  ) AS fp`;

const MAX_CASES = 8;
const cache = new Map<string, { fingerprint: string; value: FindingsOverview }>();

export function caseFingerprint(db: CaseDb): string {
  return (db.prepare(FINGERPRINT).get() as { fp: string }).fp;
}

export function cachedOverview(caseDir: string, db: CaseDb, compute: (db: CaseDb) => FindingsOverview): FindingsOverview {
  const fingerprint = caseFingerprint(db);
  const hit = cache.get(caseDir);
  if (hit && hit.fingerprint === fingerprint) return hit.value;
  // The per-person summaries are brought up to date first, in their own write transaction (personSummaries.ts).
  prepareSummaries(db);
  // One read transaction: the figures and the fingerprint they are stored under see the same state of the case.
  const value = db.transaction(() => compute(db))();
  cache.delete(caseDir);
  cache.set(caseDir, { fingerprint, value });
  while (cache.size > MAX_CASES) cache.delete(cache.keys().next().value!);
  return value;
}

/** For tests and the bench: forget every cached overview. */
export function clearOverviewCache(): void {
  cache.clear();
}
