/**
 * Importing seized evidence into a case: a folder, a ZIP (nested ZIPs too), or a single sheet, clip or image.
 *
 *   1. custody: the job is recorded, then every file (and every archive entry) is hashed while it is copied into
 *      the vault, before anything is parsed;
 *   2. reading: record sheets, authentication sheets, clips and loose images become captures;
 *   3. one transaction makes it all part of the case.
 *
 * A failed or cancelled import leaves the case as it was and takes its vault files back. A killed one leaves its
 * job and staged files, and running the same import again resumes it (see pipeline/importJobs.ts).
 */
import path from 'node:path';
import type { ImportReport } from '../../shared/api';
import { UserError } from '../../shared/messages';
import { appendAudit } from '../audit/auditLog';
import { openCase, readCaseInfo } from '../store/caseStore';
import { folderItems, singleFileItems, type ListedSource } from './pipeline/folderItems';
import { abandonImportJob, beginImportJob, setReceivedHash, stagedFileLookup, unreferencedBlobs } from './pipeline/importJobs';
import { manifestHash, stagedCounts } from './pipeline/stagedFileIndex';
import { checkCancelled, ingestSource } from './pipeline/ingestSource';
import { CaptureSink } from './pipeline/captureSink';
import { readCaptures } from './pipeline/readCaptures';
import type { ColumnProfile } from './profiles/profileSchema';
import { sourceKindOf } from './pipeline/sourceKind';
import { discardVaultFiles, sweepIncoming } from './vault';
import { writeImport } from './writeImport';
import fs from 'node:fs';

export interface ImportProgress {
  phase: 'scanning' | 'hashing' | 'reading' | 'writing';
  done: number;
  total: number;
  bytesDone?: number;
  bytesTotal?: number;
}

export interface ImportOptions {
  signal?: AbortSignal;
  onProgress?: (progress: ImportProgress) => void;
  /** A column mapping for sheets whose headers are not recognised. */
  profile?: ColumnProfile;
}

function emptyReport(kind: ImportReport['kind'], root: string): ImportReport {
  return {
    sourceId: 0, kind, path: root, sha256: '', receivedSha256: null, filesSeen: 0, filesStored: 0, filesResumed: 0,
    duplicateFiles: 0, duplicateOf: null, skipped: [], archives: [], sheets: [], videos: [], captures: 0, timeSources: {},
    authRecords: 0, authLinked: 0, rowsWithoutFile: [], filesWithoutRow: [], badRows: [],
  };
}

