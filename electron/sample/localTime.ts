/**
 * Local dates and times in Asia/Shanghai.
 *
 * China has kept UTC+08:00 without daylight saving since 1991, so plain arithmetic on a fixed offset is exact
 * for any date a sample covers; no time-zone library is needed.
 */
export const TIMEZONE = 'Asia/Shanghai';
export const UTC_OFFSET = '+08:00';

const DAY_MS = 86_400_000;

const pad = (value: number, width = 2): string => String(value).padStart(width, '0');

/** `YYYY-MM-DD` for the date `offsetDays` after `start` (also `YYYY-MM-DD`). */
export function addDays(start: string, offsetDays: number): string {
  const [y, m, d] = start.split('-').map(Number);
  const date = new Date(Date.UTC(y ?? 1970, (m ?? 1) - 1, d ?? 1) + offsetDays * DAY_MS);
  return `${date.getUTCFullYear()}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())}`;
}

/** 0 = Sunday ... 6 = Saturday. */
export function dayOfWeek(date: string): number {
  const [y, m, d] = date.split('-').map(Number);
  return new Date(Date.UTC(y ?? 1970, (m ?? 1) - 1, d ?? 1)).getUTCDay();
}

export interface ClockTime {
  hh: string;
  mm: string;
  ss: string;
  ms: string;
}

/** Splits milliseconds since local midnight into zero-padded parts. */
export function clock(msOfDay: number): ClockTime {
  const whole = Math.floor(msOfDay);
  return {
    hh: pad(Math.floor(whole / 3_600_000)),
    mm: pad(Math.floor(whole / 60_000) % 60),
    ss: pad(Math.floor(whole / 1000) % 60),
    ms: pad(whole % 1000, 3),
  };
}

/**
 * `2021-04-18T09:30:15+08:00`: the instant as the record sheet states it (whole seconds). truth.json uses this
 * form because the sheet, not the image's file name, is the platform's record of when a capture happened.
 */
export function isoRecord(date: string, msOfDay: number): string {
  const t = clock(msOfDay);
  return `${date}T${t.hh}:${t.mm}:${t.ss}${UTC_OFFSET}`;
}

/** `2021-04-18 09:30:15`, as the platform's sheet shows it (whole seconds). */
export function sheetTime(date: string, msOfDay: number): string {
  const t = clock(msOfDay);
  return `${date} ${t.hh}:${t.mm}:${t.ss}`;
}

/** `20210418` */
export function compactDate(date: string): string {
  return date.replaceAll('-', '');
}

export const HOUR_MS = 3_600_000;
export const MINUTE_MS = 60_000;
