/**
 * A small case with real pictures in its vault, for the case file's tests: every figure and box known because the
 * test wrote it. Faces are photos from ../shared/faces/lfw-dev (read, never copied into the repository); the boxes
 * are where this builder put the faces, not a detector's guess, so a masking test knows exactly which pixels
 * belong to whom.
 *
 *   cameras   CAM01 入口1 (入口), CAM02 大厅1 (大厅), CAM03 洽谈区1 (洽谈区, never captured)
 *   captures (Asia/Shanghai)           picture                                   faces
 *    1  2021-04-18 Sun 09:30:15 CAM01   crop of Aaron_Sorkin_0001 (250×250)        1
 *    2  2021-04-18     10:02:00 CAM02   scene 640×360: subject + 2 bystanders      3 (subject the largest)
 *    3  2021-04-19 Mon 14:00:00 CAM01   crop of Allison_Janney_0001                1
 *    4  2021-04-20 Tue 20:30:00 CAM02   crop of Alma_Powell_0001                   1
 *    5  2021-04-20     20:31:00 CAM02   crop of Allen_Rock_0001, never analysed    0
 */
import path from 'node:path';
import sharp from 'sharp';
import { ingestBuffer } from '../../../evidence/vault';
import { openCaseDb } from '../../../store/caseDb';
import { newCase, tempDir } from '../../../testing/fixtures';
import type { PixelBox } from '../maskFaces';

export const LFW = path.resolve(import.meta.dirname, '../../../../../shared/faces/lfw-dev/images');
const photo = (name: string) => path.join(LFW, name.replace(/_\d{4}\.jpg$/u, ''), name);

/** Where the face sits in an lfw-dev photo (250×250), as fractions: the dataset's faces are centred and aligned. */
const LFW_FACE = { x: 0.312, y: 0.288, w: 0.376, h: 0.452 };

function faceBoxAt(left: number, top: number, size: number): PixelBox {
  return { x: left + LFW_FACE.x * size, y: top + LFW_FACE.y * size, width: LFW_FACE.w * size, height: LFW_FACE.h * size };
}

export const SCENE = { width: 640, height: 360 };
/** The scene's faces in detector order (highest score first): a bystander first, so "largest" is what decides. */
export const SCENE_FACES: PixelBox[] = [faceBoxAt(360, 30, 150), faceBoxAt(20, 30, 300), faceBoxAt(470, 200, 150)];
export const SCENE_SUBJECT = 1;
export const CROP_FACE: PixelBox = faceBoxAt(0, 0, 250);

export interface PictureCase {
  caseDir: string;
  /** capture id → SHA-256 of its picture */
  pictures: Map<number, string>;
}

async function sceneJpeg(): Promise<Buffer> {
  const tile = (name: string, size: number) => sharp(photo(name)).resize(size, size).toBuffer();
  return sharp({ create: { width: SCENE.width, height: SCENE.height, channels: 3, background: { r: 128, g: 124, b: 118 } } })
    .composite([
      { input: await tile('Alvaro_Noboa_0001.jpg', 150), left: 360, top: 30 },
      { input: await tile('Aaron_Sorkin_0002.jpg', 300), left: 20, top: 30 },
      { input: await tile('Allison_Janney_0002.jpg', 150), left: 470, top: 200 },
    ])
    .jpeg({ quality: 90 })
    .toBuffer();
}

