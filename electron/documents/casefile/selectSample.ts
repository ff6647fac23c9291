/**
 * Which captures the case file shows as its sample (抓拍样图): a rule anyone can re-apply to the case database and
 * get the same pictures.
 *
 *   1. Only captures whose picture was analysed and holds at least one face: the faces' boxes are what lets the
 *      subject be told from bystanders (a picture never analysed could show bystanders nobody can mask).
 *   2. The first such capture of each camera, cameras in id order (every camera that captured is represented).
 *   3. Then, until N are chosen, the first not yet chosen capture of days spread evenly over the days that have
 *      one (day k of K chosen at positions round(i·(K−1)/(M−1)), i = 0…M−1, M the places left; a day with
 *      nothing left to choose passes its place to the next day), so the sample covers the whole period rather
 *      than its first week.
 *   4. Shown in time order.
 * "First" is by capture time, then capture id.
 */
import type { CaseDb } from '../../store/caseDb';

export const DEFAULT_SAMPLE_SIZE = 12;

export interface SampleCapture {
  id: number;
  capturedAt: string;
  capturedMs: number;
  localDate: string;
  cameraId: string;
  cameraName: string;
  zone: string;
  /** The picture the faces were found in (the face crop, else the scene), as named in the evidence. */
  pictureSha256: string;
  picturePath: string | null;
  /** The video the picture was cut from, and where, when it is a frame. */
  video: { sha256: string; offsetMs: number | null } | null;
}

const WITH_FACES = 'EXISTS (SELECT 1 FROM faces f WHERE f.capture_id = c.id)';

const COLUMNS = `c.id AS id, c.captured_at AS capturedAt, c.captured_ms AS capturedMs, c.local_date AS localDate,
  c.camera_id AS cameraId, cam.name AS cameraName, cam.zone AS zone,
  (SELECT f.source_sha256 FROM faces f WHERE f.capture_id = c.id ORDER BY f.face_index LIMIT 1) AS pictureSha256,
  c.image_sha256 AS imageSha256, c.image_path AS imagePath, c.scene_sha256 AS sceneSha256, c.scene_path AS scenePath,
  c.video_sha256 AS videoSha256, c.video_offset_ms AS videoOffsetMs`;

interface Row extends Omit<SampleCapture, 'picturePath' | 'video'> {
  imageSha256: string | null;
  imagePath: string | null;
  sceneSha256: string | null;
  scenePath: string | null;
  videoSha256: string | null;
  videoOffsetMs: number | null;
}

function toSample(db: CaseDb, r: Row): SampleCapture {
  const picturePath = r.pictureSha256 === r.imageSha256 ? r.imagePath : r.pictureSha256 === r.sceneSha256 ? r.scenePath : null;
  let video: SampleCapture['video'] = null;
  if (r.videoSha256) {
    const frame = db.prepare("SELECT offset_ms AS offsetMs FROM derived_files WHERE sha256 = ? AND from_sha256 = ? AND kind = 'video-frame'").get(r.pictureSha256, r.videoSha256) as
      | { offsetMs: number | null }
      | undefined;
    video = { sha256: r.videoSha256, offsetMs: r.videoOffsetMs ?? frame?.offsetMs ?? null };
  }
  return {
    id: r.id,
    capturedAt: r.capturedAt,
    capturedMs: r.capturedMs,
    localDate: r.localDate,
    cameraId: r.cameraId,
    cameraName: r.cameraName,
    zone: r.zone,
    pictureSha256: r.pictureSha256,
    picturePath,
    video,
  };
}

/** Evenly spread positions in 0…count−1, `take` of them (fewer when count is smaller), first and last included. */
export function spreadPositions(count: number, take: number): number[] {
  if (count <= 0 || take <= 0) return [];
  if (take >= count) return Array.from({ length: count }, (_, i) => i);
  if (take === 1) return [0];
  const out = new Set<number>();
  for (let i = 0; i < take; i++) out.add(Math.round((i * (count - 1)) / (take - 1)));
  return [...out];
}

export function selectSample(db: CaseDb, size = DEFAULT_SAMPLE_SIZE): SampleCapture[] {
  const chosen = new Map<number, Row>();
  const cameraFirst = db.prepare(
    `SELECT ${COLUMNS} FROM captures c JOIN cameras cam ON cam.id = c.camera_id
      WHERE c.camera_id = ? AND ${WITH_FACES} ORDER BY c.captured_ms, c.id LIMIT 1`,
  );
  for (const { id } of db.prepare('SELECT id FROM cameras ORDER BY id').all() as { id: string }[]) {
    if (chosen.size >= size) break;
    const row = cameraFirst.get(id) as Row | undefined;
    if (row) chosen.set(row.id, row);
  }
  const days = (db.prepare(`SELECT DISTINCT c.local_date AS d FROM captures c WHERE ${WITH_FACES} ORDER BY d`).all() as { d: string }[]).map((r) => r.d);
  const dayFirst = db.prepare(
    `SELECT ${COLUMNS} FROM captures c JOIN cameras cam ON cam.id = c.camera_id
      WHERE c.local_date = ? AND ${WITH_FACES} AND c.id NOT IN (SELECT value FROM json_each(?))
      ORDER BY c.captured_ms, c.id LIMIT 1`,
  );
  // A chosen day whose captures are all taken already (by rule 2) passes its place to the next day.
  let next = 0;
  for (const position of spreadPositions(days.length, size - chosen.size)) {
    for (let day = Math.max(position, next); day < days.length && chosen.size < size; day++) {
      next = day + 1;
      const row = dayFirst.get(days[day], JSON.stringify([...chosen.keys()])) as Row | undefined;
      if (row) {
        chosen.set(row.id, row);
        break;
      }
    }
  }
  return [...chosen.values()].sort((a, b) => a.capturedMs - b.capturedMs || a.id - b.id).map((r) => toSample(db, r));
}
