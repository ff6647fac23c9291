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

const MINUTE = 60_000;
const TICK_STEPS = [MINUTE, 2 * MINUTE, 5 * MINUTE, 10 * MINUTE, 15 * MINUTE, 30 * MINUTE, 3_600_000, 2 * 3_600_000, 3 * 3_600_000,
  6 * 3_600_000, 12 * 3_600_000, 86_400_000, 2 * 86_400_000, 7 * 86_400_000, 14 * 86_400_000, 28 * 86_400_000];

/**
 * About `count` axis ticks on round times of the case zone's clock (midnights, whole hours, quarter hours…), so a
 * tick reads 05-01, not 05-01 04:37. The zone's offset at `fromMs` is used for the whole span (no case spans a
 * daylight-saving change inside a zoomed view worth labelling differently).
 */
export function zonedTicks(fromMs: number, toMs: number, timezone: string, count = 8): number[] {
  const step = TICK_STEPS.find((s) => (toMs - fromMs) / s <= count) ?? TICK_STEPS[TICK_STEPS.length - 1]!;
  const p = parts(fromMs, timezone);
  const offset = Date.UTC(+p.year!, +p.month! - 1, +p.day!, +p.hour! % 24, +p.minute!, +p.second!) - Math.floor(fromMs / 1000) * 1000;
  const ticks: number[] = [];
  for (let t = Math.ceil((fromMs + offset) / step) * step - offset; t <= toMs; t += step) ticks.push(t);
  return ticks;
}
