/**
 * Where the person figures stand: no clustering yet, done, or stale (faces analysed since the last run, so some
 * faces belong to no one yet). The person figures are computed only when a run exists, and carry its id.
 */
import type { IdentityState } from '../../shared/findingsApi';
import type { CaseDb } from '../store/caseDb';

/** The active persons the person figures count: shown by the review, with at least one face. */
export const ACTIVE_PERSON = `p.active = 1 AND p.faces > 0`;

/**
 * Each capture's persons: faces → face_persons → active persons, joined to captures on f.capture_id by the query
 * that uses it. A face set aside (person_id NULL) belongs to no one; a capture with two faces of one person gives
 * two rows, so queries count DISTINCT persons (or, for visits, a gap of zero that never starts a visit).
 * CROSS JOIN fixes the order: faces are read through their (capture_id, id) index, in capture order, never the
 * table with its embeddings; face_persons and persons are looked up by key.
 */
export const PERSON_FACES = `faces f
    CROSS JOIN face_persons fp ON fp.face_id = f.id
    CROSS JOIN persons p ON p.id = fp.person_id AND ${ACTIVE_PERSON}`;

export function identityState(db: CaseDb): IdentityState {
  const run = db
    .prepare(`SELECT id, model_id, faces FROM identity_runs WHERE state = 'done' ORDER BY id DESC LIMIT 1`)
    .get() as { id: number; model_id: string; faces: number } | undefined;
  const decisions = (db.prepare(`SELECT COUNT(*) AS n FROM review_decisions WHERE state = 'active'`).get() as { n: number }).n;
  if (!run) return { state: 'none', runId: null, decisions };
  // All faces less those of other models: two ranges of the faces_model index, usually empty.
  const { n: facesNow } = db
    .prepare('SELECT (SELECT COUNT(*) FROM faces) - (SELECT COUNT(*) FROM faces WHERE model_id < @m) - (SELECT COUNT(*) FROM faces WHERE model_id > @m) AS n')
    .get({ m: run.model_id }) as { n: number };
  return { state: facesNow === run.faces ? 'done' : 'stale', runId: run.id, decisions };
}
