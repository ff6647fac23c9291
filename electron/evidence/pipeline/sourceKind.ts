/**
 * What the analyst pointed the import at: a folder, a ZIP, or one sheet, video or image on its own.
 * Told from the content's first bytes and the name, never from the name alone.
 */
import fs from 'node:fs';
import path from 'node:path';
import { sniffMediaType } from '../sniffType';

export type SourceKind = 'folder' | 'zip' | 'sheet' | 'video' | 'image';

export const SHEET_EXTENSIONS = new Set(['.csv', '.tsv', '.txt', '.xlsx', '.xlsm', '.json', '.jsonl', '.ndjson']);
export const VIDEO_EXTENSIONS = new Set(['.mp4', '.m4v', '.mov', '.avi', '.mkv', '.ts', '.flv', '.264', '.h264', '.dav']);

export async function sourceKindOf(target: string): Promise<SourceKind | null> {
  const stat = await fs.promises.stat(target);
  if (stat.isDirectory()) return 'folder';
  if (!stat.isFile()) return null;
  const handle = await fs.promises.open(target, 'r');
  const head = Buffer.alloc(64);
  try {
    await handle.read(head, 0, 64, 0);
  } finally {
    await handle.close();
  }
  const type = sniffMediaType(stat.size === 0 ? Buffer.alloc(0) : head);
  const ext = path.extname(target).toLowerCase();
  if (type === 'application/zip' && (ext === '.xlsx' || ext === '.xlsm')) return 'sheet';
  if (type === 'application/zip') return 'zip';
  if (type.startsWith('video/') || VIDEO_EXTENSIONS.has(ext)) return 'video';
  if (type.startsWith('image/')) return 'image';
  if (SHEET_EXTENSIONS.has(ext)) return 'sheet';
  return null;
}
