/**
 * Pages of captures, for the thumbnail grid: ordered by time so a page is stable while the grid scrolls.
 */
import type { CaptureItem } from '../../shared/api';
import type { CaseDb } from '../store/caseDb';

export function listCaptures(
  db: CaseDb,
  query: { date?: string; offset: number; limit: number },
): { total: number; items: CaptureItem[] } {
  const where = query.date ? 'WHERE c.local_date = @date' : '';
  const params = { date: query.date ?? null, offset: query.offset, limit: query.limit };
  const { total } = db.prepare(`SELECT COUNT(*) AS total FROM captures c ${where}`).get(params) as { total: number };
  const items = db
    .prepare(
      `SELECT c.id, c.captured_at AS capturedAt, c.camera_id AS cameraId, cam.name AS cameraName,
              c.image_path AS imagePath, c.image_sha256 AS sha256, c.sheet_path AS sheetPath,
              c.sheet_row AS sheetRow, c.time_source AS timeSource
         FROM captures c JOIN cameras cam ON cam.id = c.camera_id
         ${where}
        ORDER BY c.captured_ms, c.id
        LIMIT @limit OFFSET @offset`,
    )
    .all(params) as CaptureItem[];
  return { total, items };
}

export function captureImage(db: CaseDb, captureId: number): { sha256: string; mediaType: string } | undefined {
  return db
    .prepare(
      `SELECT c.image_sha256 AS sha256, b.media_type AS mediaType
         FROM captures c JOIN blobs b ON b.sha256 = c.image_sha256 WHERE c.id = ?`,
    )
    .get(captureId) as { sha256: string; mediaType: string } | undefined;
}
