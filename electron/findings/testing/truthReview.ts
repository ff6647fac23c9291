/**
 * A review that matches the truth exactly: one face per capture, assigned to the sample person who really is in
 * it, roles as in truth.json. With it, every person figure must equal the truth (the issue's "staff and visitors
 * when review matches the truth"); clustering's own accuracy is issue 5's to measure.
 */
import type { SampleTruth } from '../../sample/generateSample';
import { openCaseDb } from '../../store/caseDb';

export function applyTruthAsReview(caseDir: string, truth: SampleTruth): void {
  const db = openCaseDb(caseDir);
  try {
    db.transaction(() => {
      const now = new Date().toISOString();
      const captureBySha = new Map(
        (db.prepare('SELECT id, image_sha256 AS sha FROM captures').all() as Array<{ id: number; sha: string }>).map((r) => [r.sha, r.id]),
      );
      db.prepare(`INSERT INTO identity_runs (model_id, params, state, started_at, finished_at, faces, persons)
        VALUES ('truth', '{}', 'done', ?, ?, ?, ?)`).run(now, now, truth.records.length, truth.people.length);
      const personIds = new Map<string, number>();
      const insertPerson = db.prepare('INSERT INTO persons (label, role, faces, captures, updated_at) VALUES (?, ?, ?, ?, ?)');
      truth.people.forEach((p, i) => {
        const info = insertPerson.run(`R${String(i + 1).padStart(6, '0')}`, p.role === 'staff' ? 'staff' : 'visitor', p.captures, p.captures, now);
        personIds.set(p.id, Number(info.lastInsertRowid));
      });
      const face = db.prepare(
        `INSERT INTO faces (capture_id, face_index, source_sha256, model_id, box_x, box_y, box_w, box_h, landmarks, rotation,
           det_score, size_px, blur, yaw, pitch, roll, embedding_norm, embedding)
         VALUES (?, 0, ?, 'truth', 0, 0, 1, 1, '[]', 0, 1, 100, 100, 0, 0, 0, 20, x'00')`,
      );
      const link = db.prepare("INSERT INTO face_persons (face_id, person_id, how) VALUES (?, ?, 'analyst')");
      for (const record of truth.records) {
        const captureId = captureBySha.get(record.sha256);
        if (captureId === undefined) throw new Error(`no capture with the image of row ${record.row}`);
        const faceId = Number(face.run(captureId, record.sha256).lastInsertRowid);
        link.run(faceId, personIds.get(record.person));
      }
    })();
  } finally {
    db.close();
  }
}
