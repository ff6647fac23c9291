/**
 * Listing every file under a folder, to any depth, without following links: a link in a seized archive
 * could point anywhere on the analyst's machine, so it is reported, never read.
 */
import fs from 'node:fs';
import path from 'node:path';

export interface FoundFile {
  /** Path relative to the walked root, with forward slashes. */
  relPath: string;
  absPath: string;
  size: number;
  modifiedAt: string;
}

export interface WalkResult {
  files: FoundFile[];
  skipped: Array<{ path: string; reason: string }>;
}

export async function walkFolder(root: string): Promise<WalkResult> {
  const files: FoundFile[] = [];
  const skipped: WalkResult['skipped'] = [];
  const pending = [''];
  while (pending.length > 0) {
    const rel = pending.pop()!;
    const dir = path.join(root, rel);
    let entries: fs.Dirent[];
    try {
      entries = await fs.promises.readdir(dir, { withFileTypes: true });
    } catch (error) {
      skipped.push({ path: rel || '.', reason: `unreadable folder: ${(error as Error).message}` });
      continue;
    }
    for (const entry of entries) {
      const relPath = rel ? `${rel}/${entry.name}` : entry.name;
      if (entry.isSymbolicLink()) skipped.push({ path: relPath, reason: 'symbolic link (not followed)' });
      else if (entry.isDirectory()) pending.push(relPath);
      else if (entry.isFile()) {
        const absPath = path.join(root, relPath);
        const stat = await fs.promises.stat(absPath);
        files.push({ relPath, absPath, size: stat.size, modifiedAt: stat.mtime.toISOString() });
      } else skipped.push({ path: relPath, reason: 'not a regular file' });
    }
  }
  files.sort((a, b) => (a.relPath < b.relPath ? -1 : a.relPath > b.relPath ? 1 : 0));
  return { files, skipped };
}
