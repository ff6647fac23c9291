/**
 * Linking the platform's authentication records (客户认证记录: "this visitor is customer 张某, 138****5678") to
 * the captures they are about. The strongest evidence first:
 *   1. the same face image (same SHA-256) as a capture;
 *   2. the same platform person id as captures (the platform's own deduplication: every capture of that person);
 *   3. otherwise, a capture on the same camera within a few seconds of the authentication time.
 * Each link says how it was made, so a drafter can state it and a reviewer can weigh it.
 */
import type { CaseDb } from '../../store/caseDb';

/** The platform authenticates as the face is captured: a few seconds covers its processing delay. */
export const AUTH_TIME_WINDOW_MS = 5_000;

/**
 * Links every auth record of the case to every capture that matches it, so the order in which the capture
 * export and the authentication sheet are imported does not matter (INSERT OR IGNORE: running it again adds
 * only what is new). A weaker method is used for a record only when no stronger one found anything.
 * Returns how many of this source's records are linked.
 */
export function linkAuthRecords(db: CaseDb, sourceId: number): number {
  db.prepare(
    `INSERT OR IGNORE INTO auth_links (auth_id, capture_id, method)
     SELECT a.id, c.id, 'image' FROM auth_records a JOIN captures c ON c.image_sha256 = a.image_sha256
     WHERE a.image_sha256 IS NOT NULL`,
  ).run();
  db.prepare(
    `INSERT OR IGNORE INTO auth_links (auth_id, capture_id, method)
     SELECT a.id, c.id, 'person-id' FROM auth_records a JOIN captures c ON c.platform_person_id = a.platform_person_id
     WHERE a.platform_person_id IS NOT NULL AND a.platform_person_id <> ''
       AND NOT EXISTS (SELECT 1 FROM auth_links l WHERE l.auth_id = a.id AND l.method = 'image')`,
  ).run();
  db.prepare(
    `INSERT OR IGNORE INTO auth_links (auth_id, capture_id, method)
     SELECT a.id, c.id, 'time-camera' FROM auth_records a JOIN captures c
       ON c.camera_id = a.camera_id AND c.captured_ms BETWEEN a.authenticated_ms - ? AND a.authenticated_ms + ?
     WHERE a.camera_id IS NOT NULL AND a.authenticated_ms IS NOT NULL
       AND NOT EXISTS (SELECT 1 FROM auth_links l WHERE l.auth_id = a.id AND l.method IN ('image', 'person-id'))`,
  ).run(AUTH_TIME_WINDOW_MS, AUTH_TIME_WINDOW_MS);
  return (
    db.prepare('SELECT COUNT(DISTINCT l.auth_id) AS n FROM auth_links l JOIN auth_records a ON a.id = l.auth_id WHERE a.source_id = ?').get(sourceId) as {
      n: number;
    }
  ).n;
}
