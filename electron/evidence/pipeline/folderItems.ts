/**
 * A folder as a source: every regular file under it, in a stable order, readable as a stream.
 */
import fs from 'node:fs';
import type { SourceItem } from '../sourceEntry';
import { walkFolder } from '../walkFolder';

export interface ListedSource {
  items: SourceItem[];
  bytesTotal: number;
}

export async function folderItems(root: string): Promise<ListedSource> {
  const walk = await walkFolder(root);
  const items: SourceItem[] = walk.skipped.map((s) => ({ kind: 'skipped', relPath: s.path, reason: s.reason }));
  let bytesTotal = 0;
  for (const file of walk.files) {
    bytesTotal += file.size;
    items.push({
      kind: 'file',
      relPath: file.relPath,
      size: file.size,
      modifiedAt: file.modifiedAt,
      open: async () => fs.createReadStream(file.absPath),
      diskPath: file.absPath,
    });
  }
  return { items, bytesTotal };
}

/** A single file imported on its own (an archive, a sheet, a clip): a source of one file, under its own name. */
export async function singleFileItems(file: string, relPath: string): Promise<ListedSource> {
  const stat = await fs.promises.stat(file);
  return {
    items: [{ kind: 'file', relPath, size: stat.size, modifiedAt: stat.mtime.toISOString(), open: async () => fs.createReadStream(file), diskPath: file }],
    bytesTotal: stat.size,
  };
}
