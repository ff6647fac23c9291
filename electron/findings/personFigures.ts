/**
 * The person figures a decision cites: distinct persons, staff, visitors (persons not confirmed staff), the range
 * the count takes across the clustering sensitivity, persons the platform authenticated, and persons per day.
 * Counts come from identities' personCounts (the review's own definition); the SQL cited is the query it runs.
 */
import { personCounts } from '../identities/personCounts';
import type { FigureLog } from './figureLog';
import { PERSON_CAPTURES } from './workingSet';

/** The query personCounts runs (personFigures.test.ts checks that the two agree). */
export const PERSON_COUNTS_SQL = `SELECT COUNT(*) AS persons,
              COALESCE(SUM(role = 'staff'), 0) AS staff,
              COALESCE(SUM(role = 'visitor'), 0) AS visitors
         FROM persons WHERE active = 1 AND faces > 0`;

export interface PersonFigures {
  persons: number;
  staff: number;
  visitors: number;
  personsRange: { low: number; high: number } | null;
  authenticatedPersons: number;
  perDay: Map<string, { persons: number; visitors: number }>;
}

export function personFigures(log: FigureLog): PersonFigures {
  const counts = personCounts(log.db);
  const opts = { persons: true };
  log.record(['persons'], PERSON_COUNTS_SQL, {}, { ...opts, note: 'active persons with at least one face' });
  log.record(['staff'], PERSON_COUNTS_SQL, {}, { ...opts, note: "persons the analyst confirmed as staff (role = 'staff')" });
  log.record(['visitors'], PERSON_COUNTS_SQL, {}, { ...opts, note: 'persons − staff: persons not confirmed as staff' });
  if (counts.range) {
    log.record(
      ['personsRange'],
      "SELECT sensitivity, persons FROM identity_runs WHERE id = @run",
      { run: counts.runId, lowThreshold: counts.range.lowThreshold, highThreshold: counts.range.highThreshold },
      { ...opts, note: "persons at the loose and the strict end of the run's sensitivity points, shifted by the review's decisions since the run" },
    );
  }
  const { authenticatedPersons } = log.get<{ authenticatedPersons: number }>(
    ['authenticatedPersons'],
    `SELECT COUNT(DISTINCT pc.person_id) AS authenticatedPersons
       FROM ${PERSON_CAPTURES} pc JOIN auth_links al ON al.capture_id = pc.capture_id`,
    {},
    { ...opts, note: "persons with a capture linked to a row of the platform's authentication sheets" },
  );
  const days = log.all<{ date: string; persons: number; visitors: number }>(
    ['perDay.persons', 'perDay.visitors'],
    `SELECT pc.local_date AS date, COUNT(DISTINCT pc.person_id) AS persons,
            COUNT(DISTINCT CASE WHEN pc.role <> 'staff' THEN pc.person_id END) AS visitors
       FROM ${PERSON_CAPTURES} pc
      GROUP BY pc.local_date`,
    {},
    opts,
  );
  return {
    persons: counts.persons,
    staff: counts.staff,
    visitors: counts.visitors,
    personsRange: counts.range ? { low: counts.range.low, high: counts.range.high } : null,
    authenticatedPersons,
    perDay: new Map(days.map((d) => [d.date, { persons: d.persons, visitors: d.visitors }])),
  };
}
