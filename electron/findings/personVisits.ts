/**
 * One person's captures split into visits (a new visit after a gap longer than gapMinutes): what the People
 * screen links to, and what a decision cites as "came N times".
 */
import type { PersonVisits } from '../../shared/findingsApi';
import { UserError } from '../../shared/messages';
import type { CaseDb } from '../store/caseDb';
import { FigureLog } from './figureLog';
import { identityState } from './identityState';

type Capture = PersonVisits['captures'][number];
type Visit = PersonVisits['visits'][number];

export function personVisits(db: CaseDb, personId: number, gapMinutes: number): PersonVisits {
  const person = db.prepare('SELECT id, label, role, active FROM persons WHERE id = ?').get(personId) as
    | { id: number; label: string; role: string; active: number }
    | undefined;
  if (!person) throw new UserError('args.invalid', { details: `no person with id ${personId}` });
  const identity = identityState(db);
  const log = new FigureLog(db, identity);
  const captures = log.all<Capture>(
    ['visits'],
    `SELECT DISTINCT c.id AS id, c.captured_ms AS ms, c.captured_at AS capturedAt, c.camera_id AS cameraId
       FROM face_persons fp JOIN faces f ON f.id = fp.face_id JOIN captures c ON c.id = f.capture_id
      WHERE fp.person_id = @personId ORDER BY c.captured_ms, c.id`,
    { personId, gapMinutes },
    { persons: true, note: 'the captures holding a face of the person; a new visit after a gap longer than gapMinutes' },
  );
  return {
    person: { id: person.id, label: person.label, role: person.role, active: person.active === 1 },
    gapMinutes,
    visits: splitVisits(captures, gapMinutes * 60_000),
    captures,
    provenance: log.provenance.visits!,
  };
}

/** Captures in time order → visits; the same rule as visitFigures' SQL (gap > gapMs starts a new visit). */
export function splitVisits(captures: readonly Capture[], gapMs: number): Visit[] {
  const visits: Visit[] = [];
  let prev: Capture | undefined;
  for (const capture of captures) {
    let visit = visits[visits.length - 1];
    if (!visit || !prev || capture.ms - prev.ms > gapMs) {
      visit = { index: visits.length + 1, start: capture.capturedAt, end: capture.capturedAt, startMs: capture.ms, endMs: capture.ms, captures: 0, cameras: [] };
      visits.push(visit);
    }
    visit.end = capture.capturedAt;
    visit.endMs = capture.ms;
    visit.captures++;
    if (!visit.cameras.includes(capture.cameraId)) visit.cameras.push(capture.cameraId);
    prev = capture;
  }
  return visits;
}
