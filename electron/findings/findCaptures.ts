/**
 * The captures behind a bar or cell: one filter (day, camera, zone, time span, hour, weekday, person), the same
 * definitions the figures use, so a drill-down lists exactly the captures a bar counted.
 */
import type { CaptureFilter, FindingCapture } from '../../shared/findingsApi';
import type { CaseDb } from '../store/caseDb';
import type { Params } from './figureLog';
import { HOUR_OF, WEEKDAY_OF } from './heatMap';
import { PERSON_FACES } from './identityState';
import { readFast } from './readFast';

export function captureWhere(filter: CaptureFilter): { where: string; params: Params } {
  const conditions: string[] = [];
  const params: Params = {};
  const add = (sql: string, name: string, value: string | number | undefined) => {
    if (value === undefined) return;
    conditions.push(sql);
    params[name] = value;
  };
  add('c.local_date = @date', 'date', filter.date);
  add('c.camera_id = @cameraId', 'cameraId', filter.cameraId);
  add('cam.zone = @zone', 'zone', filter.zone);
  add('c.captured_ms >= @fromMs', 'fromMs', filter.fromMs);
  add('c.captured_ms < @toMs', 'toMs', filter.toMs);
  add(`${HOUR_OF('c')} = @hour`, 'hour', filter.hour);
  // Through the dates of that weekday, so the day index narrows the rows before the hour is read from each.
  add(`c.local_date IN (SELECT DISTINCT local_date FROM captures c WHERE ${WEEKDAY_OF('c')} = @weekday)`, 'weekday', filter.weekday);
  add('c.id IN (SELECT f.capture_id FROM faces f JOIN face_persons fp ON fp.face_id = f.id WHERE fp.person_id = @personId)', 'personId', filter.personId);
  return { where: conditions.length ? `WHERE ${conditions.join(' AND ')}` : '', params };
}

export function findCaptures(db: CaseDb, filter: CaptureFilter, page: { offset: number; limit: number }): { total: number; items: FindingCapture[] } {
  readFast(db);
  const { where, params } = captureWhere(filter);
  const from = 'FROM captures c JOIN cameras cam ON cam.id = c.camera_id';
  const { total } = db.prepare(`SELECT COUNT(*) AS total ${from} ${where}`).get(params) as { total: number };
  // The page's ids first, ordered from the narrow index entries (camera, day, instant, id), then only those rows:
  // sorting a zone's 60,000 full rows (paths, the sheet row as JSON) to keep 500 costs ten times as much.
  const rows = db
    .prepare(
      `SELECT c.id, c.captured_at AS capturedAt, c.camera_id AS cameraId, cam.name AS cameraName, cam.zone AS zone,
              c.image_path AS imagePath, c.image_sha256 AS sha256, c.sheet_path AS sheetPath, c.sheet_row AS sheetRow,
              c.time_source AS timeSource
         ${from}
        WHERE c.id IN (SELECT c.id ${from} ${where} ORDER BY c.captured_ms, c.id LIMIT @limit OFFSET @offset)
        ORDER BY c.captured_ms, c.id`,
    )
    .all({ ...params, limit: page.limit, offset: page.offset }) as Array<Omit<FindingCapture, 'persons'>>;
  const persons = personsOf(db, rows.map((r) => r.id));
  return { total, items: rows.map((r) => ({ ...r, persons: persons.get(r.id) ?? [] })) };
}

/** The labels of the active persons in each capture of a page. */
function personsOf(db: CaseDb, captureIds: number[]): Map<number, string[]> {
  const out = new Map<number, string[]>();
  if (captureIds.length === 0) return out;
  const rows = db
    .prepare(
      `SELECT DISTINCT f.capture_id AS captureId, p.label AS label
         FROM ${PERSON_FACES}
        WHERE f.capture_id IN (${captureIds.map(() => '?').join(',')}) ORDER BY p.label`,
    )
    .all(...captureIds) as Array<{ captureId: number; label: string }>;
  for (const r of rows) out.set(r.captureId, [...(out.get(r.captureId) ?? []), r.label]);
  return out;
}
