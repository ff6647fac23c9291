/**
 * The relations the findings read again and again, written once as tokens in each figure's query. A query runs
 * against the summaries kept in the case (summaries.ts) or an in-memory copy, and is cited against the case's own
 * tables, so anyone can re-run the cited SQL on the case and get the same figure (findings.test.ts does, for
 * every figure).
 *   {cameraDays}      captures per camera and local day: camera_id, local_date, n, first, last (instants, ms);
 *   {dayHours}        captures per local day and local hour: local_date, hour, n;
 *   {cameraHours}     captures per camera and hour since the epoch: camera_id, hour, n;
 *   {dayPlatform}     the platform's distinct person ids per local day: local_date, platform_ids;
 *   {platformIds}     captures per platform person id: platform_person_id, n;
 *   {personPairs}     each (counted person, capture) once: person_id, capture_id;
 *   {personDays}      each (counted person, local day) once: person_id, local_date;
 *   {personZones}     each (counted person, zone) once: person_id, zone;
 *   {personVisits}    each counted person's visits at the gap @gapMs (the summary holds the default gap, and
 *                     only a query at that gap reads it: visitFigures.ts), captures, first_ms, last_ms;
 *   {personCaptures}  each (counted person, capture) once with its role and the capture's time, day and camera,
 *                     copied into memory when a figure needs it (visits at another gap than the default).
 * When the summaries cannot be brought up to date (the case is being written by another process), the cited
 * queries run instead: slower, the same rows.
 */
import type { CaseDb } from '../store/caseDb';
import { PERSON_FACES } from './identityState';
import { readFast } from './readFast';
import { CAPTURE_SUMMARIES, refreshSummaries, type SummaryPart } from './summaries';

export const CAMERA_DAYS = '{cameraDays}';
export const DAY_HOURS = '{dayHours}';
export const CAMERA_HOURS = '{cameraHours}';
export const DAY_PLATFORM = '{dayPlatform}';
export const PLATFORM_IDS = '{platformIds}';
export const PERSON_PAIRS = '{personPairs}';
export const PERSON_DAYS = '{personDays}';
export const PERSON_ZONES = '{personZones}';
export const PERSON_VISITS = '{personVisits}';
export const PERSON_CAPTURES = '{personCaptures}';

/** Each (active person, capture) once, with the person's role and the capture's time, day and camera. */
const PERSON_CAPTURES_SELECT = (distinct = 'DISTINCT') => `SELECT ${distinct} fp.person_id AS person_id, f.capture_id AS capture_id,
    p.role AS role, c.captured_ms AS captured_ms, c.local_date AS local_date, c.camera_id AS camera_id
  FROM ${PERSON_FACES} JOIN captures c ON c.id = f.capture_id`;

/** Each token's rows on the case's own tables, and the summary table that holds them. */
const TOKENS: Record<string, { cited: string; table?: string; part?: SummaryPart }> = {
  [CAMERA_DAYS]: { cited: CAPTURE_SUMMARIES.findings_camera_days!, table: 'findings_camera_days', part: 'captures' },
  [DAY_HOURS]: { cited: CAPTURE_SUMMARIES.findings_day_hours!, table: 'findings_day_hours', part: 'captures' },
  [CAMERA_HOURS]: { cited: CAPTURE_SUMMARIES.findings_camera_hours!, table: 'findings_camera_hours', part: 'captures' },
  [DAY_PLATFORM]: { cited: CAPTURE_SUMMARIES.findings_day_platform!, table: 'findings_day_platform', part: 'captures' },
  [PLATFORM_IDS]: { cited: CAPTURE_SUMMARIES.findings_platform_ids!, table: 'findings_platform_ids', part: 'captures' },
  [PERSON_PAIRS]: {
    cited: `SELECT DISTINCT fp.person_id AS person_id, f.capture_id AS capture_id FROM ${PERSON_FACES}`,
    table: 'findings_person_captures',
    part: 'persons',
  },
  [PERSON_DAYS]: {
    cited: `SELECT DISTINCT fp.person_id AS person_id, c.local_date AS local_date FROM ${PERSON_FACES} JOIN captures c ON c.id = f.capture_id`,
    table: 'findings_person_days',
    part: 'persons',
  },
  [PERSON_ZONES]: {
    cited: `SELECT DISTINCT fp.person_id AS person_id, cam.zone AS zone
      FROM ${PERSON_FACES} JOIN captures c ON c.id = f.capture_id JOIN cameras cam ON cam.id = c.camera_id`,
    table: 'findings_person_zones',
    part: 'persons',
  },
  [PERSON_VISITS]: {
    cited: `SELECT person_id, SUM(gap IS NULL OR gap > @gapMs) AS visits, COUNT(*) AS captures, MIN(ms) AS first_ms, MAX(ms) AS last_ms
      FROM (SELECT pc.person_id AS person_id, pc.captured_ms AS ms,
                   pc.captured_ms - LAG(pc.captured_ms) OVER (PARTITION BY pc.person_id ORDER BY pc.captured_ms, pc.capture_id) AS gap
              FROM (${PERSON_CAPTURES_SELECT()}) pc)
     GROUP BY person_id`,
    table: 'findings_person_visits',
    part: 'persons',
  },
  [PERSON_CAPTURES]: { cited: PERSON_CAPTURES_SELECT() },
};

