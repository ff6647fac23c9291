/**
 * Visits: a person's captures in time order, split wherever two captures are more than the gap apart (30 minutes
 * by default: a visitor who walks out and back within half an hour is still on the same visit). Counted for
 * visitors only (staff are there every day: their "visits" say nothing about consumers).
 */
import type { FigureLog } from './figureLog';
import { PERSON_CAPTURES } from './workingSet';

export const DEFAULT_GAP_MINUTES = 30;

/** One row per visitor capture with the gap to that visitor's previous capture (NULL for the first). */
export const VISITOR_GAPS = `
  SELECT pc.person_id AS person_id, pc.captured_ms AS ms,
         pc.captured_ms - LAG(pc.captured_ms) OVER (PARTITION BY pc.person_id ORDER BY pc.captured_ms, pc.capture_id) AS gap
    FROM ${PERSON_CAPTURES} pc
   WHERE pc.role <> 'staff'`;

export function visitFigures(log: FigureLog, gapMinutes = DEFAULT_GAP_MINUTES): { visits: number; repeatVisitors: number } {
  const row = log.get<{ visits: number | null; repeatVisitors: number | null }>(
    ['visits', 'repeatVisitors'],
    `SELECT SUM(visits) AS visits, SUM(visits >= 2) AS repeatVisitors FROM (
       SELECT person_id, SUM(gap IS NULL OR gap > @gapMs) AS visits FROM (${VISITOR_GAPS}) GROUP BY person_id
     )`,
    { gapMs: gapMinutes * 60_000, gapMinutes },
    { persons: true, note: 'visits of persons not confirmed staff, a new visit after a gap longer than gapMinutes; repeat visitors have two visits or more' },
  );
  return { visits: row.visits ?? 0, repeatVisitors: row.repeatVisitors ?? 0 };
}
