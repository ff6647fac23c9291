/**
 * Instants shown on the case zone's wall clock (the office's), whatever the viewer's own zone: the same rule as
 * i18n/format.ts, for times the services send as epoch milliseconds.
 */
const formatters = new Map<string, Intl.DateTimeFormat>();

function parts(ms: number, timezone: string): Record<string, string> {
  let f = formatters.get(timezone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-CA', { timeZone: timezone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23' });
    formatters.set(timezone, f);
  }
  return Object.fromEntries(f.formatToParts(new Date(ms)).map((p) => [p.type, p.value]));
}

/** Formatted instants: a timeline repeats the same bucket starts on every camera's row. */
const memo = new Map<string, string>();

/** 2021-04-18 09:30 (seconds when asked). */
export function zonedDateTime(ms: number, timezone: string, seconds = false): string {
  const key = `${timezone}|${ms}|${seconds ? 1 : 0}`;
  const known = memo.get(key);
  if (known !== undefined) return known;
  const p = parts(ms, timezone);
  const text = `${p.year}-${p.month}-${p.day} ${p.hour}:${p.minute}${seconds ? `:${p.second}` : ''}`;
  if (memo.size > 20_000) memo.clear();
  memo.set(key, text);
  return text;
}

/** The axis label for a tick, as fine as the bucket size needs. */
export function zonedTick(ms: number, timezone: string, bucketMs: number): string {
  const p = parts(ms, timezone);
  if (bucketMs >= 86_400_000) return `${p.month}-${p.day}`;
  if (bucketMs >= 3_600_000) return `${p.month}-${p.day} ${p.hour}:00`;
  return `${p.hour}:${p.minute}`;
}
