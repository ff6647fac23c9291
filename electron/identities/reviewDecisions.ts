/**
 * The analyst's corrections: merge, split, move, "not the same person", and roles. Each is one transaction that
 * records what it changed (before and after of every face and person it touched), so undo and redo restore exactly,
 * and the face ids it concerns, so a later clustering run keeps it (reviewState.ts). Every decision, undo and redo
 * goes to the audit log.
 *
 * Undo reaches back to the latest clustering run: decisions made before it are part of what that run built on and
 * are corrected by a new decision, not unwound.
 */
import type { PersonRole, ReviewAction } from '../../shared/identitiesApi';
import { UserError, type MessageCode } from '../../shared/messages';
import { appendAudit, currentActor } from '../audit/auditLog';
import type { CaseDb } from '../store/caseDb';
import { personLabel } from './clusterCase';
import { refreshCohesion, refreshPersonFigures } from './personAggregates';
import type { DecisionPayload } from './reviewState';
import { pushTo } from './groupBy';

type FaceState = [faceId: number, personId: number | null, how: string];
type PersonState = [personId: number, active: number, role: string];

interface Changes {
  faces: { before: FaceState[]; after: FaceState[] };
  persons: { before: PersonState[]; after: PersonState[] };
  /** Merge suggestions removed by the decision (restored on undo). */
  suggestions: Array<[number, number, number, number]>;
}

export interface ReviewOutcome {
  seq: number;
  personIds: number[];
  newPersonId: number | null;
}

function bad(code: MessageCode, params: Record<string, string | number> = {}): UserError {
  return new UserError(code, params);
}

function activePerson(db: CaseDb, id: number): { id: number; label: string; role: string } {
  const row = db.prepare('SELECT id, label, role FROM persons WHERE id = ? AND active = 1').get(id) as { id: number; label: string; role: string } | undefined;
  if (!row) throw new UserError('identities.noPerson', { id });
  return row;
}

function facesOf(db: CaseDb, personId: number): number[] {
  return (db.prepare('SELECT face_id FROM face_persons WHERE person_id = ? ORDER BY face_id').all(personId) as Array<{ face_id: number }>).map((r) => r.face_id);
}

function faceStates(db: CaseDb, faceIds: readonly number[]): FaceState[] {
  const rows = db.prepare('SELECT face_id, person_id, how FROM face_persons WHERE face_id IN (SELECT value FROM json_each(?))').all(JSON.stringify(faceIds)) as Array<{ face_id: number; person_id: number | null; how: string }>;
  const byId = new Map(rows.map((r) => [r.face_id, r]));
  return faceIds.map((id) => {
    const row = byId.get(id);
    if (!row) throw bad('identities.review.faceUnknown', { id });
    return [row.face_id, row.person_id, row.how];
  });
}

function personStates(db: CaseDb, ids: readonly number[]): PersonState[] {
  const get = db.prepare('SELECT id, active, role FROM persons WHERE id = ?');
  return ids.map((id) => {
    const row = get.get(id) as { id: number; active: number; role: string };
    return [row.id, row.active, row.role];
  });
}

function writeStates(db: CaseDb, faces: readonly FaceState[], persons: readonly PersonState[]): void {
  const setFace = db.prepare('UPDATE face_persons SET person_id = ?, how = ? WHERE face_id = ?');
  for (const [face, person, how] of faces) setFace.run(person, how, face);
  const setPerson = db.prepare('UPDATE persons SET active = ?, role = ? WHERE id = ?');
  for (const [person, active, role] of persons) setPerson.run(active, role, person);
}

/**
 * Recomputes the figures of the persons whose faces changed (a role or a "not the same" changes no figure), and
 * returns every person the decision touched.
 */
function refresh(db: CaseDb, faces: readonly FaceState[], persons: readonly PersonState[]): number[] {
  const changed = [...new Set(faces.map((f) => f[1]).filter((p): p is number => p !== null))];
  if (changed.length > 0) {
    refreshPersonFigures(db, changed);
    refreshCohesion(db, changed);
  }
  return [...new Set([...changed, ...persons.map((p) => p[0])])];
}

/** What a decision does, as the face and person states it leads to (plus its payload for the record). */
interface Plan {
  payload: DecisionPayload;
  faces: FaceState[];
  persons: PersonState[];
  newPersonId: number | null;
  removeSuggestions?: [number, number];
}

function planMerge(db: CaseDb, personIds: number[]): Plan {
  const persons = [...new Set(personIds)].map((id) => activePerson(db, id));
  if (persons.length < 2) throw bad('identities.review.twoPersons');
  const roles = new Set(persons.map((p) => p.role).filter((r) => r !== 'unknown'));
  if (roles.size > 1) throw bad('identities.review.rolesDiffer');
  const target = persons[0]!;
  const faces = persons.flatMap((p) => facesOf(db, p.id).map((f): FaceState => [f, target.id, 'analyst']));
  const role = roles.size === 1 ? [...roles][0]! : 'unknown';
  return {
    payload: { persons: persons.map((p) => p.label), personIds: persons.map((p) => p.id) },
    faces,
    persons: persons.map((p, i): PersonState => [p.id, i === 0 ? 1 : 0, i === 0 ? role : p.role]),
    newPersonId: null,
  };
}

