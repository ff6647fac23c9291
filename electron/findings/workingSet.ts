/**
 * The two relations the findings read again and again, copied once per request into memory:
 *   {captures}        the captures' narrow columns (the table's rows also carry file paths, hashes and the sheet
 *                     row as JSON: ten passes over them cost ten times what one pass and a narrow copy cost);
 *   {personCaptures}  each (active person, capture) once, with the capture's time, day and camera: faces →
 *                     face_persons → persons, read through the faces' (capture_id, id) index, never the embeddings;
 *   {cameraDays}      captures per camera and local day (the camera and zone figures).
 * A query is written once with these tokens. It runs against the copies (temp tables of this connection: the case
 * file is not written) and is cited against the case's own tables, so anyone can re-run the cited SQL on the case
 * and get the same figure (findings.test.ts does, for every figure).
 */
import type { CaseDb } from '../store/caseDb';
import { PERSON_FACES } from './identityState';
import { readFast } from './readFast';

export const CAPTURES = '{captures}';
export const PERSON_CAPTURES = '{personCaptures}';
export const CAMERA_DAYS = '{cameraDays}';

/** Each (active person, capture) once, with the capture's time, day and camera: the person figures need no join. */
const PERSON_CAPTURES_SELECT = (faces: string, captures: string, distinct = 'DISTINCT') => `SELECT ${distinct} fp.person_id AS person_id, f.capture_id AS capture_id,
    p.role AS role, c.captured_ms AS captured_ms, c.local_date AS local_date, c.camera_id AS camera_id
  FROM ${PERSON_FACES.replace('faces f', `${faces} f`)} JOIN ${captures} c ON c.id = f.capture_id`;

/** Captures per camera and local day, with the first and last instant. */
const CAMERA_DAYS_SELECT = (captures: string) => `SELECT camera_id, local_date, COUNT(*) AS n, MIN(captured_ms) AS first, MAX(captured_ms) AS last
  FROM ${captures} GROUP BY camera_id, local_date`;

const CITED: Record<string, string> = {
  [CAPTURES]: 'captures',
  [PERSON_CAPTURES]: `(${PERSON_CAPTURES_SELECT('faces', 'captures')})`,
  [CAMERA_DAYS]: `(${CAMERA_DAYS_SELECT('captures')})`,
};

/** Made in this order (a later copy reads the earlier ones). */
const MAKE: Array<{ token: string; name: string; sql: string }> = [
  {
    token: CAPTURES,
    name: 'temp.findings_captures',
    sql: `CREATE TEMP TABLE findings_captures (id INTEGER PRIMARY KEY, captured_at TEXT, captured_ms INTEGER, local_date TEXT,
            camera_id TEXT, platform_person_id TEXT, scene_sha256 TEXT, video_sha256 TEXT);
          INSERT INTO temp.findings_captures
          SELECT id, captured_at, captured_ms, local_date, camera_id, platform_person_id, scene_sha256, video_sha256
            FROM main.captures NOT INDEXED ORDER BY id;`,
  },
  {
    token: PERSON_CAPTURES,
    name: 'temp.findings_person_captures',
    // Clustered by (person, time): the visits' window runs in this order without sorting. The key also makes
    // each (person, capture) one row (INSERT OR IGNORE), as the cited SELECT DISTINCT does.
    sql: `CREATE TEMP TABLE findings_person_captures (person_id INTEGER, capture_id INTEGER, role TEXT, captured_ms INTEGER,
            local_date TEXT, camera_id TEXT, PRIMARY KEY (person_id, captured_ms, capture_id)) WITHOUT ROWID;
          INSERT OR IGNORE INTO temp.findings_person_captures ${PERSON_CAPTURES_SELECT('main.faces', 'temp.findings_captures', '')};`,
  },
  {
    token: CAMERA_DAYS,
    name: 'temp.findings_camera_days',
    sql: `CREATE TEMP TABLE findings_camera_days AS ${CAMERA_DAYS_SELECT('temp.findings_captures')};`,
  },
];

/** Which copies a token needs (the person and camera-day copies are made from the captures copy). */
const NEEDS: Record<string, string[]> = {
  [CAPTURES]: [CAPTURES],
  [PERSON_CAPTURES]: [CAPTURES, PERSON_CAPTURES],
  [CAMERA_DAYS]: [CAPTURES, CAMERA_DAYS],
};

const made = new WeakMap<CaseDb, Set<string>>();

/** The SQL as it runs on this connection: tokens become the in-memory copies, made on first use. */
export function runnable(db: CaseDb, sql: string): string {
  let out = sql;
  for (const { token, name } of MAKE) {
    if (!out.includes(token)) continue;
    for (const needed of NEEDS[token]!) make(db, needed);
    out = out.replaceAll(token, name);
  }
  return out;
}

function make(db: CaseDb, token: string): void {
  const done = made.get(db) ?? new Set<string>();
  if (done.has(token)) return;
  const copy = MAKE.find((m) => m.token === token)!;
  if (done.size === 0) readFast(db);
  db.exec(`DROP TABLE IF EXISTS ${copy.name}; ${copy.sql}`);
  done.add(token);
  made.set(db, done);
}

/** The SQL as it is cited: tokens become the case's own tables. */
export function citable(sql: string): string {
  let out = sql;
  for (const [token, cited] of Object.entries(CITED)) out = out.replaceAll(token, cited);
  return out;
}
