/**
 * Camera activity over time: captures per camera in buckets of a round size (a minute to a week) chosen so the
 * requested span holds about the requested number of buckets. Zooming is asking again with a narrower span: the
 * months-long view and a ten-minute window come from the same query.
 */
import { DateTime } from 'luxon';
import type { Timeline } from '../../shared/findingsApi';
import type { CaseDb } from '../store/caseDb';
import { readCaseInfo } from '../store/caseStore';
import { FigureLog } from './figureLog';
import { readFast } from './readFast';
import { CAPTURES } from './workingSet';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
export const BUCKET_SIZES = [MINUTE, 2 * MINUTE, 5 * MINUTE, 10 * MINUTE, 15 * MINUTE, 30 * MINUTE, HOUR, 2 * HOUR, 3 * HOUR, 6 * HOUR, 12 * HOUR, DAY, 2 * DAY, 7 * DAY];

export function bucketSize(spanMs: number, buckets: number): number {
  const wanted = spanMs / buckets;
  return BUCKET_SIZES.find((size) => size >= wanted) ?? BUCKET_SIZES[BUCKET_SIZES.length - 1]!;
}

export function timeline(db: CaseDb, query: { fromMs?: number; toMs?: number; buckets: number }): Timeline {
  readFast(db);
  const timezone = readCaseInfo(db).timezone;
  const period = {
    firstMs: (db.prepare('SELECT captured_ms AS ms FROM captures ORDER BY local_date, captured_ms LIMIT 1').get() as { ms: number } | undefined)?.ms ?? null,
    lastMs: (db.prepare('SELECT captured_ms AS ms FROM captures ORDER BY local_date DESC, captured_ms DESC LIMIT 1').get() as { ms: number } | undefined)?.ms ?? null,
  };
  const cameras = db.prepare('SELECT id, name, zone FROM cameras ORDER BY zone, id').all() as Timeline['cameras'];
  const fromMs = Math.floor(query.fromMs ?? period.firstMs ?? 0);
  const toMs = Math.ceil(Math.max(query.toMs ?? (period.lastMs ?? 0) + 1, fromMs + MINUTE));
  const bucketMs = bucketSize(toMs - fromMs, query.buckets);
  // Buckets of an hour or more start on the local clock's hour and day, not on UTC's.
  const offsetMs = DateTime.fromMillis(fromMs, { zone: timezone }).offset * MINUTE;
  const log = new FigureLog(db, { runId: null, decisions: 0 });
  // The local-date bounds (a day wider than the span) let SQLite use the captures_day index when zoomed in to a
  // week or less; longer spans read the in-memory copy of the captures (workingSet.ts) instead.
  const params = {
    fromMs, toMs, bucketMs, offsetMs,
    fromDate: localDate(fromMs - DAY, timezone),
    toDate: localDate(toMs + DAY, timezone),
  };
  const cells = log.all<Timeline['cells'][number]>(
    ['timeline'],
    `SELECT CAST((c.captured_ms + @offsetMs) / @bucketMs AS INTEGER) * @bucketMs - @offsetMs AS startMs, c.camera_id AS cameraId, COUNT(*) AS captures
       FROM ${toMs - fromMs > 7 * DAY ? CAPTURES : 'captures'} c
      WHERE c.local_date BETWEEN @fromDate AND @toDate AND c.captured_ms >= @fromMs AND c.captured_ms < @toMs
      GROUP BY c.camera_id, startMs ORDER BY startMs, c.camera_id`,
    params,
    { note: 'captures per camera per bucket of bucketMs, buckets aligned on the case zone\'s clock' },
  );
  return { fromMs, toMs, bucketMs, cameras, cells, period, timezone, provenance: log.provenance.timeline! };
}

function localDate(ms: number, timezone: string): string {
  return DateTime.fromMillis(ms, { zone: timezone }).toISODate() ?? '';
}
