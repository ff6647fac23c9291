/**
 * Face thumbnails for review: the aligned 112×112 face the embedding was computed from (upright, eyes level,
 * the way the model saw it), JPEG, written under the case's cache/ folder (derived data: safe to delete, rebuilt
 * by a re-analysis; the vault is never written). The face in its scene is shown from the stored box instead.
 * Named by the analysed image's SHA-256 and the face's index, so one image shared by several captures has one
 * set of thumbnails. Encoding the aligned face costs ~0.5 ms; cropping and resampling the source took ~3 ms.
 */
import fs from 'node:fs';
import path from 'node:path';
import { encodeJpeg, type RgbImage } from './rgbImage';

export const THUMB_DIR = path.join('cache', 'faces');

export function thumbRelPath(modelId: string, sourceSha256: string, faceIndex: number): string {
  const model = modelId.replace(/[^a-zA-Z0-9_.-]/gu, '_');
  return path.join(THUMB_DIR, model, sourceSha256.slice(0, 2), `${sourceSha256}-${faceIndex}.jpg`);
}

const madeDirs = new Set<string>();

/**
 * Writes the thumbnail. Synchronously: this runs in a pool worker, where a 3 KB write blocks nothing, and the
 * libuv round trips of async mkdir/write cost more than the write. No temporary name: a capture is marked
 * analysed only after its thumbnails are written, so a file cut short by a crash is rewritten by the re-run.
 */
export async function writeThumbnail(caseDir: string, relPath: string, aligned: RgbImage): Promise<void> {
  const full = path.join(caseDir, relPath);
  const dir = path.dirname(full);
  if (!madeDirs.has(dir)) {
    fs.mkdirSync(dir, { recursive: true });
    madeDirs.add(dir);
  }
  fs.writeFileSync(full, await encodeJpeg(aligned, 88));
}
