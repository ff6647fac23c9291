/**
 * Step 1 of an import: every file of the source, and every entry of every archive in it (nested too), hashed
 * while it is copied into the vault, before anything is parsed. Files a crashed earlier run already stored are
 * taken from its staging record instead of being read again.
 */
import type { Readable } from 'node:stream';
import type { ImportReport } from '../../../shared/api';
import { UserError } from '../../../shared/messages';
import type { CaseDb } from '../../store/caseDb';
import type { SourceEntry, SourceItem } from '../sourceEntry';
import { imageProblem } from '../imageIntegrity';
import { sniffMediaType } from '../sniffType';
import { ingestFile, ingestStream, SMALL_FILE_BYTES, vaultFile } from '../vault';
import { isZipName, MAX_NESTED_ZIP_DEPTH, readZipEntries, ZipUnreadableError } from '../zip/readZip';
import { StagingWriter, type StagedFile } from './importJobs';

export interface IngestProgress {
  filesDone: number;
  filesTotal: number;
  bytesDone: number;
  bytesTotal?: number;
}

export interface IngestInput {
  caseDir: string;
  db: CaseDb;
  jobId: number;
  /** The source's files, streamed: a folder walk or the one file imported. */
  items: AsyncIterable<SourceItem> | Iterable<SourceItem>;
  filesTotal: number;
  bytesTotal?: number;
  /** A file staged by an interrupted earlier run of this job, by path (undefined on a fresh run). */
  staged: (relPath: string) => StagedFile | undefined;
  signal?: AbortSignal;
  onProgress?: (progress: IngestProgress) => void;
}

/** The files themselves are in the job's staging table, not here: a large seizure's list never sits in memory. */
export interface IngestResult {
  skipped: ImportReport['skipped'];
  archives: ImportReport['archives'];
  filesStored: number;
  filesResumed: number;
}

/** Copies in flight: enough to keep the disk and the hashing busy while one file waits on the other. */
const PARALLEL_FILES = 8;

export function checkCancelled(signal?: AbortSignal): void {
  if (signal?.aborted) throw new UserError('import.cancelled');
}

function reasonOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

