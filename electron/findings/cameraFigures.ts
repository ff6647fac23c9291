/**
 * Per camera and per zone: how many captures, from when to when, on how many days. A camera that never captured
 * is listed with zero (it was in the platform's device list), so the decision can say "N of M cameras captured".
 */
import type { Stats } from '../../shared/api';
import type { FigureLog } from './figureLog';
import { CAMERA_DAYS, PERSON_ZONES } from './workingSet';
import { isoAtFor } from './isoAt';

type Camera = Stats['cameras'][number];
type Zone = Stats['zones'][number];

interface Span {
  firstMs: number | null;
  lastMs: number | null;
}

export function cameraFigures(log: FigureLog, timezone: string): Camera[] {
  const rows = log.all<{ id: string; name: string; zone: string; captures: number; activeDays: number } & Span>(
    ['cameras'],
    `SELECT cam.id AS id, cam.name AS name, cam.zone AS zone, COALESCE(SUM(d.n), 0) AS captures,
            COUNT(d.local_date) AS activeDays, MIN(d.first) AS firstMs, MAX(d.last) AS lastMs
       FROM cameras cam LEFT JOIN ${CAMERA_DAYS} d ON d.camera_id = cam.id
      GROUP BY cam.id ORDER BY cam.id`,
  );
  const at = isoAtFor(log.db, timezone);
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    zone: r.zone,
    captures: r.captures,
    first: at(r.firstMs),
    last: at(r.lastMs),
    activeDays: r.activeDays,
  }));
}

/** Zones from the cameras' zone (区域 in the sheet); cameras without one make the zone ''. */
export function zoneFigures(log: FigureLog, timezone: string, withPersons: boolean): Zone[] {
  const rows = log.all<{ zone: string; cameras: number; captures: number; activeDays: number } & Span>(
    ['zones'],
    `SELECT cam.zone AS zone, COUNT(DISTINCT cam.id) AS cameras, COALESCE(SUM(d.n), 0) AS captures,
            COUNT(DISTINCT d.local_date) AS activeDays, MIN(d.first) AS firstMs, MAX(d.last) AS lastMs
       FROM cameras cam LEFT JOIN ${CAMERA_DAYS} d ON d.camera_id = cam.id
      GROUP BY cam.zone ORDER BY captures DESC, cam.zone`,
  );
  const persons = new Map<string, number>();
  if (withPersons) {
    const personRows = log.all<{ zone: string; persons: number }>(
      ['zones.persons'],
      `SELECT zone, COUNT(*) AS persons FROM ${PERSON_ZONES} GROUP BY zone ORDER BY zone`,
      {},
      { persons: true },
    );
    for (const r of personRows) persons.set(r.zone, r.persons);
  }
  const at = isoAtFor(log.db, timezone);
  return rows.map((r) => ({
    zone: r.zone,
    cameras: r.cameras,
    captures: r.captures,
    first: at(r.firstMs),
    last: at(r.lastMs),
    activeDays: r.activeDays,
    persons: withPersons ? (persons.get(r.zone) ?? 0) : null,
  }));
}
