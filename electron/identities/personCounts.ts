/**
 * The person counts a decision cites, as the review stands now: persons, staff, visitors, and the range the count
 * would take at the strict and the loose end of the clustering sensitivity.
 */
import type { CaseDb } from '../store/caseDb';

export interface PersonCounts {
  /** Active persons with at least one face. */
  persons: number;
  /** Confirmed by the analyst as staff. */
  staff: number;
  /** Persons not confirmed as staff (the definition of visitors). */
  visitors: number;
  /** Persons the analyst marked as visitors explicitly. */
  confirmedVisitors: number;
  /** The latest finished clustering run the counts rest on, and how many review decisions are in force. */
  runId: number | null;
  decisions: number;
  range: PersonRange | null;
}

export interface PersonRange {
  low: number;
  high: number;
  lowThreshold: number;
  highThreshold: number;
}

interface SensitivityRow {
  threshold: number;
  persons: number;
}

export function personCounts(db: CaseDb): PersonCounts {
  const row = db
    .prepare(
      `SELECT COUNT(*) AS persons,
              COALESCE(SUM(role = 'staff'), 0) AS staff,
              COALESCE(SUM(role = 'visitor'), 0) AS visitors
         FROM persons WHERE active = 1 AND faces > 0`,
    )
    .get() as { persons: number; staff: number; visitors: number };
  const run = db
    .prepare(`SELECT id, persons, sensitivity FROM identity_runs WHERE state = 'done' ORDER BY id DESC LIMIT 1`)
    .get() as { id: number; persons: number; sensitivity: string | null } | undefined;
  const decisions = (db.prepare(`SELECT COUNT(*) AS n FROM review_decisions WHERE state = 'active'`).get() as { n: number }).n;
  return {
    persons: row.persons,
    staff: row.staff,
    visitors: row.persons - row.staff,
    confirmedVisitors: row.visitors,
    runId: run?.id ?? null,
    decisions,
    range: run ? rangeOf(run, row.persons) : null,
  };
}

/**
 * The sensitivity points are counted when the run is made; review decisions made since then shift the count by
 * the same amount at every threshold (a merge removes one person whatever the threshold), so the range is moved
 * by the difference between the count now and the run's count.
 */
function rangeOf(run: { persons: number; sensitivity: string | null }, personsNow: number): PersonRange | null {
  const points = run.sensitivity ? (JSON.parse(run.sensitivity) as SensitivityRow[]) : [];
  if (points.length === 0) return null;
  const byThreshold = [...points].sort((a, b) => a.threshold - b.threshold);
  const loose = byThreshold[0]!;
  const strict = byThreshold[byThreshold.length - 1]!;
  const shift = personsNow - run.persons;
  return {
    low: Math.max(0, Math.min(loose.persons + shift, personsNow)),
    high: Math.max(strict.persons + shift, personsNow),
    lowThreshold: loose.threshold,
    highThreshold: strict.threshold,
  };
}
