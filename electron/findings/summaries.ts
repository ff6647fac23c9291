/**
 * Summaries of the captures and of the persons' captures, kept in the case (migration 005's findings_* tables), so
 * the dashboard reads a few thousand summary rows instead of 124,200 captures and 130,000 faces on every request.
 * Each figure cites the query on the case's own tables that gives the same rows (workingSet.ts).
 *
 * Captures (only ever added, never changed or removed): rebuilt when their count or largest id changed, i.e. after
 * an import.
 *   findings_camera_days   captures per camera and local day, with the first and last instant;
 *   findings_day_hours     captures per local day and local hour (the hour of the stored local time);
 *   findings_camera_hours  captures per camera and hour since the epoch (UTC);
 *   findings_day_platform  the platform's distinct person ids per local day;
 *   findings_platform_ids  captures per platform person id;
 *   findings_totals        'images': distinct images (IMAGES_SQL).
 *
 * Persons (what the figures count: active persons with faces, identityState.ts ACTIVE_PERSON):
 *   findings_person_captures  each (counted person, capture) once;
 *   findings_person_days      each (local day, counted person) once;
 *   findings_person_zones     each (zone, counted person) once;
 *   findings_person_visits    each counted person's captures, first and last instant, and visits at the default
 *                             gap (DEFAULT_GAP_MS; other gaps are counted from the case's own tables);
 *   findings_totals           'capturesWithPersons': captures holding a face of a counted person.
 * Roles are not summarised (a figure joins persons for the role), so a role decision needs no rebuild. A person's
 * rows are rebuilt when its row in persons changed: every change to a person's faces (clustering, merge, split,
 * move, undo, redo) rewrites its figures and updated_at (identities/personAggregates.ts), and the stamp also holds
 * active, faces, captures and the first and last instant. Everything is rebuilt when a clustering run ended,
 * faces were added, face_persons rows came or went, or a camera's zone changed.
 *
 * Each part is brought up to date once per connection, before the first figure that reads it, in one write
 * transaction. When the case cannot be written (another process is writing it), the figures run their cited
 * queries instead.
 */
import type { CaseDb } from '../store/caseDb';
import { ACTIVE_PERSON } from './identityState';
import { HOUR_OF } from './localClock';

/** The visits gap the person summaries are kept at: 30 minutes (visitFigures.ts DEFAULT_GAP_MINUTES). */
export const DEFAULT_GAP_MS = 30 * 60_000;
export const HOUR_MS = 3_600_000;
/** A capture with a person id from the platform's sheets (人员编号). */
export const HAS_PLATFORM_ID = "c.platform_person_id IS NOT NULL AND c.platform_person_id <> ''";

/** Each summary's rows, from the case's own tables: what a figure cites, and what a rebuild inserts. */
export const CAPTURE_SUMMARIES: Record<string, string> = {
  findings_camera_days: `SELECT c.camera_id AS camera_id, c.local_date AS local_date, COUNT(*) AS n, MIN(c.captured_ms) AS first, MAX(c.captured_ms) AS last
    FROM captures c GROUP BY c.camera_id, c.local_date`,
  findings_day_hours: `SELECT c.local_date AS local_date, ${HOUR_OF('c')} AS hour, COUNT(*) AS n
    FROM captures c GROUP BY c.local_date, ${HOUR_OF('c')}`,
  findings_camera_hours: `SELECT c.camera_id AS camera_id, c.captured_ms / ${HOUR_MS} AS hour, COUNT(*) AS n
    FROM captures c GROUP BY c.camera_id, c.captured_ms / ${HOUR_MS}`,
  findings_day_platform: `SELECT c.local_date AS local_date, COUNT(DISTINCT CASE WHEN ${HAS_PLATFORM_ID} THEN c.platform_person_id END) AS platform_ids
    FROM captures c GROUP BY c.local_date`,
  findings_platform_ids: `SELECT c.platform_person_id AS platform_person_id, COUNT(*) AS n
    FROM captures c WHERE ${HAS_PLATFORM_ID} GROUP BY c.platform_person_id`,
};

/** How the capture summaries are rebuilt: the same rows, along the migration's indexes. */
const CAPTURE_REBUILD: Record<string, string> = {
  ...CAPTURE_SUMMARIES,
  // Per day and platform id along captures_day_platform (no sort), then per day.
  findings_day_platform: `SELECT local_date, SUM(has) FROM (
      SELECT c.local_date AS local_date, (${HAS_PLATFORM_ID}) AS has FROM captures c GROUP BY c.local_date, c.platform_person_id)
    GROUP BY local_date`,
};

/**
 * Distinct image files (SHA-256) named by captures, face crops and scenes, not frames cut from videos: face crops
 * counted distinct along their index, scene images added when not also a crop.
 */
