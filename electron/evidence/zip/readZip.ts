/**
 * The ZIP source reader: lists an archive's files as SourceItems, one central-directory record at a time.
 *
 * Contract for the consumer:
 * - Pull the generator at your own pace; only the current record is in memory (100k+ entries stay flat).
 * - `open()` of a yielded file may be called any time until the generator finishes (returns, throws, or is
 *   left with `break`/`return()`); the intended use is to open, consume and verify the current entry before
 *   pulling the next one. Each call starts a fresh stream from the archive file and counts again against
 *   maxTotalBytes. After the generator has finished, `open()` rejects with ZipEntryDataError.
 * - Streams already opened keep working after the generator finishes; the archive's file handle is closed
 *   when the generator has finished and every opened stream has ended or been destroyed. Always consume or
 *   destroy an opened stream.
 * - A stream fails with ZipEntryDataError (`reason` in plain words) on corrupt or truncated data, a CRC-32
 *   mismatch, or bytes beyond the declared size or a limit. Nothing it produced should be kept in that case.
 * - The archive itself: ZipUnreadableError (thrown by the first pull) when it cannot be listed at all.
 *   A listing that breaks part-way yields a final SkippedEntry `${prefix}*` saying how many were not read.
 * - Cancelling: when `signal` aborts, the next pull throws `signal.reason` and open streams are destroyed
 *   with an AbortError.
 * - This module writes nothing to disk.
 */
import type { SourceItem } from '../sourceEntry';
import { entryItem } from './entryItem';
import { ByteBudget } from './entryStream';
import { ZipUnreadableError, directoryFailureReason } from './errors';
import { DEFAULT_ZIP_LIMITS, type ZipLimits } from './limits';
import { EntryPump, openZip } from './openZip';

export { DEFAULT_ZIP_LIMITS, RATIO_CHECK_MIN_BYTES, type ZipLimits } from './limits';
export { ZipEntryDataError, ZipUnreadableError } from './errors';
export { MAX_NESTED_ZIP_DEPTH, isZipName, nestedZipPrefix, zipDepth } from './nested';
export { decodeEntryName, type DecodedName, type NameEncoding } from './entryName';

export interface ReadZipOptions {
  /** '' for a ZIP imported directly, 'export.zip/' for one inside a folder, 'a.zip/b.zip/' when nested. */
  prefix: string;
  limits?: ZipLimits;
  signal?: AbortSignal;
  /** Told once, when the archive is opened, how many records its central directory lists (for progress). */
  onEntryCount?: (count: number) => void;
}

/** relPath of the entry that stands for everything not read (the records after a limit or a break). */
const restOf = (prefix: string): string => `${prefix}*`;

export async function* readZipEntries(zipFile: string, options: ReadZipOptions): AsyncGenerator<SourceItem> {
  const { prefix, limits = DEFAULT_ZIP_LIMITS, signal } = options;
  if (prefix !== '' && !prefix.endsWith('/')) throw new TypeError(`readZipEntries: prefix must be '' or end with '/' (got '${prefix}')`);
  signal?.throwIfAborted();
  const zip = await openZip(zipFile);
  options.onEntryCount?.(zip.entryCount);
  const pump = new EntryPump(zip);
  const context = { zip, prefix, limits, budget: new ByteBudget(limits.maxTotalBytes), signal };
  let recordsRead = 0;
  let declaredTotal = 0;
  try {
    for (;;) {
      signal?.throwIfAborted();
      if (recordsRead >= limits.maxEntries) {
        if (zip.entryCount > recordsRead) {
          yield {
            kind: 'skipped',
            relPath: restOf(prefix),
            reason: `too many entries: the archive lists ${zip.entryCount}, the limit is ${limits.maxEntries}; the remaining ${zip.entryCount - recordsRead} were not read`,
          };
        }
        return;
      }
      let entry;
      try {
        entry = await pump.next();
      } catch (error) {
        const reason = directoryFailureReason(error as Error);
        if (recordsRead === 0) throw new ZipUnreadableError(reason, { cause: error });
        yield {
          kind: 'skipped',
          relPath: restOf(prefix),
          reason: `the rest of the archive could not be read: ${reason}; ${zip.entryCount - recordsRead} of ${zip.entryCount} entries were not read`,
        };
        return;
      }
      if (entry === null) return;
      recordsRead += 1;
      const item = entryItem(entry, context, declaredTotal);
      if (item === null) continue;
      if (item.kind === 'file') declaredTotal += item.size;
      yield item;
    }
  } finally {
    zip.close();
  }
}