function owners(db: CaseDb, faceIds: number[]): Map<number, number[]> {
  const byPerson = new Map<number, number[]>();
  for (const [face, person] of faceStates(db, faceIds)) {
    if (person === null) throw bad('identities.review.faceUnassigned', { id: face });
    pushTo(byPerson, person, face);
  }
  return byPerson;
}

function planSplit(db: CaseDb, faceIds: number[]): Plan {
  const unique = [...new Set(faceIds)];
  const byPerson = owners(db, unique);
  if (byPerson.size !== 1) throw bad('identities.review.splitOnePerson');
  const [personId] = [...byPerson.keys()] as [number];
  const person = activePerson(db, personId);
  const splitting = new Set(unique);
  const rest = facesOf(db, personId).filter((f) => !splitting.has(f));
  if (rest.length === 0) throw bad('identities.review.splitAll');
  const newId = ((db.prepare('SELECT MAX(id) AS m FROM persons').get() as { m: number | null }).m ?? 0) + 1;
  db.prepare(`INSERT INTO persons (id, label, active, updated_at) VALUES (?, ?, 0, ?)`).run(newId, personLabel(newId), new Date().toISOString());
  return {
    payload: { persons: [person.label, personLabel(newId)], personIds: [personId, newId], sides: [unique, rest] },
    faces: [...unique.map((f): FaceState => [f, newId, 'analyst']), ...rest.map((f): FaceState => [f, personId, 'analyst'])],
    persons: [[newId, 1, 'unknown']],
    newPersonId: newId,
  };
}

function planMove(db: CaseDb, faceIds: number[], toPersonId: number): Plan {
  const unique = [...new Set(faceIds)];
  const target = activePerson(db, toPersonId);
  const byPerson = owners(db, unique);
  byPerson.delete(toPersonId);
  const moving = [...byPerson.values()].flat();
  if (moving.length === 0) throw bad('identities.review.alreadyThere');
  const movingSet = new Set(moving);
  const origins = [...byPerson.keys()].map((p) => ({ person: p, faces: facesOf(db, p) }));
  const left = origins.flatMap((o) => o.faces.filter((f) => !movingSet.has(f)).map((f) => ({ face: f, person: o.person })));
  const emptied = origins.filter((o) => o.faces.every((f) => movingSet.has(f))).map((o) => o.person);
  return {
    payload: { persons: [...origins.map((o) => activePerson(db, o.person).label), target.label], toPersonId, sides: [moving, left.map((l) => l.face)] },
    faces: [
      ...moving.map((f): FaceState => [f, toPersonId, 'analyst']),
      ...facesOf(db, toPersonId).map((f): FaceState => [f, toPersonId, 'analyst']),
      ...left.map((l): FaceState => [l.face, l.person, 'analyst']),
    ],
    persons: emptied.map((p): PersonState => [p, 0, activePerson(db, p).role]),
    newPersonId: null,
  };
}

function planNotSame(db: CaseDb, a: number, b: number): Plan {
  if (a === b) throw bad('identities.review.twoPersons');
  const pa = activePerson(db, a), pb = activePerson(db, b);
  return {
    payload: { persons: [pa.label, pb.label], personIds: [a, b], sides: [facesOf(db, a), facesOf(db, b)] },
    faces: [], persons: [], newPersonId: null, removeSuggestions: [Math.min(a, b), Math.max(a, b)],
  };
}

function planRole(db: CaseDb, personIds: number[], role: PersonRole): Plan {
  const persons = [...new Set(personIds)].map((id) => activePerson(db, id));
  return {
    payload: { persons: persons.map((p) => p.label), personIds: persons.map((p) => p.id), role },
    faces: [], persons: persons.map((p): PersonState => [p.id, 1, role]), newPersonId: null,
  };
}

function plan(db: CaseDb, action: ReviewAction): Plan {
  switch (action.kind) {
    case 'merge': return planMerge(db, action.personIds);
    case 'split': return planSplit(db, action.faceIds);
    case 'move': return planMove(db, action.faceIds, action.toPersonId);
    case 'not-same': return planNotSame(db, action.personA, action.personB);
    case 'role': return planRole(db, action.personIds, action.role);
  }
}

