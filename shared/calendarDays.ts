/**
 * Per-day series over the whole period, days without captures included as zero: a chart that skipped them
 * would hide the days the office was closed or the cameras were off, which an analyst needs to see.
 */
const DAY_MS = 86_400_000;

function dayNumber(date: string): number {
  const [y, m, d] = date.split('-').map(Number);
  return Date.UTC(y!, m! - 1, d!) / DAY_MS;
}

function dateOf(dayNo: number): string {
  return new Date(dayNo * DAY_MS).toISOString().slice(0, 10);
}

/** `days` sorted by date (YYYY-MM-DD, local); returns every calendar day from the first to the last. */
export function fillCalendarDays<T extends { date: string }>(days: readonly T[], empty: (date: string) => T): T[] {
  if (days.length === 0) return [];
  const byDate = new Map(days.map((d) => [d.date, d]));
  const first = dayNumber(days[0]!.date);
  const last = dayNumber(days[days.length - 1]!.date);
  const out: T[] = [];
  for (let n = first; n <= last; n++) {
    const date = dateOf(n);
    out.push(byDate.get(date) ?? empty(date));
  }
  return out;
}
