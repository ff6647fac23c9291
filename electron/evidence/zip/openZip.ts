/**
 * Opening an archive by random access on its file (the archive is never loaded whole) and pulling central
 * directory records one at a time, so memory stays flat however many entries it lists.
 */
import fs from 'node:fs';
import yauzl, { type Entry, type ZipFile } from 'yauzl';
import { ZipUnreadableError, openFailureReason } from './errors';

const OPTIONS: yauzl.Options = {
  lazyEntries: true, // one record per readEntry(): the consumer's pace, not the archive's size, sets memory
  decodeStrings: false, // names are decoded by entryName.ts (GBK); yauzl would also abort the listing on a '../' name
  validateEntrySizes: false, // yauzl aborts the whole listing on one bad size; entryRules/entryStream check per entry
  autoClose: false, // closed by readZipEntries when it finishes; open entry streams keep the file until they end
  strictFileNames: false,
};

async function fileStart(zipFile: string): Promise<{ bytes: Buffer; size: number }> {
  try {
    const handle = await fs.promises.open(zipFile, 'r');
    try {
      const bytes = Buffer.alloc(4);
      const { bytesRead } = await handle.read(bytes, 0, 4, 0);
      return { bytes: bytes.subarray(0, bytesRead), size: (await handle.stat()).size };
    } finally {
      await handle.close();
    }
  } catch {
    return { bytes: Buffer.alloc(0), size: -1 };
  }
}

export async function openZip(zipFile: string): Promise<ZipFile> {
  try {
    return await new Promise<ZipFile>((resolve, reject) => {
      yauzl.open(zipFile, OPTIONS, (error, zip) => (error ? reject(error) : resolve(zip)));
    });
  } catch (error) {
    const { bytes, size } = await fileStart(zipFile);
    throw new ZipUnreadableError(openFailureReason(error as Error, bytes, size), { cause: error });
  }
}

/** Central directory records as promises: next() reads one record, resolves null at the end. */
export class EntryPump {
  private waiting: { resolve: (entry: Entry | null) => void; reject: (error: Error) => void } | null = null;
  private failure: Error | null = null;

  constructor(private readonly zip: ZipFile) {
    zip.on('entry', (entry: Entry) => this.settle((w) => w.resolve(entry)));
    zip.on('end', () => this.settle((w) => w.resolve(null)));
    // Kept for the archive's whole life: an 'error' with no listener would crash the process.
    zip.on('error', (error: Error) => {
      this.failure ??= error;
      this.settle((w) => w.reject(error));
    });
  }

  private settle(action: (waiting: NonNullable<EntryPump['waiting']>) => void): void {
    const waiting = this.waiting;
    this.waiting = null;
    if (waiting) action(waiting);
  }

  next(): Promise<Entry | null> {
    // After an error yauzl ignores readEntry(): answering from memory avoids waiting forever.
    if (this.failure) return Promise.reject(this.failure);
    return new Promise((resolve, reject) => {
      this.waiting = { resolve, reject };
      this.zip.readEntry();
    });
  }
}
