/**
 * The person figures a decision cites: distinct persons, staff, visitors (persons not confirmed staff), the range
 * the count takes across the clustering sensitivity, persons the platform authenticated, and persons per day.
 * Counts come from identities' personCounts (the review's own definition); the SQL cited is the query it runs.
 */
import { personCounts } from '../identities/personCounts';
import type { FigureLog } from './figureLog';
import { ACTIVE_PERSON } from './identityState';
import { PERSON_DAYS } from './workingSet';

/** The query personCounts runs (personFigures.test.ts checks that the two agree). */
export const PERSON_COUNTS_SQL = `SELECT COUNT(*) AS persons,
              COALESCE(SUM(role = 'staff'), 0) AS staff,
              COALESCE(SUM(role = 'visitor'), 0) AS visitors
         FROM persons WHERE active = 1 AND faces > 0`;

/**
 * Persons with a capture linked to a row of the authentication sheets, from the links: a few rows each looked up
 * along the faces' capture index (the links come with imports, which do not touch the person summaries).
 */
export const AUTHENTICATED_PERSONS_SQL = `SELECT COUNT(DISTINCT fp.person_id) AS authenticatedPersons
       FROM auth_links al CROSS JOIN faces f ON f.capture_id = al.capture_id
       CROSS JOIN face_persons fp ON fp.face_id = f.id
       CROSS JOIN persons p ON p.id = fp.person_id AND ${ACTIVE_PERSON}`;

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
    AUTHENTICATED_PERSONS_SQL,
    {},
    { ...opts, note: "persons with a capture linked to a row of the platform's authentication sheets" },
  );
  const days = log.all<{ date: string; persons: number; visitors: number }>(
    ['perDay.persons', 'perDay.visitors'],
    // Each (person, day) once: a day's rows are its persons; those not confirmed staff are its visitors.
    `SELECT pd.local_date AS date, COUNT(*) AS persons, SUM(p.role <> 'staff') AS visitors
       FROM ${PERSON_DAYS} pd JOIN persons p ON p.id = pd.person_id
      GROUP BY pd.local_date ORDER BY pd.local_date`,
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
