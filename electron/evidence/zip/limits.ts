/**
 * How much a seized archive may make us read. The limits are generous for real exports (a platform dump of
 * millions of face crops, a few multi-gigabyte videos) and stop archives built to exhaust the workstation.
 */

export interface ZipLimits {
  /** Central-directory records read (directories included); the rest of a larger archive is reported, not read. */
  maxEntries: number;
  /** Uncompressed bytes of one entry, declared or actually read. */
  maxEntryBytes: number;
  /** Uncompressed bytes of the whole archive, declared or actually read. */
  maxTotalBytes: number;
  /** Uncompressed/compressed size; checked only for entries above RATIO_CHECK_MIN_BYTES. */
  maxRatio: number;
}

const GiB = 1024 ** 3;

export const DEFAULT_ZIP_LIMITS: ZipLimits = Object.freeze({
  maxEntries: 1_000_000,
  maxEntryBytes: 8 * GiB,
  maxTotalBytes: 256 * GiB,
  maxRatio: 200,
});

/**
 * Small files compress absurdly well (a 1 MB CSV of repeated rows reaches 300:1) and cannot hurt us; the ratio
 * only matters once an entry is big enough to fill memory or disk, so below this size it is not checked.
 */
export const RATIO_CHECK_MIN_BYTES = 4 * 1024 * 1024;

/** Sizes in the import report: exact bytes, with a readable unit when large. */
export function formatBytes(bytes: number): string {
  const units = ['KiB', 'MiB', 'GiB', 'TiB'];
  if (bytes < 1024) return `${bytes} bytes`;
  let value = bytes;
  let unit = 'bytes';
  for (const next of units) {
    if (value < 1024) break;
    value /= 1024;
    unit = next;
  }
  const shown = Number.isInteger(value) ? String(value) : value.toFixed(1);
  return `${shown} ${unit} (${bytes} bytes)`;
}
