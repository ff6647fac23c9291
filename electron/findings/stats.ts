/**
 * The case's capture figures: how many, on which cameras, over what period, per day.
 * Every figure is one SQL query over the captures table, so it can be cited and re-run.
 */
import type { Stats } from '../../shared/api';
import type { CaseDb } from '../store/caseDb';
import { readCaseInfo } from '../store/caseStore';

export function computeStats(db: CaseDb): Stats {
  const timezone = readCaseInfo(db).timezone;
  const totals = db
    .prepare(
      `SELECT COUNT(*) AS captures, COUNT(DISTINCT local_date) AS days,
              SUM(CASE WHEN image_sha256 IS NULL THEN 1 ELSE 0 END) AS without_image
         FROM captures`,
    )
    .get() as { captures: number; days: number; without_image: number | null };
  const first = db.prepare('SELECT captured_at FROM captures ORDER BY captured_ms ASC, id ASC LIMIT 1').get() as
    | { captured_at: string }
    | undefined;
  const last = db.prepare('SELECT captured_at FROM captures ORDER BY captured_ms DESC, id DESC LIMIT 1').get() as
    | { captured_at: string }
    | undefined;
  const cameras = db
    .prepare(
      `SELECT cameras.id AS id, cameras.name AS name, COUNT(captures.id) AS captures
         FROM cameras LEFT JOIN captures ON captures.camera_id = cameras.id
        GROUP BY cameras.id ORDER BY cameras.id`,
    )
    .all() as Stats['cameras'];
  const perDay = db
    .prepare('SELECT local_date AS date, COUNT(*) AS captures FROM captures GROUP BY local_date ORDER BY local_date')
    .all() as Stats['perDay'];
  return {
    captures: totals.captures,
    cameras,
    period: { first: first?.captured_at ?? null, last: last?.captured_at ?? null },
    daysActive: totals.days,
    perDay,
    capturesWithoutImage: totals.without_image ?? 0,
    timezone,
  };
}
