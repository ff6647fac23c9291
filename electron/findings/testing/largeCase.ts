/**
 * A case at the scale of the real ones (124,200 captures by default), written straight into the database as the
 * import, face analysis and clustering would have left it: 9 cameras in 3 zones, opening hours, busier weekends,
 * staff captured every day, visitors coming once or a few times, a few faces set aside, authentication records.
 * For measuring the findings queries and the overview's drawing time without hours of image work.
 */
import crypto from 'node:crypto';
import { openCaseDb } from '../../store/caseDb';
import { createCase } from '../../store/caseStore';
import { mulberry32 } from '../../sample/prng';

const CAMERAS: Array<[string, string, string, number]> = [
  ['CAM01', '入口1', '入口', 1.4], ['CAM02', '大厅1', '大厅', 1], ['CAM03', '大厅2', '大厅', 0.85], ['CAM04', '大厅3', '大厅', 0.7],
  ['CAM05', '大厅4', '大厅', 0.5], ['CAM06', '大厅5', '大厅', 0.3], ['CAM07', '大厅6', '大厅', 0.12], ['CAM08', '洽谈区1', '洽谈区', 0.9],
  ['CAM09', '洽谈区2', '洽谈区', 0.45],
];


export interface LargeCase {
  caseDir: string;
  captures: number;
  persons: number;
  days: number;
  busiestDay: string;
}

