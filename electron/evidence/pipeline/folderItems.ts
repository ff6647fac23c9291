/**
 * A folder as a source: every regular file under it, to any depth, readable as a stream. The folder is walked
 * twice: once to count files and bytes (for progress and time left), once to hand out the files one by one, so a
 * folder of a million files is never listed in memory.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { SourceItem } from '../sourceEntry';

export interface ListedSource {
  items: AsyncIterable<SourceItem> | Iterable<SourceItem>;
  filesTotal: number;
  bytesTotal: number;
}

/** Entries of one folder in name order, so two walks of the same folder agree. */
async function entriesOf(dir: string): Promise<fs.Dirent[]> {
  const entries = await fs.promises.readdir(dir, { withFileTypes: true });
  return entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

/** Links are never followed: one in a seized archive could point anywhere on the analyst's machine. */
async function* walk(root: string, rel = ''): AsyncGenerator<{ relPath: string; dirent: fs.Dirent } | { relPath: string; error: Error }> {
  let entries: fs.Dirent[];
  try {
    entries = await entriesOf(path.join(root, rel));
  } catch (error) {
    yield { relPath: rel || '.', error: error as Error };
    return;
  }
  for (const dirent of entries) {
    const relPath = rel ? `${rel}/${dirent.name}` : dirent.name;
    if (dirent.isDirectory()) yield* walk(root, relPath);
    else yield { relPath, dirent };
  }
}

async function* folderEntries(root: string): AsyncGenerator<SourceItem> {
  for await (const found of walk(root)) {
    if ('error' in found) {
      yield { kind: 'skipped', relPath: found.relPath, reason: `unreadable folder: ${found.error.message}` };
      continue;
    }
    const { relPath, dirent } = found;
    if (dirent.isSymbolicLink()) yield { kind: 'skipped', relPath, reason: 'symbolic link (not followed)' };
    else if (!dirent.isFile()) yield { kind: 'skipped', relPath, reason: 'not a regular file' };
    else {
      const absPath = path.join(root, relPath);
      const stat = await fs.promises.stat(absPath);
      yield { kind: 'file', relPath, size: stat.size, modifiedAt: stat.mtime.toISOString(), open: async () => fs.createReadStream(absPath), diskPath: absPath };
    }
  }
}

export async function folderItems(root: string): Promise<ListedSource> {
  let filesTotal = 0;
  let bytesTotal = 0;
  for await (const found of walk(root)) {
    if ('error' in found || !found.dirent.isFile()) continue;
    filesTotal++;
    bytesTotal += (await fs.promises.stat(path.join(root, found.relPath))).size;
  }
  return { items: folderEntries(root), filesTotal, bytesTotal };
}

/** A single file imported on its own (an archive, a sheet, a clip): a source of one file, under its own name. */
export async function singleFileItems(file: string, relPath: string): Promise<ListedSource> {
  const stat = await fs.promises.stat(file);
  return {
    items: [{ kind: 'file', relPath, size: stat.size, modifiedAt: stat.mtime.toISOString(), open: async () => fs.createReadStream(file), diskPath: file }],
    filesTotal: 1,
    bytesTotal: stat.size,
  };
}
