/**
 * Reading capture times as platforms write them, in the case's time zone.
 *
 * A time without an offset is local to the case zone (DOMAIN.md §3: Asia/Shanghai unless stated); a time with
 * an offset or Z keeps its instant. Impossible dates (2021-02-30, 25:00) are rejected, never rolled over.
 */
import { DateTime } from 'luxon';

export interface CaptureTime {
  /** ISO 8601 in the case zone, with offset; milliseconds only when the source had them. */
  iso: string;
  ms: number;
  /** YYYY-MM-DD in the case zone. */
  localDate: string;
}

const DATE_TIME =
  /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?(?:[ T]+|\s*)(\d{1,2})[:时](\d{1,2})(?:[:分](\d{1,2})(?:[.,](\d{1,6}))?)?秒?\s*(Z|[+-]\d{2}:?\d{2})?$/iu;
const COMPACT = /^(\d{4})(\d{2})(\d{2})[_ T-]?(\d{2})(\d{2})(\d{2})(?:[._-]?(\d{3}))?$/u;
const EPOCH = /^\d{10}(\d{3})?$/u;

function fromParts(parts: string[], zone: string, offset?: string): CaptureTime | null {
  const [year, month, day, hour, minute, second = '0', fraction] = parts;
  const millis = fraction ? Number(fraction.padEnd(3, '0').slice(0, 3)) : 0;
  const fields = {
    year: Number(year), month: Number(month), day: Number(day),
    hour: Number(hour), minute: Number(minute), second: Number(second), millisecond: millis,
  };
  const sourceZone = offset ? (offset.toUpperCase() === 'Z' ? 'UTC' : `UTC${offset.length === 5 ? `${offset.slice(0, 3)}:${offset.slice(3)}` : offset}`) : zone;
  const parsed = DateTime.fromObject(fields, { zone: sourceZone });
  if (!parsed.isValid) return null;
  // Luxon moves a time inside a DST gap instead of rejecting it; a record with such a time is suspect.
  if (parsed.hour !== fields.hour || parsed.day !== fields.day) return null;
  return toCaptureTime(parsed.setZone(zone), Boolean(fraction));
}

function toCaptureTime(dt: DateTime, withMillis: boolean): CaptureTime {
  return {
    iso: dt.toISO({ suppressMilliseconds: !withMillis && dt.millisecond === 0 })!,
    ms: dt.toMillis(),
    localDate: dt.toISODate()!,
  };
}

export function parseCaptureTime(raw: string, zone: string): CaptureTime | null {
  const value = raw.trim();
  if (!value) return null;
  const full = DATE_TIME.exec(value);
  if (full) return fromParts(full.slice(1, 8) as string[], zone, full[8]);
  const compact = COMPACT.exec(value);
  if (compact) return fromParts(compact.slice(1, 8) as string[], zone);
  if (EPOCH.test(value)) {
    const ms = value.length === 13 ? Number(value) : Number(value) * 1000;
    return toCaptureTime(DateTime.fromMillis(ms, { zone }), value.length === 13);
  }
  return null;
}

const NAME_TIME = /(?:^|[^\d])(\d{4})(\d{2})(\d{2})[_T-]?(\d{2})(\d{2})(\d{2})(?:[._-]?(\d{3}))?(?!\d)/u;
const NAME_CAMERA = /^([A-Za-z]+[-_]?\d+)[_-]/u;

/** Time and camera from names such as CAM03_20210418_093015_123.jpg or 20210418093015.jpg. */
export function parseFileName(fileName: string, zone: string): { time: CaptureTime | null; cameraId: string | null } {
  const base = fileName.replace(/\.[^.]+$/u, '');
  const match = NAME_TIME.exec(base);
  const time = match ? fromParts(match.slice(1, 8) as string[], zone) : null;
  const camera = NAME_CAMERA.exec(base);
  return { time, cameraId: camera ? camera[1]!.toUpperCase() : null };
}

/** A time some milliseconds after another (a video frame after the clip's start), in the case zone. */
export function offsetTime(start: CaptureTime, offsetMs: number, zone: string): CaptureTime {
  const at = DateTime.fromMillis(start.ms + offsetMs, { zone });
  const withMs = start.ms % 1000 !== 0 || offsetMs % 1000 !== 0;
  return {
    iso: at.toISO({ suppressMilliseconds: !withMs })!,
    ms: at.toMillis(),
    localDate: at.toISODate()!,
  };
}