export async function importEvidence(caseDir: string, target: string, options: ImportOptions = {}): Promise<ImportReport> {
  const { signal, onProgress } = options;
  const root = path.resolve(target);
  const exists = await fs.promises.lstat(root).catch(() => null);
  if (!exists) throw new UserError('import.pathMissing', { path: root });
  if (exists.isSymbolicLink()) throw new UserError('import.unsupported', { path: root });
  const kind = await sourceKindOf(root);
  if (!kind) throw new UserError('import.unsupported', { path: root });

  const dir = path.resolve(caseDir);
  const db = openCase(dir);
  let jobId: number | null = null;
  let newlyStored = new Set<string>();
  try {
    const zone = readCaseInfo(db).timezone;
    await sweepIncoming(dir);
    const job = beginImportJob(db, root, kind, options.profile ? { profile: options.profile.name } : {});
    if (job.pid !== null) throw new UserError('import.inProgress', { path: root, pid: String(job.pid) });
    jobId = job.id;
    const lookup = stagedFileLookup(db, job.id);
    const staged = job.resumed ? lookup : () => undefined;
    if (job.resumed) db.transaction(() => appendAudit(db, 'import.resumed', { jobId, path: root, stagedFiles: stagedCounts(db, job.id).files }))();
    const report = emptyReport(kind, root);

    // 1. Custody: hash and store everything before reading anything.
    onProgress?.({ phase: 'scanning', done: 0, total: 0 });
    const listed: ListedSource = kind === 'folder' ? await folderItems(root) : await singleFileItems(root, path.basename(root));
    const ingested = await ingestSource({
      caseDir: dir, db, jobId: job.id, items: listed.items, filesTotal: listed.filesTotal, bytesTotal: listed.bytesTotal, staged, signal,
      onProgress: (p) => onProgress?.({ phase: 'hashing', done: p.filesDone, total: p.filesTotal, bytesDone: p.bytesDone, bytesTotal: p.bytesTotal }),
    });
    checkCancelled(signal);
    if (kind !== 'folder') {
      report.receivedSha256 = lookup(path.basename(root))?.sha256 ?? null;
      if (report.receivedSha256) setReceivedHash(db, job.id, report.receivedSha256);
    }
    const counts = stagedCounts(db, job.id);
    Object.assign(report, {
      filesSeen: counts.files + ingested.skipped.length, filesStored: ingested.filesStored, filesResumed: ingested.filesResumed,
      archives: ingested.archives, sha256: manifestHash(db, job.id), duplicateFiles: counts.duplicates,
    });
    for (const skipped of ingested.skipped) report.skipped.push(skipped);

    const previous = db.prepare('SELECT id FROM sources WHERE manifest_sha256 = ?').get(report.sha256) as { id: number } | undefined;
    if (previous) {
      // The same evidence again: its custody record is the earlier source; add no captures.
      report.duplicateOf = previous.id;
      db.transaction(() => {
        appendAudit(db, 'import.duplicate', { path: root, manifestSha256: report.sha256, receivedSha256: report.receivedSha256, sameAs: previous.id });
        db.prepare("UPDATE import_jobs SET state = 'done', finished_at = ?, source_id = ? WHERE id = ?").run(new Date().toISOString(), previous.id, job.id);
        db.prepare('DELETE FROM import_job_files WHERE job_id = ?').run(job.id);
      })();
      jobId = null;
      return report;
    }

    // 2. Read sheets, clips and images.
    const sink = new CaptureSink(db, job.id);
    const read = await readCaptures({
      caseDir: dir, db, jobId: job.id, sink, zone, profile: options.profile, report, signal, newlyStored,
      onProgress: (done, total) => onProgress?.({ phase: 'reading', done, total }),
    });
    if (sink.count === 0 && read.authRows.length === 0) throw new UserError('import.noCaptures', { path: root });
    report.captures = sink.count;
    report.timeSources = sink.timeSources;

    // 3. Commit.
    checkCancelled(signal);
    onProgress?.({ phase: 'writing', done: 0, total: sink.count });
    writeImport(db, { jobId: job.id, root, fileCount: counts.files, frames: read.frames, cameras: sink.cameras, authRows: read.authRows, report });
    onProgress?.({ phase: 'writing', done: sink.count, total: sink.count });
    jobId = null;
    newlyStored = new Set();
    return report;
  } catch (error) {
    const cancelled = error instanceof UserError && error.code === 'import.cancelled';
    if (jobId !== null) {
      // The attempt itself is part of the custody record, even though it changed nothing.
      const staged = abandonImportJob(db, jobId, cancelled ? 'cancelled' : 'failed');
      for (const sha of staged) newlyStored.add(sha);
      db.transaction(() =>
        appendAudit(db, cancelled ? 'import.cancelled' : 'import.failed', {
          jobId, path: root,
          reason: error instanceof UserError ? error.code : String(error),
          message: error instanceof Error ? error.message : String(error),
        }),
      )();
      newlyStored = new Set(unreferencedBlobs(db, newlyStored));
    } else if (!(error instanceof UserError && error.code === 'import.inProgress')) {
      db.transaction(() => appendAudit(db, 'import.failed', { path: root, message: error instanceof Error ? error.message : String(error) }))();
    }
    throw error;
  } finally {
    db.close();
    // Anything stored by an import that did not commit is not evidence of this case: take it back out.
    if (newlyStored.size > 0) await discardVaultFiles(dir, newlyStored);
  }
}
