/**
 * An entry's bytes as a stream that checks them on the way: never more than the entry declared (a lying
 * header is how a zip bomb slips past the declared-size checks), never past the archive's total budget, and
 * exactly the declared length with the recorded CRC-32 at the end (yauzl does not check the CRC). Failures are
 * ZipEntryDataError stream errors; the consumer sees them before it commits the bytes anywhere.
 */
import { Transform, addAbortSignal, type Readable, type TransformCallback } from 'node:stream';
import zlib from 'node:zlib';
import type { Entry, ZipFile } from 'yauzl';
import { ZipEntryDataError, entryDataFailureReason } from './errors';
import { formatBytes } from './limits';

/** Bytes actually produced across every stream of one archive, against maxTotalBytes. */
export class ByteBudget {
  used = 0;
  constructor(readonly max: number) {}
  take(bytes: number): boolean {
    this.used += bytes;
    return this.used <= this.max;
  }
}

export interface GuardOptions {
  relPath: string;
  declaredSize: number;
  expectedCrc: number;
  maxEntryBytes: number;
  budget: ByteBudget;
}

const hex = (crc: number): string => crc.toString(16).padStart(8, '0');

export class EntryGuard extends Transform {
  private bytes = 0;
  private crc = 0;
  constructor(private readonly options: GuardOptions) {
    super();
  }

  private fail(reason: string): ZipEntryDataError {
    return new ZipEntryDataError(this.options.relPath, reason);
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback): void {
    const { declaredSize, maxEntryBytes, budget } = this.options;
    this.bytes += chunk.length;
    if (this.bytes > declaredSize) {
      return callback(this.fail(`entry expands past its declared size of ${formatBytes(declaredSize)}: the header lies (possible zip bomb)`));
    }
    if (this.bytes > maxEntryBytes) {
      return callback(this.fail(`entry expands past the per-entry limit of ${formatBytes(maxEntryBytes)} (possible zip bomb)`));
    }
    if (!budget.take(chunk.length)) {
      return callback(this.fail(`the archive expands past the total limit of ${formatBytes(budget.max)} (possible zip bomb)`));
    }
    this.crc = zlib.crc32(chunk, this.crc);
    callback(null, chunk);
  }

  override _flush(callback: TransformCallback): void {
    const { declaredSize, expectedCrc } = this.options;
    if (this.bytes < declaredSize) {
      return callback(this.fail(`entry data is truncated or damaged: ${this.bytes} of ${declaredSize} declared bytes`));
    }
    if (this.crc !== expectedCrc) {
      return callback(this.fail(`entry data is damaged: CRC-32 mismatch (recorded ${hex(expectedCrc)}, computed ${hex(this.crc)})`));
    }
    callback();
  }
}

/**
 * Starts reading `entry` and returns the checked stream at once; yauzl's own stream is attached when its local
 * header has been read. Errors of yauzl or zlib reach the consumer as ZipEntryDataError on the returned stream.
 */
export function openEntryStream(zip: ZipFile, entry: Entry, guardOptions: GuardOptions, signal?: AbortSignal): Readable {
  const guard = new EntryGuard(guardOptions);
  const failWith = (error: Error): void => {
    guard.destroy(new ZipEntryDataError(guardOptions.relPath, entryDataFailureReason(error), { cause: error }));
  };
  if (signal) addAbortSignal(signal, guard);
  // zlib rejects an empty deflate stream, and some writers store empty files as method 8 with no data.
  if (entry.compressedSize === 0 && entry.uncompressedSize === 0) {
    // Deferred so that a CRC error (an empty entry recorded with a non-zero CRC) finds the consumer listening.
    setImmediate(() => guard.end());
    return guard;
  }
  zip.openReadStream(entry, (error, source) => {
    if (error) return failWith(error);
    if (guard.destroyed) {
      source.destroy();
      return;
    }
    source.on('error', failWith);
    // The consumer may stop early (destroy) or fail us: release the file handle yauzl holds for the source.
    guard.once('close', () => source.destroy());
    source.pipe(guard);
  });
  return guard;
}
