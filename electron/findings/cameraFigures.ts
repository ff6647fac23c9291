/**
 * Per camera and per zone: how many captures, from when to when, on how many days. A camera that never captured
 * is listed with zero (it was in the platform's device list), so the decision can say "N of M cameras captured".
 */
import type { Stats } from '../../shared/api';
import type { FigureLog } from './figureLog';
import { PERSON_CAPTURES } from './identityState';

type Camera = Stats['cameras'][number];
type Zone = Stats['zones'][number];

interface Span {
  firstMs: number | null;
  lastMs: number | null;
}

export function cameraFigures(log: FigureLog): Camera[] {
  const rows = log.all<{ id: string; name: string; zone: string; captures: number; activeDays: number } & Span>(
    ['cameras'],
    `SELECT cam.id AS id, cam.name AS name, cam.zone AS zone, COUNT(c.id) AS captures,
            COUNT(DISTINCT c.local_date) AS activeDays, MIN(c.captured_ms) AS firstMs, MAX(c.captured_ms) AS lastMs
       FROM cameras cam LEFT JOIN captures c ON c.camera_id = cam.id
      GROUP BY cam.id ORDER BY cam.id`,
  );
  const at = isoAt(log, 'camera_id');
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    zone: r.zone,
    captures: r.captures,
    first: r.firstMs === null ? null : at(r.id, r.firstMs),
    last: r.lastMs === null ? null : at(r.id, r.lastMs),
    activeDays: r.activeDays,
  }));
}

/** Zones from the cameras' zone (区域 in the sheet); cameras without one make the zone ''. */
export function zoneFigures(log: FigureLog, withPersons: boolean): Zone[] {
  const rows = log.all<{ zone: string; cameras: number; captures: number; activeDays: number } & Span>(
    ['zones'],
    `SELECT cam.zone AS zone, COUNT(DISTINCT cam.id) AS cameras, COUNT(c.id) AS captures,
            COUNT(DISTINCT c.local_date) AS activeDays, MIN(c.captured_ms) AS firstMs, MAX(c.captured_ms) AS lastMs
       FROM cameras cam LEFT JOIN captures c ON c.camera_id = cam.id
      GROUP BY cam.zone ORDER BY captures DESC, cam.zone`,
  );
  const persons = new Map<string, number>();
  if (withPersons) {
    const personRows = log.all<{ zone: string; persons: number }>(
      ['zones.persons'],
      `SELECT cam.zone AS zone, COUNT(DISTINCT pc.person_id) AS persons
         FROM (${PERSON_CAPTURES}) pc JOIN captures c ON c.id = pc.capture_id JOIN cameras cam ON cam.id = c.camera_id
        GROUP BY cam.zone`,
      {},
      { persons: true },
    );
    for (const r of personRows) persons.set(r.zone, r.persons);
  }
  const at = isoAt(log, 'zone');
  return rows.map((r) => ({
    zone: r.zone,
    cameras: r.cameras,
    captures: r.captures,
    first: r.firstMs === null ? null : at(r.zone, r.firstMs),
    last: r.lastMs === null ? null : at(r.zone, r.lastMs),
    activeDays: r.activeDays,
    persons: withPersons ? (persons.get(r.zone) ?? 0) : null,
  }));
}

/** The stored ISO time (with the case zone's offset) of the capture at an instant on a camera or in a zone. */
function isoAt(log: FigureLog, by: 'camera_id' | 'zone'): (key: string, ms: number) => string | null {
  const stmt = log.db.prepare(
    by === 'camera_id'
      ? 'SELECT captured_at AS at FROM captures WHERE camera_id = ? AND captured_ms = ? LIMIT 1'
      : 'SELECT c.captured_at AS at FROM captures c JOIN cameras cam ON cam.id = c.camera_id WHERE cam.zone = ? AND c.captured_ms = ? LIMIT 1',
  );
  return (key, ms) => (stmt.get(key, ms) as { at: string } | undefined)?.at ?? null;
}
