/**
 * What the People screen reads: persons page by page, a person's faces, merge and staff suggestions, and the
 * summary with the count's range. Reads only; every figure comes from the person rows kept by personAggregates.ts.
 */
import type { IdentitySummary, PersonFace, PersonItem, PersonRole } from '../../shared/identitiesApi';
import { UserError } from '../../shared/messages';
import type { CaseDb } from '../store/caseDb';
import { caseFaceModel } from '../faces/faceStore';
import { personCounts } from './personCounts';
import { aboveFloor, defaultQualityFloor } from './qualityFloor';
import { redoable, undoable } from './reviewDecisions';
import { pushTo } from './groupBy';

interface PersonRow {
  id: number; label: string; role: PersonRole; faces: number; captures: number; days: number;
  first_at: string | null; last_at: string | null; cameras: string; rep_face_id: number | null;
}

const PERSON_COLUMNS = 'p.id, p.label, p.role, p.faces, p.captures, p.days, p.first_at, p.last_at, p.cameras, p.rep_face_id';

function authenticationsOf(db: CaseDb, personIds: readonly number[]): Map<number, Array<{ name: string; phone: string }>> {
  const rows = db
    .prepare(
      `SELECT DISTINCT fp.person_id AS person, COALESCE(a.customer_name, '') AS name, COALESCE(a.phone, '') AS phone
         FROM face_persons fp JOIN faces f ON f.id = fp.face_id
         JOIN auth_links l ON l.capture_id = f.capture_id JOIN auth_records a ON a.id = l.auth_id
        WHERE fp.person_id IN (SELECT value FROM json_each(?))
        ORDER BY fp.person_id, name, phone`,
    )
    .all(JSON.stringify(personIds)) as Array<{ person: number; name: string; phone: string }>;
  const out = new Map<number, Array<{ name: string; phone: string }>>();
  for (const r of rows) pushTo(out, r.person, { name: r.name, phone: r.phone });
  return out;
}

function toItems(db: CaseDb, rows: PersonRow[]): PersonItem[] {
  const auth = authenticationsOf(db, rows.map((r) => r.id));
  const names = new Map((db.prepare('SELECT id, name FROM cameras').all() as Array<{ id: string; name: string }>).map((c) => [c.id, c.name || c.id]));
  return rows.map((r) => {
    const cameras = JSON.parse(r.cameras) as string[];
    return {
      id: r.id, label: r.label, role: r.role, faces: r.faces, captures: r.captures, days: r.days,
      first: r.first_at, last: r.last_at, cameras, cameraNames: cameras.map((c) => names.get(c) ?? c), repFaceId: r.rep_face_id,
      authentications: auth.get(r.id) ?? [],
    };
  });
}

export function personByLabel(db: CaseDb, label: string): PersonItem | null {
  const rows = db.prepare(`SELECT ${PERSON_COLUMNS} FROM persons p WHERE p.label = ? AND p.active = 1 AND p.faces > 0`).all(label.toUpperCase()) as PersonRow[];
  return rows.length ? toItems(db, rows)[0]! : null;
}

const ORDER = { captures: 'p.captures DESC, p.id', first: 'p.first_ms, p.id', label: 'p.id' } as const;

export function listPersons(db: CaseDb, q: { offset: number; limit: number; role?: PersonRole; sort: keyof typeof ORDER }): { total: number; items: PersonItem[] } {
  const where = `p.active = 1 AND p.faces > 0${q.role ? ' AND p.role = @role' : ''}`;
  const params = { role: q.role, limit: q.limit, offset: q.offset };
  const total = (db.prepare(`SELECT COUNT(*) AS n FROM persons p WHERE ${where}`).get(params) as { n: number }).n;
  const rows = db.prepare(`SELECT ${PERSON_COLUMNS} FROM persons p WHERE ${where} ORDER BY ${ORDER[q.sort]} LIMIT @limit OFFSET @offset`).all(params) as PersonRow[];
  return { total, items: toItems(db, rows) };
}

