/**
 * Face thumbnails for review: the face's box widened by a margin, at most 160 px, JPEG, written under the case's
 * cache/ folder (derived data: safe to delete, rebuilt by a re-analysis; the vault is never written).
 * Named by the analysed image's SHA-256 and the face's index, so one image shared by several captures has one
 * set of thumbnails.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Box } from './faceEngine';
import { windowToTensor } from './resample';
import { encodeJpeg, type RgbImage } from './rgbImage';

export const THUMB_DIR = path.join('cache', 'faces');
const MAX_SIDE = 160;
const MARGIN = 0.25;

export function thumbRelPath(modelId: string, sourceSha256: string, faceIndex: number): string {
  const model = modelId.replace(/[^a-zA-Z0-9_.-]/gu, '_');
  return path.join(THUMB_DIR, model, sourceSha256.slice(0, 2), `${sourceSha256}-${faceIndex}.jpg`);
}

export function cropFace(image: RgbImage, box: Box): RgbImage {
  const side = Math.max(box.width, box.height) * (1 + 2 * MARGIN);
  const win = { x: box.x + box.width / 2 - side / 2, y: box.y + box.height / 2 - side / 2, width: side, height: side };
  const size = Math.max(16, Math.min(MAX_SIDE, Math.round(side)));
  const planar = windowToTensor(image, win, { width: size, height: size, mean: 0, std: 1, fill: 0 });
  const plane = size * size;
  const data = new Uint8Array(plane * 3);
  for (let i = 0; i < plane; i++) {
    data[i * 3] = Math.round(planar[i]!);
    data[i * 3 + 1] = Math.round(planar[plane + i]!);
    data[i * 3 + 2] = Math.round(planar[2 * plane + i]!);
  }
  return { width: size, height: size, data };
}

/** Writes the thumbnail (atomically: a half-written file is never left under its final name). */
export async function writeThumbnail(caseDir: string, relPath: string, image: RgbImage, box: Box): Promise<void> {
  const full = path.join(caseDir, relPath);
  await fs.promises.mkdir(path.dirname(full), { recursive: true });
  const tmp = `${full}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
  await fs.promises.writeFile(tmp, await encodeJpeg(cropFace(image, box)));
  await fs.promises.rename(tmp, full);
}
