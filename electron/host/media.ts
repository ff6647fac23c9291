/**
 * Images for the page: the evidence itself (read from the vault, never altered) and thumbnails derived from it,
 * cached inside the case folder so a case stays self-contained.
 */
import fs from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import type { MediaVariant } from '../../shared/api';
import { captureImage } from '../captures/listCaptures';
import { vaultFile } from '../evidence/vault';
import { withCase } from '../store/caseStore';

export const THUMB_SIZE = 160;

export interface MediaFile {
  file: string;
  contentType: string;
}

/** The aligned face thumbnail the face engine wrote under cache/ (derived, never evidence). */
function faceThumb(caseDir: string, faceId: number): MediaFile | null {
  const rel = withCase(caseDir, (db) => (db.prepare('SELECT thumb_path FROM faces WHERE id = ?').get(faceId) as { thumb_path: string | null } | undefined)?.thumb_path);
  if (!rel) return null;
  const file = path.resolve(caseDir, rel);
  // thumb_path is written by the engine, but a case folder can come from elsewhere: stay inside its cache.
  if (!file.startsWith(path.resolve(caseDir, 'cache') + path.sep) || !fs.existsSync(file)) return null;
  return { file, contentType: file.endsWith('.png') ? 'image/png' : file.endsWith('.webp') ? 'image/webp' : 'image/jpeg' };
}

/** `id` is a capture id for 'thumb' and 'full', a face id for 'face'. */
export async function mediaFor(caseDir: string, id: number, variant: MediaVariant): Promise<MediaFile | null> {
  if (variant === 'face') return faceThumb(caseDir, id);
  const captureId = id;
  const image = withCase(caseDir, (db) => captureImage(db, captureId));
  if (!image) return null;
  const original = vaultFile(caseDir, image.sha256);
  if (variant === 'full') return { file: original, contentType: image.mediaType };
  const thumb = path.join(caseDir, 'cache', 'thumbs', image.sha256.slice(0, 2), `${image.sha256}.webp`);
  if (!fs.existsSync(thumb)) {
    await fs.promises.mkdir(path.dirname(thumb), { recursive: true });
    const tmp = `${thumb}.${process.pid}.tmp`;
    await sharp(original, { failOn: 'none' })
      .rotate()
      .resize(THUMB_SIZE, THUMB_SIZE, { fit: 'inside', withoutEnlargement: true })
      .webp({ quality: 80 })
      .toFile(tmp);
    await fs.promises.rename(tmp, thumb);
  }
  return { file: thumb, contentType: 'image/webp' };
}
