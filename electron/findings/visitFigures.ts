/**
 * Visits: a person's captures in time order, split wherever two captures are more than the gap apart (30 minutes
 * by default: a visitor who walks out and back within half an hour is still on the same visit). Counted for
 * visitors only (staff are there every day: their "visits" say nothing about consumers).
 */
import type { FigureLog } from './figureLog';
import { DEFAULT_GAP_MS } from './summaries';
import { PERSON_CAPTURES, PERSON_VISITS } from './workingSet';

export const DEFAULT_GAP_MINUTES = 30;

/** One row per visitor capture with the gap to that visitor's previous capture (NULL for the first). */
export const VISITOR_GAPS = `
  SELECT pc.person_id AS person_id, pc.captured_ms AS ms,
         pc.captured_ms - LAG(pc.captured_ms) OVER (PARTITION BY pc.person_id ORDER BY pc.captured_ms, pc.capture_id) AS gap
    FROM ${PERSON_CAPTURES} pc
   WHERE pc.role <> 'staff'`;

/**
 * Each visitor's visits, captures, first and last instant: at the default gap from the per-person summaries
 * (personSummaries.ts), at another gap from each visitor's captures in time order.
 */
export function visitorSummaries(gapMs: number): string {
  return gapMs === DEFAULT_GAP_MS
    ? `SELECT v.person_id AS person_id, v.visits AS visits, v.captures AS captures, v.first_ms AS firstMs, v.last_ms AS lastMs
         FROM ${PERSON_VISITS} v JOIN persons p ON p.id = v.person_id WHERE p.role <> 'staff'`
    : `SELECT person_id, SUM(gap IS NULL OR gap > @gapMs) AS visits, COUNT(*) AS captures, MIN(ms) AS firstMs, MAX(ms) AS lastMs
         FROM (${VISITOR_GAPS}) GROUP BY person_id`;
}

export function visitFigures(log: FigureLog, gapMinutes = DEFAULT_GAP_MINUTES): { visits: number; repeatVisitors: number } {
  const row = log.get<{ visits: number | null; repeatVisitors: number | null }>(
    ['visits', 'repeatVisitors'],
    `SELECT SUM(visits) AS visits, SUM(visits >= 2) AS repeatVisitors FROM (${visitorSummaries(gapMinutes * 60_000)})`,
    { gapMs: gapMinutes * 60_000, gapMinutes },
    { persons: true, note: 'visits of persons not confirmed staff, a new visit after a gap longer than gapMinutes; repeat visitors have two visits or more' },
  );
  return { visits: row.visits ?? 0, repeatVisitors: row.repeatVisitors ?? 0 };
}