export async function writePictureCase(): Promise<PictureCase> {
  const caseDir = newCase(tempDir('faceaudit-casefile-'));
  const files: Array<[captureId: number, bytes: Buffer, faces: PixelBox[]]> = [
    [1, await sharp(photo('Aaron_Sorkin_0001.jpg')).jpeg({ quality: 92 }).toBuffer(), [CROP_FACE]],
    [2, await sceneJpeg(), SCENE_FACES],
    [3, await sharp(photo('Allison_Janney_0001.jpg')).jpeg({ quality: 92 }).toBuffer(), [CROP_FACE]],
    [4, await sharp(photo('Alma_Powell_0001.jpg')).jpeg({ quality: 92 }).toBuffer(), [CROP_FACE]],
    [5, await sharp(photo('Allen_Rock_0001.jpg')).jpeg({ quality: 92 }).toBuffer(), []],
  ];
  const pictures = new Map<number, string>();
  for (const [id, bytes] of files) pictures.set(id, (await ingestBuffer(caseDir, bytes)).sha256);
  const captures: Array<[number, string, string, 'image' | 'scene', string]> = [
    [1, '2021-04-18T09:30:15', 'CAM01', 'image', '抓拍图片/CAM01_20210418_093015.jpg'],
    [2, '2021-04-18T10:02:00', 'CAM02', 'scene', '场景图片/CAM02_20210418_100200.jpg'],
    [3, '2021-04-19T14:00:00', 'CAM01', 'image', '抓拍图片/CAM01_20210419_140000.jpg'],
    [4, '2021-04-20T20:30:00', 'CAM02', 'image', '抓拍图片/CAM02_20210420_203000.jpg'],
    [5, '2021-04-20T20:31:00', 'CAM02', 'image', '抓拍图片/CAM02_20210420_203100.jpg'],
  ];
  const db = openCaseDb(caseDir);
  try {
    db.transaction(() => {
      const now = '2026-01-01T00:00:00Z';
      db.prepare("UPDATE case_info SET name = ?, handling_unit = ?, officers = ? WHERE id = 1").run('某房地产开发有限公司未经同意采集消费者人脸信息案', '禹州市市场监督管理局', JSON.stringify(['王某', '李某']));
      db.prepare("INSERT INTO sources (kind, original_path, manifest_sha256, imported_at, file_count, report) VALUES ('folder', 'seized', 'x', ?, 5, '{}')").run(now);
      for (const [id, name, zone] of [['CAM01', '入口1', '入口'], ['CAM02', '大厅1', '大厅'], ['CAM03', '洽谈区1', '洽谈区']]) {
        db.prepare('INSERT INTO cameras (id, name, zone) VALUES (?, ?, ?)').run(id, name, zone);
      }
      for (const [id, bytes] of files) db.prepare("INSERT INTO blobs (sha256, size, media_type, stored_at) VALUES (?, ?, 'image/jpeg', ?)").run(pictures.get(id), bytes.length, now);
      const capture = db.prepare(
        `INSERT INTO captures (id, source_id, sheet_path, sheet_row, captured_at, captured_ms, local_date, time_source, camera_id,
           image_path, image_sha256, scene_path, scene_sha256, raw)
         VALUES (?, 1, '抓拍记录.csv', ?, ?, ?, ?, 'sheet', ?, ?, ?, ?, ?, '{}')`,
      );
      for (const [id, local, camera, kind, file] of captures) {
        const sha = pictures.get(id)!;
        capture.run(id, id, `${local}+08:00`, Date.parse(`${local}+08:00`), local.slice(0, 10), camera,
          kind === 'image' ? file : null, kind === 'image' ? sha : null, kind === 'scene' ? file : null, kind === 'scene' ? sha : null);
      }
      const face = db.prepare(
        `INSERT INTO faces (capture_id, face_index, source_sha256, model_id, box_x, box_y, box_w, box_h, landmarks, rotation,
           det_score, size_px, blur, yaw, pitch, roll, embedding_norm, embedding)
         VALUES (?, ?, ?, 'm', ?, ?, ?, ?, '[]', 0, 0.9, 100, 100, 0, 0, 0, 20, x'00')`,
      );
      for (const [id, , boxes] of files) boxes.forEach((b, i) => face.run(id, i, pictures.get(id), b.x, b.y, b.width, b.height));
    })();
  } finally {
    db.close();
  }
  return { caseDir, pictures };
}