export async function ingestSource(input: IngestInput): Promise<IngestResult> {
  const { caseDir, db, jobId, staged, signal, onProgress } = input;
  const staging = new StagingWriter(db, jobId);
  const result: IngestResult = { skipped: [], archives: [], filesStored: 0, filesResumed: 0 };
  const progress: IngestProgress = { filesDone: 0, filesTotal: input.filesTotal, bytesDone: 0, bytesTotal: input.bytesTotal };
  const archives: Array<{ file: StagedFile; depth: number }> = [];

  const store = async (entry: SourceEntry, stream: Readable | null, resumable: boolean, container: string | null, depth: number): Promise<void> => {
    const previous = resumable ? staged(entry.relPath) : undefined;
    let file: StagedFile;
    if (previous) {
      file = previous;
      result.filesResumed++;
      progress.bytesDone += entry.size;
    } else {
      try {
        const ingested = stream ? await ingestStream(caseDir, stream) : await ingestFile(caseDir, entry.diskPath!, entry.size);
        // What this run stored is staged at once (a failed import takes the staged files back out of the vault).
        if (ingested.stored) result.filesStored++;
        const mediaType = sniffMediaType(ingested.head);
        file = {
          relPath: entry.relPath, sha256: ingested.sha256, size: ingested.size, mediaType, modifiedAt: entry.modifiedAt,
          container, problem: imageProblem(mediaType, ingested.tail, ingested.size),
        };
        staging.add(file);
      } catch (error) {
        checkCancelled(signal);
        result.skipped.push({ path: entry.relPath, reason: `could not be read: ${reasonOf(error)}` });
        return;
      } finally {
        progress.bytesDone += entry.size;
      }
    }
    if (file.mediaType === 'application/zip' && isZipName(file.relPath)) archives.push({ file, depth: depth + 1 });
  };

  // A ZIP may hold two entries of the same name: both are evidence, so the second gets a marked name of its own.
  // (A folder cannot: its paths are not tracked, which keeps a large folder's import flat in memory.)
  let seenPaths = new Set<string>();
  const uniquePath = (entry: SourceEntry, container: string | null): SourceEntry => {
    if (container === null) return entry;
    let relPath = entry.relPath;
    for (let n = 2; seenPaths.has(relPath); n++) relPath = `${entry.relPath}#${n}`;
    seenPaths.add(relPath);
    if (relPath !== entry.relPath) result.skipped.push({ path: entry.relPath, reason: `a second entry with the same name: stored as ${relPath}` });
    return relPath === entry.relPath ? entry : { ...entry, relPath };
  };

  // A small pool: the copy of one file overlaps the hashing and reading of others.
  const run = async (items: AsyncIterable<SourceItem> | Iterable<SourceItem>, container: string | null, depth: number): Promise<number> => {
    const running = new Set<Promise<void>>();
    let taken = 0;
    try {
    for await (const listed of items) {
      checkCancelled(signal);
      if (listed.kind === 'skipped') {
        result.skipped.push({ path: listed.relPath, reason: listed.reason });
        continue;
      }
      const item = uniquePath(listed, container);
      taken++;
      const previous = staged(item.relPath);
      const resumable = previous !== undefined && previous.size === item.size && previous.modifiedAt === item.modifiedAt;
      // The stream is opened here, in order: an archive reader may only hand out its current entry.
      let stream: Readable | null = null;
      if (!resumable && !(item.diskPath && item.size <= SMALL_FILE_BYTES)) {
        try {
          stream = await item.open();
        } catch (error) {
          result.skipped.push({ path: item.relPath, reason: `could not be read: ${reasonOf(error)}` });
          continue;
        }
      }
      const task = store(item, stream, resumable, container, depth).finally(() => {
        running.delete(task);
        progress.filesDone++;
        onProgress?.({ ...progress });
      });
      running.add(task);
      if (running.size >= PARALLEL_FILES) await Promise.race(running);
    }
    } finally {
      // Copies in flight finish (or fail) before the caller cleans up: none may land in the vault afterwards.
      await Promise.allSettled(running);
    }
    return taken;
  };

  try {
    await run(input.items, null, 0);
    // Archives found in the source are opened from their vault copy: the original may be on slow or removable media.
    while (archives.length > 0) {
      const { file, depth } = archives.shift()!;
      if (depth > MAX_NESTED_ZIP_DEPTH) {
        result.skipped.push({ path: file.relPath, reason: `archive nested more than ${MAX_NESTED_ZIP_DEPTH} deep: kept as a file, not opened` });
        continue;
      }
      try {
        // The archive's directory says how many entries it lists: the total grows by that at once, and is
        // corrected by each directory or refused entry as it is met.
        let listed = 0;
        const entries = readZipEntries(vaultFile(caseDir, file.sha256), {
          prefix: `${file.relPath}/`, signal,
          onEntryCount: (count) => {
            listed = count;
            progress.filesTotal += count;
          },
        });
        seenPaths = new Set();
        const taken = await run(countingBytes(entries, progress), file.relPath, depth);
        progress.filesTotal -= listed - taken; // directories and refused entries are not files
        result.archives.push({ path: file.relPath, sha256: file.sha256, entries: taken });
      } catch (error) {
        checkCancelled(signal);
        if (!(error instanceof ZipUnreadableError)) throw error;
        result.skipped.push({ path: file.relPath, reason: `archive not opened: ${error.reason}` });
      }
    }
    staging.flush();
  } catch (error) {
    staging.flush(); // what was stored stays staged for a resume
    throw error;
  }
  return result;
}

/** Archive entries' sizes are only known as they are read: each one found grows the byte total shown. */
async function* countingBytes(items: AsyncIterable<SourceItem>, progress: IngestProgress): AsyncGenerator<SourceItem> {
  for await (const item of items) {
    if (item.kind === 'file' && progress.bytesTotal !== undefined) progress.bytesTotal += item.size;
    yield item;
  }
}