export function applyReview(db: CaseDb, action: ReviewAction): ReviewOutcome {
  return db.transaction((): ReviewOutcome => {
    const p = plan(db, action);
    // A face listed twice (e.g. moved and also in the target) keeps its last state.
    const faces = [...new Map(p.faces.map((f) => [f[0], f])).values()];
    const changes: Changes = {
      faces: { before: faceStates(db, faces.map((f) => f[0])), after: faces },
      persons: { before: personStates(db, p.persons.map((x) => x[0])), after: p.persons },
      suggestions: [],
    };
    if (p.newPersonId !== null) changes.persons.before = changes.persons.before.map(([id, , role]) => [id, 0, role]);
    // A merge removes the merged-away persons' suggestions too; a not-same removes the pair's.
    const gone = p.persons.filter(([, active]) => active === 0).map(([id]) => id);
    const suggestionRows = db.prepare(
      `SELECT person_a, person_b, similarity, run_id FROM merge_suggestions
        WHERE person_a IN (SELECT value FROM json_each(@gone)) OR person_b IN (SELECT value FROM json_each(@gone))
           OR (person_a = @a AND person_b = @b)`,
    ).all({ gone: JSON.stringify(gone), a: p.removeSuggestions?.[0] ?? -1, b: p.removeSuggestions?.[1] ?? -1 }) as Array<{ person_a: number; person_b: number; similarity: number; run_id: number }>;
    changes.suggestions = suggestionRows.map((r) => [r.person_a, r.person_b, r.similarity, r.run_id]);
    const del = db.prepare('DELETE FROM merge_suggestions WHERE person_a = ? AND person_b = ?');
    for (const [a, b] of changes.suggestions) del.run(a, b);

    writeStates(db, changes.faces.after, changes.persons.after);
    const personIds = refresh(db, [...changes.faces.before, ...changes.faces.after], changes.persons.after);
    db.prepare(`UPDATE review_decisions SET state = 'discarded' WHERE state = 'undone'`).run();
    const seq = Number(db.prepare(`INSERT INTO review_decisions (at, actor, kind, payload, changes) VALUES (?, ?, ?, ?, ?)`)
      .run(new Date().toISOString(), currentActor(), action.kind, JSON.stringify(p.payload), JSON.stringify(changes)).lastInsertRowid);
    appendAudit(db, 'identities.review', { seq, kind: action.kind, ...p.payload, sides: p.payload.sides?.map((s) => s.length), faces: faces.length });
    const active = personIds.filter((id) => (db.prepare('SELECT active FROM persons WHERE id = ?').get(id) as { active: number }).active === 1);
    return { seq, personIds: active, newPersonId: p.newPersonId };
  })();
}

function lastRunFinished(db: CaseDb): string {
  return (db.prepare(`SELECT MAX(finished_at) AS at FROM identity_runs WHERE state = 'done'`).get() as { at: string | null }).at ?? '';
}

export interface DecisionRef { seq: number; kind: string; summary: string }

function ref(row: { seq: number; kind: string; payload: string } | undefined): DecisionRef | null {
  if (!row) return null;
  const payload = JSON.parse(row.payload) as DecisionPayload;
  return { seq: row.seq, kind: row.kind, summary: [...(payload.persons ?? []), ...(payload.role ? [payload.role] : [])].join(' · ') };
}

export function undoable(db: CaseDb): DecisionRef | null {
  return ref(db.prepare(`SELECT seq, kind, payload FROM review_decisions WHERE state = 'active' AND at > ? ORDER BY seq DESC LIMIT 1`).get(lastRunFinished(db)) as never);
}

export function redoable(db: CaseDb): DecisionRef | null {
  // Like undo, redo stops at the latest clustering run (which discards what was undone before it).
  return ref(db.prepare(`SELECT seq, kind, payload FROM review_decisions WHERE state = 'undone' AND at > ? ORDER BY seq ASC LIMIT 1`).get(lastRunFinished(db)) as never);
}

function replay(db: CaseDb, decision: DecisionRef, direction: 'undo' | 'redo'): number {
  const row = db.prepare('SELECT changes FROM review_decisions WHERE seq = ?').get(decision.seq) as { changes: string };
  const changes = JSON.parse(row.changes) as Changes;
  const side = direction === 'undo' ? 'before' : 'after';
  writeStates(db, changes.faces[side], changes.persons[side]);
  if (direction === 'undo') {
    const insert = db.prepare('INSERT OR IGNORE INTO merge_suggestions (person_a, person_b, similarity, run_id) VALUES (?, ?, ?, ?)');
    for (const s of changes.suggestions) insert.run(...s);
  } else {
    const del = db.prepare('DELETE FROM merge_suggestions WHERE person_a = ? AND person_b = ?');
    for (const [a, b] of changes.suggestions) del.run(a, b);
  }
  refresh(db, [...changes.faces.before, ...changes.faces.after], [...changes.persons.before, ...changes.persons.after]);
  db.prepare('UPDATE review_decisions SET state = ? WHERE seq = ?').run(direction === 'undo' ? 'undone' : 'active', decision.seq);
  appendAudit(db, `identities.${direction}`, { seq: decision.seq, kind: decision.kind, summary: decision.summary });
  return decision.seq;
}

export function undoReview(db: CaseDb): number | null {
  return db.transaction(() => {
    const last = undoable(db);
    return last ? replay(db, last, 'undo') : null;
  })();
}

export function redoReview(db: CaseDb): number | null {
  return db.transaction(() => {
    const next = redoable(db);
    return next ? replay(db, next, 'redo') : null;
  })();
}