export const IMAGES_SQL = `SELECT (SELECT COUNT(DISTINCT image_sha256) FROM captures
              WHERE image_sha256 IS NOT NULL AND image_sha256 NOT IN (SELECT sha256 FROM derived_files WHERE kind = 'video-frame'))
          + (SELECT COUNT(DISTINCT scene_sha256) FROM captures
              WHERE scene_sha256 IS NOT NULL AND scene_sha256 NOT IN (SELECT sha256 FROM derived_files WHERE kind = 'video-frame')
                AND scene_sha256 NOT IN (SELECT image_sha256 FROM captures WHERE image_sha256 IS NOT NULL)) AS images`;

/** Captures, video frames (derived files) and cameras are only ever added by an import. */
const CAPTURES_BUILT_FROM = `SELECT json_array((SELECT COUNT(*) FROM captures), (SELECT MAX(id) FROM captures), (SELECT COUNT(*) FROM derived_files)) AS builtFrom`;

const PERSONS_BUILT_FROM = `SELECT json_array(
    (SELECT json_array(id, state, finished_at) FROM identity_runs ORDER BY id DESC LIMIT 1),
    (SELECT COUNT(*) FROM faces), (SELECT MAX(id) FROM faces), (SELECT COUNT(*) FROM face_persons),
    (SELECT group_concat(id || '|' || zone, ';') FROM (SELECT id, zone FROM cameras ORDER BY id))
  ) AS builtFrom`;

const STAMP = `json_array(p.updated_at, p.active, p.faces, p.captures, p.first_ms, p.last_ms)`;

/**
 * The persons' rows at a glance: every change to a person's faces stamps it with the time, changes how the faces
 * are spread over the persons (weighted by id, so a move from one person to another shows), and is a review
 * decision or its undo or redo. Unchanged: no person's stamp is read.
 */
const PERSON_ROWS = `SELECT json_array(
    (SELECT json_array(COUNT(*), MAX(updated_at), SUM(active * id), SUM(faces * id), SUM(captures * id)) FROM persons),
    (SELECT json_array(MAX(seq), SUM(state = 'active')) FROM review_decisions)
  ) AS builtFrom`;

export const PERSON_SUMMARIES = ['findings_person_captures', 'findings_person_days', 'findings_person_zones', 'findings_person_visits'] as const;

/** How many of the changed persons' faces make a pass over all faces cheaper than looking up each person's. */
const FULL_PASS_FACES = 20_000;

/** The summaries of the captures, or of the persons' captures. */
export type SummaryPart = 'captures' | 'persons';

export interface RefreshResult {
  /** False: the case could not be written; the figures run their cited queries. */
  fresh: boolean;
  captures: 'unchanged' | 'rebuilt' | 'not asked';
  /** Persons whose rows were rebuilt, and whether all were. */
  persons: number;
  allPersons: boolean;
}

/** Brings the summaries asked for up to date, in one write transaction. */
export function refreshSummaries(db: CaseDb, parts: readonly SummaryPart[] = ['captures', 'persons']): RefreshResult {
  try {
    return db.transaction((): RefreshResult => ({
      fresh: true,
      captures: parts.includes('captures') ? refreshCaptures(db) : 'not asked',
      ...(parts.includes('persons') ? refreshPersons(db) : { persons: 0, allPersons: false }),
    }))();
  } catch (error) {
    if (!isWriteRefusal(error)) throw error;
    return { fresh: false, captures: 'unchanged', persons: 0, allPersons: false };
  }
}

function isWriteRefusal(error: unknown): boolean {
  const code = (error as { code?: string }).code ?? '';
  return code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED') || code.startsWith('SQLITE_READONLY');
}

/** Whether the summaries named were built from what the case holds now; if not, records that they will be. */
function stale(db: CaseDb, name: string, builtFromSql: string): boolean {
  const { builtFrom } = db.prepare(builtFromSql).get() as { builtFrom: string };
  if (typeof builtFrom !== 'string') throw new Error(`${name}: what the summaries are built from must be a string`);
  const state = db.prepare('SELECT built_from AS builtFrom FROM findings_summary_state WHERE name = ?').get(name) as { builtFrom: string } | undefined;
  if (state?.builtFrom === builtFrom) return false;
  db.prepare('INSERT OR REPLACE INTO findings_summary_state (name, built_from) VALUES (?, ?)').run(name, builtFrom);
  return true;
}

function setTotal(db: CaseDb, name: string, sql: string): void {
  db.prepare(`INSERT OR REPLACE INTO findings_totals (name, value) SELECT ?, (${sql})`).run(name);
}

