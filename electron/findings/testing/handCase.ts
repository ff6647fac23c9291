/**
 * A small case written straight into the database, every figure counted by hand (see findings.test.ts):
 *
 *   cameras  CAM01 入口1 (入口), CAM02 大厅1 (大厅), CAM03 大厅2 (大厅), CAM04 洽谈区1 (洽谈区, never captured)
 *   captures (Asia/Shanghai)            faces → persons              platform id   image
 *    1  2021-04-18 Sun 09:00:00 CAM01   f1 P1                         X1            i1
 *    2  2021-04-18     09:20:00 CAM02   f2 P1, f3 P1 (same person)    X1            i2
 *    3  2021-04-18     10:00:00 CAM02   f4 P1, f5 P3                  X2            i3 + scene s3
 *    4  2021-04-18     10:05:00 CAM03   f6 P2                         X3            i4
 *    5  2021-04-19 Mon 14:00:00 CAM01   f7 P1                         X4            i5
 *    6  2021-04-19     14:10:00 CAM03   f8 P3                         X5            frame of video v1
 *    7  2021-04-19     14:10:30 CAM03   f9 set aside (no person)      ''            i7
 *    8  2021-04-20 Tue 20:30:00 CAM02   (no face)                     NULL          i7 again
 *   persons  P1 R000001 unknown, P2 R000002 visitor, P3 R000003 staff, P4 R000004 merged away (inactive, no faces)
 *   run 1 done over 9 faces, 3 persons, sensitivity 0.30 → 2 persons, 0.50 → 4; review: 2 decisions active, 1 undone
 *   auth  a1 张三 → captures 1, 5; a2 李四 → capture 8; a3 张三 (same customer) → capture 6
 */
import { openCaseDb } from '../../store/caseDb';
import { newCase, tempDir } from '../../testing/fixtures';

export const HAND_CAPTURES: Array<[id: number, local: string, camera: string, platformId: string | null, image: string, scene?: string]> = [
  [1, '2021-04-18T09:00:00', 'CAM01', 'X1', 'i1'],
  [2, '2021-04-18T09:20:00', 'CAM02', 'X1', 'i2'],
  [3, '2021-04-18T10:00:00', 'CAM02', 'X2', 'i3', 's3'],
  [4, '2021-04-18T10:05:00', 'CAM03', 'X3', 'i4'],
  [5, '2021-04-19T14:00:00', 'CAM01', 'X4', 'i5'],
  [6, '2021-04-19T14:10:00', 'CAM03', 'X5', 'frame1'],
  [7, '2021-04-19T14:10:30', 'CAM03', '', 'i7'],
  [8, '2021-04-20T20:30:00', 'CAM02', null, 'i7'],
];

/** face id → [capture id, person id or null] */
const FACES: Array<[number, number, number | null]> = [
  [1, 1, 1], [2, 2, 1], [3, 2, 1], [4, 3, 1], [5, 3, 3], [6, 4, 2], [7, 5, 1], [8, 6, 3], [9, 7, null],
];

export function localMs(local: string): number {
  return Date.parse(`${local}+08:00`);
}

export interface HandCaseOptions {
  /** Leave out the clustering run and persons (before issue 5's step has run). */
  clustered?: boolean;
}

