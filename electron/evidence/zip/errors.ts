/**
 * The two ways a ZIP fails: the archive as a whole (nothing can be listed) and one entry's data (the rest of
 * the archive is still read). Reasons are plain words for the import report; yauzl's own messages are kept
 * in parentheses when they add something.
 */

export class ZipUnreadableError extends Error {
  readonly reason: string;
  constructor(reason: string, options?: { cause?: unknown }) {
    super(`ZIP archive cannot be read: ${reason}`, options);
    this.name = 'ZipUnreadableError';
    this.reason = reason;
  }
}

/** Emitted by an entry's stream: corrupt or truncated data, or a limit exceeded while reading. */
export class ZipEntryDataError extends Error {
  readonly reason: string;
  readonly relPath: string;
  constructor(relPath: string, reason: string, options?: { cause?: unknown }) {
    super(`${relPath}: ${reason}`, options);
    this.name = 'ZipEntryDataError';
    this.relPath = relPath;
    this.reason = reason;
  }
}

/** Why yauzl could not open the archive at all (the end-of-central-directory record is found first). */
export function openFailureReason(error: Error, fileStart: Buffer, fileSize: number): string {
  const code = (error as NodeJS.ErrnoException).code;
  if (code && /^E[A-Z]+$/u.test(code)) return `the file cannot be opened (${code})`;
  if (error.message.includes('End of central directory record signature not found')) {
    if (fileSize === 0) return 'empty file, not a ZIP archive';
    // A local header at the start means it was a ZIP once: the end, where the directory lives, is missing.
    if (fileStart.length >= 4 && fileStart.readUInt32LE(0) === 0x04034b50) {
      return 'truncated or damaged ZIP: no central directory (the end of the archive is missing)';
    }
    return 'not a ZIP archive (no ZIP signature found)';
  }
  return directoryFailureReason(error);
}

/** Why the central directory (the archive's list of entries) could not be read further. */
export function directoryFailureReason(error: Error): string {
  const message = error.message;
  if (message.includes('multi-disk')) return 'split (multi-part) ZIP archive: only single-file archives can be read';
  if (message.includes('Invalid comment length')) return 'damaged ZIP: unexpected bytes after the end of the central directory';
  if (message.includes('zip64')) return `damaged ZIP64 archive (${message})`;
  if (message.includes('strong encryption')) return 'encrypted archive (strong encryption): the entries cannot be read';
  if (message.includes('central directory file header signature')) {
    return 'damaged ZIP: the central directory is not where the archive says (damaged, or a self-extracting archive)';
  }
  if (message.includes('unexpected EOF')) return 'truncated or damaged ZIP: the central directory is cut short';
  if (message.includes('extra field length')) return 'damaged ZIP: an entry header is malformed (extra field overflows)';
  return `damaged ZIP (${message})`;
}

/** Why an entry's data could not be read, from what yauzl or zlib reported. */
export function entryDataFailureReason(error: Error): string {
  const message = error.message;
  const code = (error as NodeJS.ErrnoException).code;
  if (message.includes('local file header signature')) return 'entry data is damaged: its local header is not at the recorded position';
  // zlib's errors carry a Z_ code (Z_DATA_ERROR, Z_BUF_ERROR for data that ends too soon).
  if (code?.startsWith('Z_')) return `entry data is damaged: it cannot be decompressed (${message})`;
  if (message.includes('overflows file bounds') || message.includes('unexpected EOF')) {
    return 'entry data lies past the end of the archive (truncated or damaged ZIP)';
  }
  if (message === 'closed') return 'the archive was already closed when the entry was opened (open() called after the reader finished)';
  return `entry data cannot be read (${message})`;
}