function refreshCaptures(db: CaseDb): RefreshResult['captures'] {
  if (!stale(db, 'captures', CAPTURES_BUILT_FROM)) return 'unchanged';
  for (const [table, select] of Object.entries(CAPTURE_REBUILD)) db.exec(`DELETE FROM ${table}; INSERT INTO ${table} ${select};`);
  setTotal(db, 'images', IMAGES_SQL);
  return 'rebuilt';
}

function refreshPersons(db: CaseDb): { persons: number; allPersons: boolean } {
  const all = stale(db, 'persons', PERSONS_BUILT_FROM);
  if (all) db.exec(`DELETE FROM findings_person_stamps; ${PERSON_SUMMARIES.map((t) => `DELETE FROM ${t};`).join(' ')}`);
  if (!all && !stale(db, 'persons.rows', PERSON_ROWS)) return { persons: 0, allPersons: false };
  if (all) stale(db, 'persons.rows', PERSON_ROWS);
  db.exec(`DROP TABLE IF EXISTS temp.findings_changed;
    CREATE TEMP TABLE findings_changed (person_id INTEGER PRIMARY KEY, stamp TEXT NOT NULL, counted INTEGER NOT NULL);
    INSERT INTO temp.findings_changed
    SELECT p.id, ${STAMP}, (${ACTIVE_PERSON})
      FROM persons p LEFT JOIN main.findings_person_stamps st ON st.person_id = p.id
     WHERE st.stamp IS NOT ${STAMP};`);
  const changed = db.prepare('SELECT COUNT(*) AS persons, COALESCE(SUM(p.faces), 0) AS faces FROM temp.findings_changed ch JOIN persons p ON p.id = ch.person_id').get() as
    { persons: number; faces: number };
  if (changed.persons > 0) {
    if (!all) for (const t of PERSON_SUMMARIES) db.exec(`DELETE FROM ${t} WHERE person_id IN (SELECT person_id FROM temp.findings_changed)`);
    // Each (changed counted person, capture) once, in (person, time) order: the visits' window needs no sort.
    // Many faces: one pass along the faces' capture index; few: each person's faces through face_persons_person.
    const source = changed.faces > FULL_PASS_FACES
      ? `faces f CROSS JOIN face_persons fp ON fp.face_id = f.id
           CROSS JOIN temp.findings_changed ch ON ch.person_id = fp.person_id AND ch.counted = 1`
      : `temp.findings_changed ch CROSS JOIN face_persons fp ON fp.person_id = ch.person_id AND ch.counted = 1
           CROSS JOIN faces f ON f.id = fp.face_id`;
    const steps = [
      `DROP TABLE IF EXISTS temp.findings_new`,
      `CREATE TEMP TABLE findings_new (person_id INTEGER, capture_id INTEGER, captured_ms INTEGER, local_date TEXT, camera_id TEXT,
        PRIMARY KEY (person_id, captured_ms, capture_id)) WITHOUT ROWID`,
      `INSERT OR IGNORE INTO temp.findings_new
      SELECT fp.person_id, f.capture_id, c.captured_ms, c.local_date, c.camera_id FROM ${source} CROSS JOIN captures c ON c.id = f.capture_id`,
      `INSERT INTO findings_person_captures (person_id, capture_id) SELECT person_id, capture_id FROM temp.findings_new`,
      `INSERT INTO findings_person_days (local_date, person_id) SELECT DISTINCT local_date, person_id FROM temp.findings_new`,
      `INSERT INTO findings_person_zones (zone, person_id)
      SELECT DISTINCT cam.zone, n.person_id FROM temp.findings_new n JOIN cameras cam ON cam.id = n.camera_id`,
      `INSERT INTO findings_person_visits (person_id, visits, captures, first_ms, last_ms)
      SELECT person_id, SUM(gap IS NULL OR gap > ${DEFAULT_GAP_MS}), COUNT(*), MIN(ms), MAX(ms) FROM (
        SELECT person_id, captured_ms AS ms,
               captured_ms - LAG(captured_ms) OVER (PARTITION BY person_id ORDER BY captured_ms, capture_id) AS gap
          FROM temp.findings_new) GROUP BY person_id`,
      `INSERT OR REPLACE INTO findings_person_stamps (person_id, stamp, counted) SELECT person_id, stamp, counted FROM temp.findings_changed`,
      `DROP TABLE temp.findings_new`,
    ];
    for (const step of steps) db.exec(step);
  }
  if (all || changed.persons > 0) setTotal(db, 'capturesWithPersons', 'SELECT COUNT(DISTINCT capture_id) FROM findings_person_captures');
  db.exec('DROP TABLE temp.findings_changed');
  return { persons: changed.persons, allPersons: all };
}
