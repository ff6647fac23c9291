/**
 * Known-answer inputs for the face tests, made at test time from ../shared/faces (never copied into the repo):
 * labelled photos, a synthetic scene with faces pasted at known places, a no-face image, and a small case whose
 * captures point at vault copies of such images.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { ingestFile } from '../../evidence/vault';
import { defaultFacesDir, findRepoRoot } from '../../sample/faces';
import { createCase } from '../../store/caseStore';
import { openCaseDb } from '../../store/caseDb';

export const FACES_DIR = defaultFacesDir(findRepoRoot());

export function lfwPhoto(identity: string, n: number): string {
  return path.join(FACES_DIR, 'lfw-dev', 'images', identity, `${identity}_${String(n).padStart(4, '0')}.jpg`);
}

export function setPhoto(set: string, rel: string): string {
  return path.join(FACES_DIR, set, 'images', rel);
}

export function tempDir(prefix = 'faceaudit-faces-'): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

export interface PlacedFace {
  file: string;
  /** Where the pasted photo's centre lands, and its side in pixels. */
  cx: number;
  cy: number;
  size: number;
}

/**
 * A 1920×1080 "scene": a textured background with whole LFW photos pasted at known places and sizes. The
 * photos are 150 px with the face in the middle ~40%, so a photo pasted at size s carries a face of ~0.4·s px.
 */
export async function sceneWithFaces(placed: readonly PlacedFace[], width = 1920, height = 1080): Promise<Buffer> {
  const background = await sharp({ create: { width, height, channels: 3, background: { r: 96, g: 104, b: 110 } } })
    .composite([{ input: await noise(width, height), blend: 'overlay' }]).png().toBuffer();
  const layers = await Promise.all(placed.map(async (p) => ({
    input: await sharp(p.file).resize(p.size, p.size).toBuffer(),
    left: Math.round(p.cx - p.size / 2),
    top: Math.round(p.cy - p.size / 2),
  })));
  return sharp(background).composite(layers).jpeg({ quality: 90 }).toBuffer();
}

/** Smooth random texture: no face anywhere, but not a flat image either. */
export async function noise(width: number, height: number, seed = 7): Promise<Buffer> {
  const w = Math.ceil(width / 16), h = Math.ceil(height / 16);
  const data = Buffer.alloc(w * h * 3);
  let s = seed;
  for (let i = 0; i < data.length; i++) {
    s = (s * 1103515245 + 12345) & 0x7fffffff;
    data[i] = s % 256;
  }
  return sharp(data, { raw: { width: w, height: h, channels: 3 } }).resize(width, height, { kernel: 'cubic' }).png().toBuffer();
}

/** A case whose captures point at vault copies of the given image files (one capture per file). */
export async function caseWithCaptures(root: string, files: readonly string[]): Promise<{ caseDir: string; shas: string[] }> {
  const caseDir = path.join(root, 'case');
  createCase(caseDir, { number: '禹市监处罚〔2022〕12号', partyName: '某房地产开发有限公司' });
  const shas: string[] = [];
  for (const file of files) shas.push((await ingestFile(caseDir, file)).sha256);
  const db = openCaseDb(caseDir);
  try {
    db.transaction(() => {
      const now = new Date().toISOString();
      const sourceId = Number(db.prepare('INSERT INTO sources (kind, original_path, manifest_sha256, imported_at, file_count, report) VALUES (?, ?, ?, ?, ?, ?)')
        .run('folder', root, '0'.repeat(64), now, files.length, '{}').lastInsertRowid);
      db.prepare('INSERT INTO cameras (id, name) VALUES (?, ?)').run('CAM01', '入口');
      files.forEach((file, i) => {
        const sha = shas[i]!;
        db.prepare('INSERT OR IGNORE INTO blobs (sha256, size, media_type, stored_at) VALUES (?, ?, ?, ?)').run(sha, fs.statSync(file).size, 'image/jpeg', now);
        db.prepare(`INSERT INTO captures (source_id, sheet_path, sheet_row, captured_at, captured_ms, local_date, time_source, camera_id, image_path, image_sha256, raw)
          VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`).run(sourceId, 'sheet.csv', i + 1, '2021-04-18T09:30:00+08:00', 1618709400000 + i * 1000, '2021-04-18', 'sheet', 'CAM01', path.basename(file), sha, '{}');
      });
    })();
  } finally {
    db.close();
  }
  return { caseDir, shas };
}