export function getPersons(db: CaseDb, ids: readonly number[]): PersonItem[] {
  const rows = db.prepare(`SELECT ${PERSON_COLUMNS} FROM persons p WHERE p.id IN (SELECT value FROM json_each(?)) AND p.active = 1 ORDER BY p.id`).all(JSON.stringify(ids)) as PersonRow[];
  return toItems(db, rows);
}

export function getPerson(db: CaseDb, id: number): PersonItem {
  const [person] = getPersons(db, [id]);
  if (!person) throw new UserError('identities.noPerson', { id });
  return person;
}

export function personFaces(db: CaseDb, personId: number, page: { offset: number; limit: number }): { total: number; items: PersonFace[] } {
  const model = caseFaceModel(db);
  const floor = defaultQualityFloor(model?.minRecognisableNorm ?? null);
  const total = (db.prepare('SELECT COUNT(*) AS n FROM face_persons WHERE person_id = ?').get(personId) as { n: number }).n;
  const rows = db
    .prepare(
      `SELECT f.id, f.capture_id, f.face_index, f.box_x, f.box_y, f.box_w, f.box_h, f.det_score, f.size_px, f.yaw, f.pitch,
              f.embedding_norm, fp.how, fp.similarity, c.captured_at, c.camera_id, COALESCE(cam.name, c.camera_id) AS camera_name
         FROM face_persons fp JOIN faces f ON f.id = fp.face_id JOIN captures c ON c.id = f.capture_id
         LEFT JOIN cameras cam ON cam.id = c.camera_id
        WHERE fp.person_id = ? ORDER BY c.captured_ms, f.id LIMIT ? OFFSET ?`,
    )
    .all(personId, page.limit, page.offset) as Array<{
      id: number; capture_id: number; face_index: number; box_x: number; box_y: number; box_w: number; box_h: number;
      det_score: number; size_px: number; yaw: number; pitch: number; embedding_norm: number; how: string; similarity: number | null;
      captured_at: string; camera_id: string; camera_name: string;
    }>;
  return {
    total,
    items: rows.map((r) => ({
      faceId: r.id, captureId: r.capture_id, faceIndex: r.face_index, capturedAt: r.captured_at, cameraId: r.camera_id, cameraName: r.camera_name,
      box: { x: r.box_x, y: r.box_y, w: r.box_w, h: r.box_h }, how: r.how, similarity: r.similarity, lowQuality: !aboveFloor(r, floor),
    })),
  };
}

export function mergeSuggestions(db: CaseDb, page: { offset: number; limit: number }) {
  // CROSS JOIN fixes the loop order (suggestions outside, persons by primary key): left to itself, the planner
  // walked persons first and took seconds on a few thousand rows.
  const live = `FROM merge_suggestions s CROSS JOIN persons a ON a.id = s.person_a AND a.active = 1 CROSS JOIN persons b ON b.id = s.person_b AND b.active = 1`;
  const total = (db.prepare(`SELECT COUNT(*) AS n ${live}`).get() as { n: number }).n;
  const rows = db.prepare(`SELECT s.person_a AS a, s.person_b AS b, s.similarity ${live} ORDER BY s.similarity DESC, s.person_a, s.person_b LIMIT ? OFFSET ?`)
    .all(page.limit, page.offset) as Array<{ a: number; b: number; similarity: number }>;
  const persons = new Map(getPersons(db, rows.flatMap((r) => [r.a, r.b])).map((p) => [p.id, p]));
  return { total, items: rows.filter((r) => persons.has(r.a) && persons.has(r.b)).map((r) => ({ a: persons.get(r.a)!, b: persons.get(r.b)!, similarity: r.similarity })) };
}

/**
 * Proposed staff: persons seen on at least half of the case's active days, or in at least a third of its opening
 * hours (day × hour slots with any capture), and on at least 3 days or in 8 such hours. Only a proposal: counts
 * change when the analyst confirms.
 */
