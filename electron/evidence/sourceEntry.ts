/**
 * What every source reader (a folder walk, a ZIP, a nested ZIP) hands the import: the files it found, each
 * readable as a stream so nothing is ever loaded whole, and the entries it refused with the reason.
 */
import type { Readable } from 'node:stream';

export interface SourceEntry {
  kind: 'file';
  /** Path inside the source, forward slashes; an entry of a nested archive is `outer.zip/inner/name.jpg`. */
  relPath: string;
  /** Size as declared by the source (a ZIP's central directory); the vault records the size actually read. */
  size: number;
  /** Modification time as the source records it (ISO 8601), or null when it has none. */
  modifiedAt: string | null;
  /** The bytes. The stream fails (emits an error) on corrupt or truncated data or when a limit is exceeded. */
  open(): Promise<Readable>;
  /** Where the file is on disk, when it is a plain file there: small files are then read whole, which is faster. */
  diskPath?: string;
}

export interface SkippedEntry {
  kind: 'skipped';
  relPath: string;
  /** Plain words for the import report: why this entry was not taken. */
  reason: string;
}

export type SourceItem = SourceEntry | SkippedEntry;
