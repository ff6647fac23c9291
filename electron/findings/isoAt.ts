/**
 * The stored time (ISO 8601 with the case zone's offset, as the evidence gave it) of the capture at an instant.
 * Looked up through the captures_day index (local date, instant): the date bounds are a day either side of the
 * instant's local date, so a zone change of the clock cannot miss it.
 */
import { DateTime } from 'luxon';
import type { CaseDb } from '../store/caseDb';

export function isoAtFor(db: CaseDb, timezone: string): (ms: number | null) => string | null {
  const stmt = db.prepare('SELECT captured_at AS at FROM captures WHERE local_date BETWEEN ? AND ? AND captured_ms = ? LIMIT 1');
  const date = (ms: number) => DateTime.fromMillis(ms, { zone: timezone }).toISODate() ?? '';
  return (ms) => (ms === null ? null : ((stmt.get(date(ms - 86_400_000), date(ms + 86_400_000), ms) as { at: string } | undefined)?.at ?? null));
}
