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
import { CAMERA_DAYS, CAMERA_HOURS, runnable } from './workingSet';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
export const BUCKET_SIZES = [MINUTE, 2 * MINUTE, 5 * MINUTE, 10 * MINUTE, 15 * MINUTE, 30 * MINUTE, HOUR, 2 * HOUR, 3 * HOUR, 6 * HOUR, 12 * HOUR, DAY, 2 * DAY, 7 * DAY];

/** Captures per camera and bucket, each capture put in its bucket. */
export const TIMELINE_BY_CAPTURE = `SELECT CAST((c.captured_ms + @offsetMs) / @bucketMs AS INTEGER) * @bucketMs - @offsetMs AS startMs, c.camera_id AS cameraId, COUNT(*) AS captures
   FROM captures c
  WHERE c.local_date BETWEEN @fromDate AND @toDate AND c.captured_ms >= @fromMs AND c.captured_ms < @toMs
  GROUP BY c.camera_id, startMs ORDER BY startMs, c.camera_id`;

/**
 * The same for buckets of whole hours and an offset of whole hours: per camera and hour first (along the
 * captures_camera_hour index, no sort of the captures), then the hours into buckets. A bucket of whole hours that
 * starts a whole number of hours from the epoch holds whole hours: the same counts.
 */
export const TIMELINE_BY_HOUR = `SELECT CAST((h.hour * ${HOUR} + @offsetMs) / @bucketMs AS INTEGER) * @bucketMs - @offsetMs AS startMs, h.camera_id AS cameraId, SUM(h.n) AS captures
   FROM (SELECT c.camera_id AS camera_id, c.captured_ms / ${HOUR} AS hour, COUNT(*) AS n
           FROM captures c WHERE c.captured_ms >= @fromMs AND c.captured_ms < @toMs
          GROUP BY c.camera_id, c.captured_ms / ${HOUR}) h
  GROUP BY h.camera_id, startMs ORDER BY startMs, h.camera_id`;

/** The same over the whole period, from the captures per camera and hour kept in the case (summaries.ts). */
export const TIMELINE_WHOLE = `SELECT CAST((h.hour * ${HOUR} + @offsetMs) / @bucketMs AS INTEGER) * @bucketMs - @offsetMs AS startMs, h.camera_id AS cameraId, SUM(h.n) AS captures
   FROM ${CAMERA_HOURS} h
  GROUP BY h.camera_id, startMs ORDER BY startMs, h.camera_id`;

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
  const note = { note: 'captures per camera per bucket of bucketMs, buckets aligned on the case zone\'s clock' };
  type Cell = Timeline['cells'][number];
  const wholeHours = bucketMs % HOUR === 0 && offsetMs % HOUR === 0;
  // Whether the span holds every capture: the earliest and latest instant, from the captures per camera and day.
  const bounds = db.prepare(runnable(db, `SELECT MIN(first) AS firstMs, MAX(last) AS lastMs FROM ${CAMERA_DAYS}`)).get() as
    { firstMs: number | null; lastMs: number | null };
  const whole = bounds.firstMs === null || (fromMs <= bounds.firstMs && toMs > bounds.lastMs!);
  const cells = wholeHours && whole
    ? log.all<Cell>(['timeline'], TIMELINE_WHOLE, { bucketMs, offsetMs }, note)
    : wholeHours && toMs - fromMs > 7 * DAY
    ? log.all<Cell>(['timeline'], TIMELINE_BY_HOUR, { fromMs, toMs, bucketMs, offsetMs }, note)
    // The local-date bounds (a day wider than the span) let SQLite use the captures_day index when zoomed in.
    : log.all<Timeline['cells'][number]>(
        ['timeline'],
        TIMELINE_BY_CAPTURE,
        { fromMs, toMs, bucketMs, offsetMs, fromDate: localDate(fromMs - DAY, timezone), toDate: localDate(toMs + DAY, timezone) },
        note,
      );
  return { fromMs, toMs, bucketMs, cameras, cells, period, timezone, provenance: log.provenance.timeline! };
}

function localDate(ms: number, timezone: string): string {
  return DateTime.fromMillis(ms, { zone: timezone }).toISODate() ?? '';
}