export function writeLargeFindingsCase(caseDir: string, opts: { captures?: number; days?: number; seed?: number } = {}): LargeCase {
  const total = opts.captures ?? 124_200;
  const days = opts.days ?? 180;
  const random = mulberry32(opts.seed ?? 7);
  createCase(caseDir, { number: '禹市监处罚〔2022〕12号', name: '某房地产开发有限公司违法采集人脸信息案', partyName: '某房地产开发有限公司' });
  const db = openCaseDb(caseDir);
  const now = new Date().toISOString();
  const start = Date.parse('2021-04-18T00:00:00+08:00');
  const dayWeights = Array.from({ length: days }, (_, d) => ([0, 6].includes(new Date(start + d * 86_400_000 + 8 * 3_600_000).getUTCDay()) ? 2 : 1));
  const weightSum = dayWeights.reduce((a, b) => a + b, 0);
  const camWeightSum = CAMERAS.reduce((a, c) => a + c[3], 0);
  const pickCamera = () => {
    let x = random() * camWeightSum;
    for (const c of CAMERAS) if ((x -= c[3]) <= 0) return c[0];
    return CAMERAS[0]![0];
  };
  const perDay = new Map<string, number>();
  let personCount = 0;
  try {
    db.transaction(() => {
      db.prepare("INSERT INTO sources (kind, original_path, manifest_sha256, imported_at, file_count, report) VALUES ('folder', 'synthetic', 'synthetic', ?, 0, '{}')").run(now);
      for (const [id, name, zone] of CAMERAS) db.prepare('INSERT INTO cameras (id, name, zone) VALUES (?, ?, ?)').run(id, name, zone);
      // Rows as wide as real ones (a file path, a SHA-256, the sheet row as JSON), so scans cost what they would.
      const insertCapture = db.prepare(`INSERT INTO captures (id, source_id, sheet_path, sheet_row, captured_at, captured_ms, local_date, time_source, camera_id,
          image_path, image_sha256, platform_person_id, similarity, raw)
        VALUES (?, 1, '抓拍记录.csv', ?, ?, ?, ?, 'sheet', ?, ?, ?, ?, 0.9, ?)`);
      const insertBlob = db.prepare("INSERT INTO blobs (sha256, size, media_type, stored_at) VALUES (?, 15000, 'image/jpeg', ?)");
      const insertFace = db.prepare(`INSERT INTO faces (id, capture_id, face_index, source_sha256, model_id, box_x, box_y, box_w, box_h, landmarks, rotation,
          det_score, size_px, blur, yaw, pitch, roll, embedding_norm, embedding, thumb_path)
        VALUES (?, ?, ?, ?, 'synthetic', 10, 12, 96, 96, '[[40,50],[72,50],[56,70],[44,88],[70,88]]', 0, 0.98, 96, 180.5, 2.5, -4.1, 1.2, 21.7, zeroblob(2048), ?)`);
      const insertLink = db.prepare('INSERT INTO face_persons (face_id, person_id, how) VALUES (?, ?, ?)');
      const insertPerson = db.prepare('INSERT INTO persons (id, label, role, faces, captures, updated_at) VALUES (?, ?, ?, ?, ?, ?)');

      // People first: 24 staff, then visitors arriving over the period, most once, some again within weeks.
      interface Visit { day: number; person: number }
      const visits: Visit[] = [];
      const roles: string[] = [];
      const staff = 24;
      for (let s = 0; s < staff; s++) roles.push('staff');
      const visitsWanted = Math.round(total / 5.2);
      while (visits.length < visitsWanted) {
        const person = roles.push('visitor') - 1;
        let day = pickDay(random() * weightSum, dayWeights);
        visits.push({ day, person });
        while (random() < 0.32) {
          day += 1 + Math.floor(random() * 21);
          if (day >= days) break;
          visits.push({ day, person });
        }
      }
      personCount = roles.length;
      roles.forEach((role, p) => insertPerson.run(p + 1, `R${String(p + 1).padStart(6, '0')}`, role, 0, 0, now));
      const captureRows: Array<{ ms: number; person: number }> = [];
      const staffShare = 0.18;
      for (let i = 0; captureRows.length < total; i++) {
        if (random() < staffShare) {
          const day = pickDay(random() * weightSum, dayWeights);
          const ms = start + day * 86_400_000 + (9 * 3600 + Math.floor(random() * 9 * 3600)) * 1000;
          captureRows.push({ ms, person: Math.floor(random() * staff) });
          continue;
        }
        const visit = visits[i % visits.length]!;
        const arrive = (9 * 3600 + Math.floor(random() * 8 * 3600)) * 1000;
        const n = 3 + Math.floor(random() * 5);
        for (let k = 0; k < n && captureRows.length < total; k++) {
          captureRows.push({ ms: start + visit.day * 86_400_000 + arrive + k * Math.floor(random() * 240_000), person: visit.person });
        }
      }
      captureRows.sort((a, b) => a.ms - b.ms);
      const faces = new Array<number>(roles.length).fill(0);
      const captures = new Array<number>(roles.length).fill(0);
      let faceId = 0;
      captureRows.forEach((row, i) => {
        const id = i + 1;
        const local = new Date(row.ms + 8 * 3_600_000).toISOString().slice(0, 19);
        perDay.set(local.slice(0, 10), (perDay.get(local.slice(0, 10)) ?? 0) + 1);
        const platformId = random() < 0.02 ? null : String(30_000_000 + row.person * 3 + (random() < 0.1 ? 1 : 0));
        const camera = pickCamera();
        const compact = local.slice(0, 10).replaceAll('-', '');
        const image = `抓拍图片/${compact}/${camera}_${compact}_${local.slice(11).replaceAll(':', '')}_${String(id % 1000).padStart(3, '0')}.jpg`;
        const sha = crypto.createHash('sha256').update(String(id)).digest('hex');
        insertBlob.run(sha, now);
        const raw = JSON.stringify({ 序号: String(id), 抓拍时间: local.replace('T', ' '), 设备编号: camera, 设备名称: camera, 区域: '', 人脸图片: image, 人员编号: platformId ?? '', 相似度: '0.90' });
        insertCapture.run(id, id + 1, `${local}+08:00`, row.ms, local.slice(0, 10), camera, image, sha, platformId, raw);
        const setAside = random() < 0.03;
        insertFace.run(++faceId, id, 0, sha, `cache/faces/${sha.slice(0, 2)}/${sha}-0.jpg`);
        insertLink.run(faceId, setAside ? null : row.person + 1, setAside ? 'set-aside' : 'cluster');
        if (!setAside) {
          faces[row.person]!++;
          captures[row.person]!++;
        }
        if (random() < 0.05) {
          insertFace.run(++faceId, id, 1, sha, `cache/faces/${sha.slice(0, 2)}/${sha}-1.jpg`);
          insertLink.run(faceId, null, 'set-aside');
        }
      });
      const setCounts = db.prepare('UPDATE persons SET faces = ?, captures = ? WHERE id = ?');
      roles.forEach((_, p) => setCounts.run(faces[p], captures[p], p + 1));
      const active = faces.filter((f) => f > 0).length;
      db.prepare(`INSERT INTO identity_runs (model_id, params, state, started_at, finished_at, faces, persons, sensitivity)
        VALUES ('synthetic', '{}', 'done', ?, ?, ?, ?, ?)`).run(now, now, faceId, active,
        JSON.stringify([{ threshold: 0.3, persons: Math.round(active * 0.93), personsMulti: 0 }, { threshold: 0.5, persons: Math.round(active * 1.08), personsMulti: 0 }]));
      // One authentication record for about one visitor in eight, linked to one of their captures.
      const insertAuth = db.prepare("INSERT INTO auth_records (id, source_id, sheet_path, sheet_row, customer_name, phone, raw) VALUES (?, 1, 'auth.csv', ?, ?, ?, '{}')");
      const insertAuthLink = db.prepare("INSERT INTO auth_links (auth_id, capture_id, method) VALUES (?, ?, 'time-camera')");
      for (let a = 1; a <= Math.round(personCount / 8); a++) {
        insertAuth.run(a, a + 1, `客户${a}`, `138****${String(a % 10_000).padStart(4, '0')}`);
        insertAuthLink.run(a, 1 + Math.floor(random() * captureRows.length));
      }
    })();
  } finally {
    db.close();
  }
  const busiestDay = [...perDay.entries()].sort((a, b) => b[1] - a[1])[0]![0];
  return { caseDir, captures: total, persons: personCount, days, busiestDay };
}

function pickDay(x: number, weights: number[]): number {
  for (let d = 0; d < weights.length; d++) if ((x -= weights[d]!) <= 0) return d;
  return weights.length - 1;
}
