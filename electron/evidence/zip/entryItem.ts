/**
 * One central-directory record → what the import sees: a readable file, a skipped entry with its reason, or
 * nothing (directories).
 */
import type { Entry, ZipFile } from 'yauzl';
import type { SourceItem } from '../sourceEntry';
import { decodeEntryName } from './entryName';
import { checkEntryPath, printableName } from './entryPath';
import { refuseEntry } from './entryRules';
import { openEntryStream, type ByteBudget } from './entryStream';
import { ZipEntryDataError } from './errors';
import type { ZipLimits } from './limits';
import { entryModifiedAt } from './modifiedAt';

export interface ArchiveContext {
  zip: ZipFile;
  prefix: string;
  limits: ZipLimits;
  budget: ByteBudget;
  signal?: AbortSignal;
}

export function entryItem(entry: Entry, context: ArchiveContext, declaredSoFar: number): SourceItem | null {
  const { zip, prefix, limits, budget, signal } = context;
  // With decodeStrings: false yauzl hands over the raw name bytes.
  const decoded = decodeEntryName(entry.fileNameRaw, entry.generalPurposeBitFlag, entry.extraFields).name;
  const checked = checkEntryPath(decoded);
  if (!checked.ok) return { kind: 'skipped', relPath: `${prefix}${printableName(decoded)}`, reason: checked.reason };
  if (checked.isDirectory) return null;
  const relPath = `${prefix}${checked.path}`;
  const refusal = refuseEntry(entry, limits, declaredSoFar);
  if (refusal) return { kind: 'skipped', relPath, reason: refusal };
  return {
    kind: 'file',
    relPath,
    size: entry.uncompressedSize,
    modifiedAt: entryModifiedAt(entry),
    open: async () => {
      signal?.throwIfAborted();
      if (!zip.isOpen) {
        throw new ZipEntryDataError(relPath, 'the archive is closed: open() must be called before the reader finishes');
      }
      return openEntryStream(zip, entry, {
        relPath,
        declaredSize: entry.uncompressedSize,
        expectedCrc: entry.crc32,
        maxEntryBytes: limits.maxEntryBytes,
        budget,
      }, signal);
    },
  };
}
