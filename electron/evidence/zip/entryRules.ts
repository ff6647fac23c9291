/**
 * What an entry's central-directory record alone tells us about whether to read it: encryption, compression
 * method, links, and declared sizes against the limits. Declared sizes can lie; the entry stream
 * (entryStream.ts) enforces the same limits on the bytes actually produced.
 */
import { formatBytes, RATIO_CHECK_MIN_BYTES, type ZipLimits } from './limits';

/** The record fields the rules look at (a yauzl Entry has them all). */
export interface EntryFacts {
  generalPurposeBitFlag: number;
  compressionMethod: number;
  compressedSize: number;
  uncompressedSize: number;
  versionMadeBy: number;
  externalFileAttributes: number;
}

const METHOD_NAMES: Record<number, string> = {
  1: 'Shrink', 6: 'Implode', 9: 'Deflate64', 12: 'BZIP2', 14: 'LZMA', 93: 'Zstandard', 95: 'XZ', 96: 'JPEG', 97: 'WavPack', 98: 'PPMd', 99: 'AES encryption',
};

const ENCRYPTED_FLAG = 0x1;
const UNIX_HOST = 3;
const S_IFMT = 0o170000;
const S_IFLNK = 0o120000;

export function isSymlink(facts: EntryFacts): boolean {
  return facts.versionMadeBy >> 8 === UNIX_HOST && ((facts.externalFileAttributes >>> 16) & S_IFMT) === S_IFLNK;
}

/**
 * The reason to skip this entry, or null to read it. `declaredSoFar` is the uncompressed total of the entries
 * accepted before it.
 */
export function refuseEntry(facts: EntryFacts, limits: ZipLimits, declaredSoFar: number): string | null {
  if (isSymlink(facts)) return 'symbolic link (not followed)';
  if (facts.generalPurposeBitFlag & ENCRYPTED_FLAG || facts.compressionMethod === 99) {
    return 'encrypted entry (password-protected): its content cannot be read';
  }
  if (facts.compressionMethod !== 0 && facts.compressionMethod !== 8) {
    const name = METHOD_NAMES[facts.compressionMethod];
    return `unsupported compression method ${facts.compressionMethod}${name ? ` (${name})` : ''}`;
  }
  const size = facts.uncompressedSize;
  if (facts.compressionMethod === 0 && facts.compressedSize !== size) {
    return `damaged entry header: stored (uncompressed) entry declares ${size} bytes but occupies ${facts.compressedSize}`;
  }
  if (size > limits.maxEntryBytes) {
    return `declared size ${formatBytes(size)} exceeds the per-entry limit of ${formatBytes(limits.maxEntryBytes)}`;
  }
  if (size > RATIO_CHECK_MIN_BYTES) {
    const ratio = facts.compressedSize === 0 ? Infinity : size / facts.compressedSize;
    if (ratio > limits.maxRatio) {
      const shown = Number.isFinite(ratio) ? `${Math.round(ratio)}:1` : 'infinite';
      return `compression ratio ${shown} exceeds the limit of ${limits.maxRatio}:1 (possible zip bomb)`;
    }
  }
  if (declaredSoFar + size > limits.maxTotalBytes) {
    return `expanding it would take the archive past the total limit of ${formatBytes(limits.maxTotalBytes)} (possible zip bomb)`;
  }
  return null;
}
