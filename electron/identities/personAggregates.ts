/**
 * The figures kept on each person row (faces, captures, days, first and last seen, cameras) and each face's
 * closeness to its person, recomputed from face_persons after a clustering run or a review decision. Kept on the
 * row so the People list sorts and pages 20,000 persons without grouping 124,200 faces each time.
 */
import type { CaseDb } from '../store/caseDb';
import { caseFaceModel } from '../faces/faceStore';
import { aboveFloor, defaultQualityFloor, type FaceQualityRow } from './qualityFloor';
import { pushTo } from './groupBy';

/** Persons by id as a JSON array for `json_each` (no statement-size limit, unlike a long IN list). */
function idsJson(ids: readonly number[]): string {
  return JSON.stringify([...new Set(ids)]);
}

export function refreshPersonFigures(db: CaseDb, personIds: readonly number[] | 'all'): void {
  const all = personIds === 'all';
  const scope = all ? '' : 'AND fp.person_id IN (SELECT value FROM json_each(@ids))';
  const params = all ? {} : { ids: idsJson(personIds) };
  const now = new Date().toISOString();
  const figures = db
    .prepare(
      `SELECT fp.person_id AS id, COUNT(*) AS faces, COUNT(DISTINCT f.capture_id) AS captures,
              COUNT(DISTINCT c.local_date) AS days, MIN(c.captured_ms) AS first_ms, MAX(c.captured_ms) AS last_ms
         FROM face_persons fp JOIN faces f ON f.id = fp.face_id JOIN captures c ON c.id = f.capture_id
        WHERE fp.person_id IS NOT NULL ${scope}
        GROUP BY fp.person_id`,
    )
    .all(params) as Array<{ id: number; faces: number; captures: number; days: number; first_ms: number; last_ms: number }>;
  const cameraRows = db
    .prepare(
      `SELECT fp.person_id AS id, c.camera_id AS camera, COUNT(*) AS n
         FROM face_persons fp JOIN faces f ON f.id = fp.face_id JOIN captures c ON c.id = f.capture_id
        WHERE fp.person_id IS NOT NULL ${scope}
        GROUP BY fp.person_id, c.camera_id ORDER BY fp.person_id, n DESC, c.camera_id`,
    )
    .all(params) as Array<{ id: number; camera: string; n: number }>;
  const cameras = new Map<number, string[]>();
  for (const row of cameraRows) pushTo(cameras, row.id, row.camera);
  // SQLite returns the bare column of the row that holds the MIN (or MAX): the capture time as recorded, per person.
  const timesOf = (fn: 'MIN' | 'MAX') => new Map((db
    .prepare(
      `SELECT fp.person_id AS id, ${fn}(c.captured_ms) AS ms, c.captured_at AS at
         FROM face_persons fp JOIN faces f ON f.id = fp.face_id JOIN captures c ON c.id = f.capture_id
        WHERE fp.person_id IS NOT NULL ${scope}
        GROUP BY fp.person_id`,
    )
    .all(params) as Array<{ id: number; ms: number; at: string }>).map((r) => [r.id, r.at]));
  const firstAt = timesOf('MIN');
  const lastAt = timesOf('MAX');
  const reset = db.prepare(
    `UPDATE persons SET faces = 0, captures = 0, days = 0, first_ms = NULL, last_ms = NULL, first_at = NULL, last_at = NULL,
            cameras = '[]', rep_face_id = NULL, updated_at = ? WHERE ${all ? '1' : 'id IN (SELECT value FROM json_each(?))'}`,
  );
  if (all) reset.run(now);
  else reset.run(now, idsJson(personIds));
  const update = db.prepare(
    `UPDATE persons SET faces = ?, captures = ?, days = ?, first_ms = ?, last_ms = ?, first_at = ?, last_at = ?, cameras = ?, updated_at = ?
      WHERE id = ?`,
  );
  for (const f of figures) {
    update.run(f.faces, f.captures, f.days, f.first_ms, f.last_ms, firstAt.get(f.id) ?? null, lastAt.get(f.id) ?? null, JSON.stringify(cameras.get(f.id) ?? []), now, f.id);
  }
}

/**
 * Each face's mean cosine to the other faces of its person, and the person's representative face: the clear face
 * (above the quality floor) closest to the others. Loads only the persons' own embeddings.
 */
export function refreshCohesion(db: CaseDb, personIds: readonly number[]): void {
  const model = caseFaceModel(db);
  if (!model || personIds.length === 0) return;
  const floor = defaultQualityFloor(model.minRecognisableNorm);
  const dims = model.embeddingSize;
  const rows = db
    .prepare(
      `SELECT fp.person_id AS person, f.id, f.embedding, f.det_score, f.size_px, f.yaw, f.pitch, f.embedding_norm
         FROM face_persons fp JOIN faces f ON f.id = fp.face_id
        WHERE fp.person_id IN (SELECT value FROM json_each(?)) ORDER BY fp.person_id, f.id`,
    )
    .all(idsJson(personIds)) as Array<FaceQualityRow & { person: number; id: number; embedding: Buffer }>;
  const byPerson = new Map<number, typeof rows>();
  for (const row of rows) pushTo(byPerson, row.person, row);
  const setSimilarity = db.prepare('UPDATE face_persons SET similarity = ? WHERE face_id = ?');
  const setRep = db.prepare('UPDATE persons SET rep_face_id = ? WHERE id = ?');
  for (const [person, faces] of byPerson) {
    const vectors = faces.map((f) => {
      const v = new Float32Array(dims);
      new Uint8Array(v.buffer).set(f.embedding.subarray(0, dims * 4));
      return v;
    });
    const sum = new Float64Array(dims);
    for (const v of vectors) for (let d = 0; d < dims; d++) sum[d]! += v[d]!;
    let best = -1, bestScore = -Infinity;
    faces.forEach((face, i) => {
      let dot = 0;
      for (let d = 0; d < dims; d++) dot += vectors[i]![d]! * sum[d]!;
      const cohesion = faces.length > 1 ? (dot - 1) / (faces.length - 1) : null;
      setSimilarity.run(cohesion, face.id);
      const score = (aboveFloor(face, floor) ? 10 : 0) + (cohesion ?? 0);
      if (score > bestScore) {
        bestScore = score;
        best = face.id;
      }
    });
    setRep.run(best, person);
  }
}
