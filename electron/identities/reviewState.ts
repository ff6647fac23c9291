/**
 * What the analyst's review decisions ask of a clustering run, read from the case as it stands:
 * - confirmed groups: faces the analyst placed (face_persons.how = 'analyst'), grouped by their current person;
 * - cannot-link tags: the two sides of each split, move and "not the same person" in force (key = decision seq),
 *   and one tag per confirmed role (a staff member and a visitor are not the same person).
 * The current grouping is the analyst's latest word: a pair split earlier and merged again later is together now,
 * so its old split is not enforced against the new merge.
 */
import type { CaseDb } from '../store/caseDb';
import { pushTo } from './groupBy';

export interface ReviewConstraints {
  /** Face id groups. */
  confirmed: number[][];
  /** Face id → [key, value] tags. */
  tags: Map<number, Array<[number, number]>>;
  /** Face id → its person now (for keeping person ids stable). */
  personOfFace: Map<number, number>;
  decisions: number;
}

export interface DecisionPayload {
  persons?: string[];
  personIds?: number[];
  /** The two sides of a split, move or not-same, as face ids at the time of the decision. */
  sides?: [number[], number[]];
  role?: string;
  toPersonId?: number;
}

const ROLE_KEY = 0;
const ROLE_VALUE: Record<string, number> = { staff: 1, visitor: 2 };

export function reviewConstraints(db: CaseDb): ReviewConstraints {
  const personOfFace = new Map<number, number>();
  const groups = new Map<number, number[]>();
  for (const row of db.prepare('SELECT face_id, person_id, how FROM face_persons WHERE person_id IS NOT NULL').iterate() as IterableIterator<{ face_id: number; person_id: number; how: string }>) {
    personOfFace.set(row.face_id, row.person_id);
    if (row.how === 'analyst') pushTo(groups, row.person_id, row.face_id);
  }
  const tags = new Map<number, Array<[number, number]>>();
  const tag = (face: number, key: number, value: number) => pushTo(tags, face, [key, value]);
  const decisions = db.prepare(`SELECT seq, payload FROM review_decisions WHERE state = 'active' ORDER BY seq`).all() as Array<{ seq: number; payload: string }>;
  for (const d of decisions) {
    const payload = JSON.parse(d.payload) as DecisionPayload;
    if (!payload.sides) continue;
    const [a, b] = payload.sides;
    const personsA = new Set(a.map((f) => personOfFace.get(f)));
    if (b.some((f) => personsA.has(personOfFace.get(f)) && personOfFace.has(f))) continue; // rejoined since
    for (const f of a) tag(f, d.seq, 0);
    for (const f of b) tag(f, d.seq, 1);
  }
  for (const row of db.prepare(`SELECT fp.face_id, p.role FROM face_persons fp JOIN persons p ON p.id = fp.person_id WHERE p.role != 'unknown'`).iterate() as IterableIterator<{ face_id: number; role: string }>) {
    tag(row.face_id, ROLE_KEY, ROLE_VALUE[row.role]!);
  }
  return { confirmed: [...groups.values()], tags, personOfFace, decisions: decisions.length };
}