export function writeHandCase(opts: HandCaseOptions = {}): string {
  const caseDir = newCase(tempDir('faceaudit-findings-'));
  const db = openCaseDb(caseDir);
  try {
    db.transaction(() => {
      const now = '2026-01-01T00:00:00Z';
      db.prepare("INSERT INTO sources (kind, original_path, manifest_sha256, imported_at, file_count, report) VALUES ('folder', 'hand', 'x', ?, 0, '{}')").run(now);
      for (const [id, name, zone] of [['CAM01', '入口1', '入口'], ['CAM02', '大厅1', '大厅'], ['CAM03', '大厅2', '大厅'], ['CAM04', '洽谈区1', '洽谈区']]) {
        db.prepare('INSERT INTO cameras (id, name, zone) VALUES (?, ?, ?)').run(id, name, zone);
      }
      const blob = db.prepare('INSERT OR IGNORE INTO blobs (sha256, size, media_type, stored_at) VALUES (?, 1, ?, ?)');
      for (const sha of ['i1', 'i2', 'i3', 's3', 'i4', 'i5', 'frame1', 'i7']) blob.run(sha, 'image/jpeg', now);
      blob.run('v1', 'video/mp4', now);
      db.prepare("INSERT INTO derived_files (sha256, from_sha256, kind, offset_ms, tool) VALUES ('frame1', 'v1', 'video-frame', 600000, 'ffmpeg')").run();
      const capture = db.prepare(
        `INSERT INTO captures (id, source_id, sheet_path, sheet_row, captured_at, captured_ms, local_date, time_source, camera_id,
           image_path, image_sha256, scene_sha256, video_sha256, platform_person_id, raw)
         VALUES (?, 1, 'hand.csv', ?, ?, ?, ?, 'sheet', ?, ?, ?, ?, ?, ?, '{}')`,
      );
      for (const [id, local, camera, platformId, image, scene] of HAND_CAPTURES) {
        capture.run(id, id + 1, `${local}+08:00`, localMs(local), local.slice(0, 10), camera, `${image}.jpg`, image, scene ?? null,
          image === 'frame1' ? 'v1' : null, platformId);
      }
      const face = db.prepare(
        `INSERT INTO faces (id, capture_id, face_index, source_sha256, model_id, box_x, box_y, box_w, box_h, landmarks, rotation,
           det_score, size_px, blur, yaw, pitch, roll, embedding_norm, embedding)
         VALUES (?, ?, ?, ?, 'm', 0, 0, 10, 10, '[]', 0, 0.9, 100, 100, 0, 0, 0, 20, x'00')`,
      );
      const faceIndex = new Map<number, number>();
      for (const [id, captureId] of FACES) {
        const index = faceIndex.get(captureId) ?? 0;
        faceIndex.set(captureId, index + 1);
        face.run(id, captureId, index, HAND_CAPTURES[captureId - 1]![4]);
      }
      if (opts.clustered !== false) {
        db.prepare(
          `INSERT INTO identity_runs (id, model_id, params, state, started_at, finished_at, faces, persons, sensitivity)
           VALUES (1, 'm', '{}', 'done', ?, ?, 9, 3, ?)`,
        ).run(now, now, JSON.stringify([{ threshold: 0.3, persons: 2, personsMulti: 1 }, { threshold: 0.5, persons: 4, personsMulti: 2 }]));
        const person = db.prepare('INSERT INTO persons (id, label, role, active, faces, updated_at) VALUES (?, ?, ?, ?, ?, ?)');
        person.run(1, 'R000001', 'unknown', 1, 5, now);
        person.run(2, 'R000002', 'visitor', 1, 1, now);
        person.run(3, 'R000003', 'staff', 1, 2, now);
        person.run(4, 'R000004', 'unknown', 0, 0, now);
        const link = db.prepare('INSERT INTO face_persons (face_id, person_id, how) VALUES (?, ?, ?)');
        for (const [id, , personId] of FACES) link.run(id, personId, personId === null ? 'set-aside' : 'cluster');
        const decision = db.prepare("INSERT INTO review_decisions (at, actor, kind, payload, changes, state) VALUES (?, 't', 'role', '{}', '{}', ?)");
        decision.run(now, 'active');
        decision.run(now, 'active');
        decision.run(now, 'undone');
      }
      const auth = db.prepare(
        "INSERT INTO auth_records (id, source_id, sheet_path, sheet_row, customer_name, phone, raw) VALUES (?, 1, 'auth.csv', ?, ?, ?, '{}')",
      );
      auth.run(1, 2, '张三', '138****0001');
      auth.run(2, 3, '李四', '139****0002');
      auth.run(3, 4, '张三', '138****0001');
      const authLink = db.prepare("INSERT INTO auth_links (auth_id, capture_id, method) VALUES (?, ?, 'image')");
      for (const [a, c] of [[1, 1], [1, 5], [2, 8], [3, 6]]) authLink.run(a, c);
    })();
  } finally {
    db.close();
  }
  return caseDir;
}