/** In-memory copies, made per connection on first use. */
const COPIES: Record<string, { name: string; sql: string }> = {
  [PERSON_CAPTURES]: {
    name: 'temp.findings_person_captures_copy',
    // Clustered by (person, time): the visits' window runs in this order without sorting. The key also makes
    // each (person, capture) one row (INSERT OR IGNORE), as the cited SELECT DISTINCT does.
    sql: `CREATE TEMP TABLE findings_person_captures_copy (person_id INTEGER, capture_id INTEGER, role TEXT, captured_ms INTEGER,
            local_date TEXT, camera_id TEXT, PRIMARY KEY (person_id, captured_ms, capture_id)) WITHOUT ROWID;
          INSERT OR IGNORE INTO temp.findings_person_captures_copy ${PERSON_CAPTURES_SELECT('')};`,
  },
};

interface Made {
  copies: Set<string>;
  fresh: Partial<Record<SummaryPart, boolean>>;
}

const made = new WeakMap<CaseDb, Made>();

function state(db: CaseDb): Made {
  let s = made.get(db);
  if (!s) {
    readFast(db);
    s = { copies: new Set(), fresh: {} };
    made.set(db, s);
  }
  return s;
}

/**
 * Brings the summaries up to date for this connection (each part once); later queries on it read them as they are.
 * False: they could not be (the case is being written elsewhere), and the cited queries run instead.
 */
export function prepareSummaries(db: CaseDb, parts: readonly SummaryPart[] = ['captures', 'persons']): boolean {
  const s = state(db);
  const asked = parts.filter((p) => s.fresh[p] === undefined);
  if (asked.length > 0) {
    const { fresh } = refreshSummaries(db, asked);
    for (const p of asked) s.fresh[p] = fresh;
  }
  return parts.every((p) => s.fresh[p]);
}

/** The SQL as it runs on this connection: tokens become the summaries or the copies, made on first use. */
export function runnable(db: CaseDb, sql: string): string {
  let out = sql;
  for (const [token, { cited, table, part }] of Object.entries(TOKENS)) {
    if (!out.includes(token)) continue;
    const copy = COPIES[token];
    let name: string;
    if (copy) {
      const s = state(db);
      if (!s.copies.has(token)) {
        db.exec(`DROP TABLE IF EXISTS ${copy.name}; ${copy.sql}`);
        s.copies.add(token);
      }
      name = copy.name;
    } else {
      name = prepareSummaries(db, [part!]) ? `main.${table!}` : `(${cited})`;
    }
    out = out.replaceAll(token, name);
  }
  return out;
}

/** The SQL as it is cited: tokens become the case's own tables. */
export function citable(sql: string): string {
  let out = sql;
  for (const [token, { cited }] of Object.entries(TOKENS)) out = out.replaceAll(token, `(${cited})`);
  return out;
}