const MIN_STAFF_DAYS = 3;
const MIN_STAFF_HOURS = 8;

export function staffSuggestions(db: CaseDb, opts = { minDayShare: 0.5, minHourShare: 1 / 3, limit: 200 }) {
  const activeDays = (db.prepare('SELECT COUNT(DISTINCT local_date) AS n FROM captures').get() as { n: number }).n;
  const hourSlots = (db.prepare(`SELECT COUNT(DISTINCT substr(captured_at, 1, 13)) AS n FROM captures`).get() as { n: number }).n;
  if (activeDays === 0) return [];
  const rows = db
    .prepare(
      `SELECT fp.person_id AS id, COUNT(DISTINCT c.local_date) AS days, COUNT(DISTINCT substr(c.captured_at, 1, 13)) AS hours
         FROM face_persons fp JOIN persons p ON p.id = fp.person_id AND p.active = 1 AND p.role = 'unknown'
         JOIN faces f ON f.id = fp.face_id JOIN captures c ON c.id = f.capture_id
        GROUP BY fp.person_id
       HAVING days >= @minDays OR hours >= @minHours
        ORDER BY days DESC, hours DESC, fp.person_id LIMIT @limit`,
    )
    .all({
      // A few days or hours say nothing about who works there: a one-day archive has no staff signal at all.
      minDays: Math.max(MIN_STAFF_DAYS, Math.ceil(activeDays * opts.minDayShare)),
      minHours: Math.max(MIN_STAFF_HOURS, Math.ceil(hourSlots * opts.minHourShare)),
      limit: opts.limit,
    }) as Array<{ id: number; days: number; hours: number }>;
  const persons = new Map(getPersons(db, rows.map((r) => r.id)).map((p) => [p.id, p]));
  return rows.map((r) => ({ person: persons.get(r.id)!, dayShare: r.days / activeDays, hourShare: r.hours / Math.max(1, hourSlots) }));
}

export function identitySummary(db: CaseDb): IdentitySummary {
  const run = db.prepare(`SELECT * FROM identity_runs ORDER BY id DESC LIMIT 1`).get() as
    | { id: number; state: string; started_at: string; finished_at: string | null; params: string; faces: number; faces_clustered: number; faces_set_aside: number; faces_attached: number; sensitivity: string | null }
    | undefined;
  const lastDone = db.prepare(`SELECT faces, sensitivity FROM identity_runs WHERE state = 'done' ORDER BY id DESC LIMIT 1`).get() as { faces: number; sensitivity: string | null } | undefined;
  const facesNow = (db.prepare('SELECT COUNT(*) AS n FROM faces').get() as { n: number }).n;
  const counts = personCounts(db);
  const unknown = (db.prepare(`SELECT COUNT(*) AS n FROM persons WHERE active = 1 AND faces > 0 AND role = 'unknown'`).get() as { n: number }).n;
  const unassigned = (db.prepare('SELECT COUNT(*) AS n FROM face_persons WHERE person_id IS NULL').get() as { n: number }).n;
  return {
    run: run ? {
      id: run.id, state: run.state, startedAt: run.started_at, finishedAt: run.finished_at,
      threshold: (JSON.parse(run.params) as { threshold: number }).threshold, faces: run.faces, facesClustered: run.faces_clustered,
      facesSetAside: run.faces_set_aside, facesAttached: run.faces_attached,
    } : null,
    stale: lastDone ? lastDone.faces !== facesNow : facesNow > 0,
    persons: counts.persons, staff: counts.staff, visitors: counts.visitors, unknown,
    facesUnassigned: unassigned,
    sensitivity: lastDone?.sensitivity ? JSON.parse(lastDone.sensitivity) : [],
    range: counts.range,
    decisions: counts.decisions,
    undo: undoable(db),
    redo: redoable(db),
  };
}
