/** Test-only: draining the reader and its streams. */
import type { Readable } from 'node:stream';
import type { SourceEntry, SourceItem } from '../sourceEntry';
import { readZipEntries, type ReadZipOptions } from './readZip';

export async function listZip(zipFile: string, options: ReadZipOptions = { prefix: '' }): Promise<SourceItem[]> {
  const items: SourceItem[] = [];
  for await (const item of readZipEntries(zipFile, options)) items.push(item);
  return items;
}

export async function drain(stream: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

/** Every file of the archive with its bytes (or its stream error), opened while iterating, as the import does. */
export async function readAll(zipFile: string, options: ReadZipOptions = { prefix: '' }) {
  const files = new Map<string, Buffer | Error>();
  const skipped: Array<{ relPath: string; reason: string }> = [];
  const entries: SourceEntry[] = [];
  for await (const item of readZipEntries(zipFile, options)) {
    if (item.kind === 'skipped') {
      skipped.push({ relPath: item.relPath, reason: item.reason });
      continue;
    }
    entries.push(item);
    try {
      files.set(item.relPath, await drain(await item.open()));
    } catch (error) {
      files.set(item.relPath, error as Error);
    }
  }
  return { files, skipped, entries };
}
