/**
 * The platform's own counts, read from its sheets (人员编号 per capture, the authentication sheet), beside ours
 * with the difference. The platform's figures are claims to check: its ids split returning visitors and merge
 * look-alikes, so its "number of people" is not a count of people.
 */
import type { Stats } from '../../shared/api';
import type { PlatformComparison } from '../../shared/findingsApi';
import type { CaseDb } from '../store/caseDb';
import { FigureLog } from './figureLog';
import { identityState } from './identityState';
import { AUTHENTICATED_PERSONS_SQL, PERSON_COUNTS_SQL } from './personFigures';
import { readFast } from './readFast';
import { DAY_PLATFORM, PERSON_DAYS, PERSON_PAIRS, PLATFORM_IDS } from './workingSet';

/**
 * `stats`: the case's figures when the caller has them already (the overview): our persons, authenticated persons
 * and persons per day are taken from them, with their provenance, instead of being counted again.
 */
export function platformComparison(db: CaseDb, stats?: Stats): PlatformComparison {
  readFast(db);
  const identity = stats?.identity ?? identityState(db);
  const withPersons = identity.state !== 'none';
  const log = new FigureLog(db, identity);
  // From the captures per platform person id (a summary): one row per id.
  const platform = log.get<{ ids: number; assigned: number; unassigned: number }>(
    ['platform.persons'],
    `SELECT COUNT(*) AS ids, COALESCE(SUM(n), 0) AS assigned, (SELECT COUNT(*) FROM captures) - COALESCE(SUM(n), 0) AS unassigned
       FROM ${PLATFORM_IDS}`,
    {},
    { note: "distinct person ids (人员编号) in the platform's capture sheets; captures with and without one" },
  );
  const customers = log.get<{ customers: number; records: number }>(
    ['platform.authenticated'],
    `SELECT COUNT(DISTINCT COALESCE(customer_name, '') || '|' || COALESCE(phone, '') || '|' || COALESCE(platform_person_id, '')) AS customers,
            COUNT(*) AS records FROM auth_records`,
    {},
    { note: 'distinct customers (name, phone, person id) in the authentication sheets' },
  );

  let ours: { persons: number; assigned: number; unassigned: number; authenticated: number } | null = null;
  if (withPersons) {
    if (stats) {
      log.provenance['ours.persons'] = stats.provenance.persons!;
      log.provenance['ours.authenticated'] = stats.provenance.authenticatedPersons!;
    }
    const persons = stats?.persons ?? log.get<{ persons: number }>(['ours.persons'], PERSON_COUNTS_SQL, {}, { persons: true }).persons;
    const assigned = log.get<{ n: number }>(
      ['ours.assigned', 'ours.unassigned'],
      `SELECT COUNT(DISTINCT capture_id) AS n FROM ${PERSON_PAIRS}`,
      {},
      {
        persons: true,
        note: 'captures holding a face of an active person; the rest hold none',
        summary: { parts: ['persons'], sql: "SELECT value AS n FROM findings_totals WHERE name = 'capturesWithPersons'" },
      },
    ).n;
    const total = (db.prepare('SELECT COUNT(*) AS n FROM captures').get() as { n: number }).n;
    const authenticated = stats?.authenticatedPersons ?? log.get<{ authenticatedPersons: number }>(
      ['ours.authenticated'],
      AUTHENTICATED_PERSONS_SQL,
      {},
      { persons: true },
    ).authenticatedPersons;
    ours = { persons, assigned, unassigned: total - assigned, authenticated };
  }

  const row = (key: string, platformValue: number, oursValue: number | null, pKey: string, oKey: string) => ({
    key,
    platform: platformValue,
    ours: oursValue,
    difference: oursValue === null ? null : oursValue - platformValue,
    platformProvenance: log.provenance[pKey] ?? null,
    oursProvenance: oursValue === null ? null : (log.provenance[oKey] ?? null),
  });
  const perDayPlatform = log.all<{ date: string; platformIds: number }>(
    ['platform.perDay'],
    `SELECT local_date AS date, platform_ids AS platformIds FROM ${DAY_PLATFORM} ORDER BY local_date`,
  );
  const perDayOurs = stats && withPersons
    ? new Map(stats.perDay.map((d) => [d.date, d.persons ?? 0]))
    : withPersons
    ? new Map(
        log
          .all<{ date: string; persons: number }>(
            ['ours.perDay'],
            `SELECT local_date AS date, COUNT(*) AS persons FROM ${PERSON_DAYS} GROUP BY local_date ORDER BY local_date`,
            {},
            { persons: true },
          )
          .map((r) => [r.date, r.persons]),
      )
    : null;
  return {
    rows: [
      row('persons', platform.ids, ours?.persons ?? null, 'platform.persons', 'ours.persons'),
      row('capturesAssigned', platform.assigned, ours?.assigned ?? null, 'platform.persons', 'ours.assigned'),
      row('capturesUnassigned', platform.unassigned, ours?.unassigned ?? null, 'platform.persons', 'ours.assigned'),
      row('authenticated', customers.customers, ours?.authenticated ?? null, 'platform.authenticated', 'ours.authenticated'),
    ],
    perDay: perDayPlatform.map((d) => ({ ...d, persons: perDayOurs ? (perDayOurs.get(d.date) ?? 0) : null })),
  };
}
