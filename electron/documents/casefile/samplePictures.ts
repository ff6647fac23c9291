/**
 * The sample's pictures, ready to print: each capture's picture read from the vault (read only; the copy in
 * memory is what gets masked), bystanders' faces masked unless a reviewer asked for them, and a caption that traces
 * the picture back to the evidence (capture id, camera, time, file as named in the archive, SHA-256).
 */
import fs from 'node:fs/promises';
import sharp from 'sharp';
import { chineseDate } from '../../../shared/chineseDates';
import { decodeImage, type RgbImage } from '../../faces/rgbImage';
import { vaultFile } from '../../evidence/vault';
import type { CaseDb } from '../../store/caseDb';
import { maskFaces, type PixelBox } from './maskFaces';
import type { SampleCapture } from './selectSample';

export interface SamplePicture {
  capture: SampleCapture;
  /** The picture as printed (masked unless unmasked), before encoding: what the masking test compares. */
  image: RgbImage;
  dataUrl: string;
  widthMm: number;
  heightMm: number;
  caption: string;
  /** Faces found in the picture, and how many of them were masked (all but the subject, or none). */
  faces: number;
  masked: number;
  subject: PixelBox | null;
}

/** Pictures up to this many pixels on the longer side are embedded lossless (PNG); larger scenes as JPEG. */
const LOSSLESS_MAX_SIDE = 1024;
/** Larger scenes are brought down to this width: 156 mm at about 260 dpi, more than a laser printer resolves. */
const PRINT_MAX_SIDE = 1600;
/** Crops (small pictures) print this tall; scenes use the text block's full width. */
const CROP_HEIGHT_MM = 50;
const TEXT_WIDTH_MM = 156;
const SCENE_MAX_HEIGHT_MM = 110;

/** 2021-04-18T09:30:15+08:00 → 2021年4月18日 9:30:15 (the wall-clock time the ISO string carries). */
export function captureTimeZh(iso: string): string {
  const m = /^\d{4}-\d{2}-\d{2}T(\d{2}):(\d{2}):(\d{2})/u.exec(iso);
  if (!m) return iso;
  return `${chineseDate(iso)} ${Number(m[1])}:${m[2]}:${m[3]}`;
}

export function faceBoxes(db: CaseDb, captureId: number, sourceSha256: string): PixelBox[] {
  return (
    db
      .prepare('SELECT box_x AS x, box_y AS y, box_w AS width, box_h AS height FROM faces WHERE capture_id = ? AND source_sha256 = ? ORDER BY face_index')
      .all(captureId, sourceSha256) as PixelBox[]
  );
}

/** The capture's subject: the largest face (the one the camera framed); the first found among equals. */
export function subjectIndex(boxes: readonly PixelBox[]): number {
  let best = -1;
  boxes.forEach((b, i) => {
    if (best < 0 || b.width * b.height > boxes[best]!.width * boxes[best]!.height) best = i;
  });
  return best;
}

function printSize(width: number, height: number): { widthMm: number; heightMm: number } {
  const small = Math.max(width, height) <= 400;
  let heightMm = small ? CROP_HEIGHT_MM : (TEXT_WIDTH_MM * height) / width;
  let widthMm = (heightMm * width) / height;
  if (widthMm > TEXT_WIDTH_MM) {
    widthMm = TEXT_WIDTH_MM;
    heightMm = (TEXT_WIDTH_MM * height) / width;
  }
  if (heightMm > SCENE_MAX_HEIGHT_MM) {
    heightMm = SCENE_MAX_HEIGHT_MM;
    widthMm = (SCENE_MAX_HEIGHT_MM * width) / height;
  }
  return { widthMm: Math.round(widthMm * 10) / 10, heightMm: Math.round(heightMm * 10) / 10 };
}

async function encodeForPrint(image: RgbImage): Promise<string> {
  const raw = sharp(image.data, { raw: { width: image.width, height: image.height, channels: 3 } });
  const side = Math.max(image.width, image.height);
  if (side <= LOSSLESS_MAX_SIDE) return `data:image/png;base64,${(await raw.png({ compressionLevel: 9 }).toBuffer()).toString('base64')}`;
  const scaled = side > PRINT_MAX_SIDE ? raw.resize({ width: image.width >= image.height ? PRINT_MAX_SIDE : undefined, height: image.height > image.width ? PRINT_MAX_SIDE : undefined }) : raw;
  return `data:image/jpeg;base64,${(await scaled.jpeg({ quality: 90 }).toBuffer()).toString('base64')}`;
}

const GAP = '\u3000';

export function sampleCaption(capture: SampleCapture, masked: number, unmasked: boolean): string {
  const camera = `${capture.cameraId}${capture.cameraName && capture.cameraName !== capture.cameraId ? ` ${capture.cameraName}` : ''}`;
  const file = capture.picturePath ?? '（记录未载明文件名）';
  const video = capture.video ? `，截取自视频（SHA-256 ${capture.video.sha256.slice(0, 16)}…${capture.video.offsetMs === null ? '' : `，第${Math.round(capture.video.offsetMs / 1000)}秒`}）` : '';
  const mask = unmasked ? '' : masked > 0 ? `；已遮挡其他人脸${masked}处` : '';
  // Full-width spaces between the items, as Chinese forms separate them.
  return [`抓拍记录${capture.id}`, camera, captureTimeZh(capture.capturedAt), `文件：${file}${video}`, `SHA-256：${capture.pictureSha256.slice(0, 16)}…${mask}`].join(GAP);
}

export async function samplePicture(db: CaseDb, caseDir: string, capture: SampleCapture, opts: { unmaskFaces?: boolean } = {}): Promise<SamplePicture> {
  const bytes = await fs.readFile(vaultFile(caseDir, capture.pictureSha256));
  const original = await decodeImage(bytes);
  const boxes = faceBoxes(db, capture.id, capture.pictureSha256);
  const subject = subjectIndex(boxes);
  const bystanders = boxes.filter((_, i) => i !== subject);
  const unmasked = opts.unmaskFaces === true;
  const image = unmasked ? original : maskFaces(original, bystanders, boxes[subject] ?? null).image;
  const masked = unmasked ? 0 : bystanders.length;
  return {
    capture,
    image,
    dataUrl: await encodeForPrint(image),
    ...printSize(image.width, image.height),
    caption: sampleCaption(capture, masked, unmasked),
    faces: boxes.length,
    masked,
    subject: boxes[subject] ?? null,
  };
}
