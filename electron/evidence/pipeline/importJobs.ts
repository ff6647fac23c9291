/**
 * The import's own record in the case database, written before anything is parsed:
 * - the job row says what was being imported and, for a single file or archive, its hash as received;
 * - each file hashed into the vault is staged as it is stored, committed in small batches.
 * If the process dies (a crash, `kill -9`, a power cut), the next run of the same import finds the running job
 * and its staged files and goes on from there instead of starting over. Captures are only written at the end,
 * in one transaction, so a resumed import ends with exactly the captures of a clean run.
 */
import path from 'node:path';
import type { CaseDb } from '../../store/caseDb';
import { processAlive } from '../vault';
import type { SourceKind } from './sourceKind';

export interface StagedFile {
  relPath: string;
  sha256: string;
  size: number;
  mediaType: string;
  modifiedAt: string | null;
  container: string | null;
  /** Why the content is damaged (a truncated image), when it is: kept as evidence, reported, not analysed. */
  problem: string | null;
}

export interface ImportJobRow {
  id: number;
  pid: number | null;
  resumed: boolean;
}

const BATCH_SIZE = 256;

/** The running job of a process that is gone, for this path: the one to resume. */
export function beginImportJob(db: CaseDb, originalPath: string, kind: SourceKind, options: Record<string, unknown>): ImportJobRow {
  const rows = db
    .prepare("SELECT id, options FROM import_jobs WHERE original_path = ? AND state = 'running' ORDER BY id DESC")
    .all(originalPath) as Array<{ id: number; options: string }>;
  for (const row of rows) {
    const pid = (JSON.parse(row.options) as { pid?: number }).pid;
    if (pid !== undefined && pid !== process.pid && processAlive(pid)) {
      return { id: row.id, pid, resumed: false };
    }
  }
  const interrupted = rows[0];
  if (interrupted) {
    const previous = JSON.parse(interrupted.options) as Record<string, unknown>;
    db.prepare('UPDATE import_jobs SET options = ? WHERE id = ?').run(JSON.stringify({ ...previous, ...options, pid: process.pid }), interrupted.id);
    return { id: interrupted.id, pid: null, resumed: true };
  }
  const id = Number(
    db
      .prepare("INSERT INTO import_jobs (original_path, kind, options, state, started_at) VALUES (?, ?, ?, 'running', ?)")
      .run(originalPath, kind, JSON.stringify({ ...options, pid: process.pid }), new Date().toISOString()).lastInsertRowid,
  );
  return { id, pid: null, resumed: false };
}

export function setReceivedHash(db: CaseDb, jobId: number, sha256: string): void {
  db.prepare('UPDATE import_jobs SET received_sha256 = ? WHERE id = ?').run(sha256, jobId);
}

const STAGED_COLUMNS = 'rel_path AS relPath, sha256, size, media_type AS mediaType, modified_at AS modifiedAt, container, problem';

/** A file an interrupted earlier run of this job already stored, looked up by path (never all loaded at once). */
export function stagedFileLookup(db: CaseDb, jobId: number): (relPath: string) => StagedFile | undefined {
  const statement = db.prepare(`SELECT ${STAGED_COLUMNS} FROM import_job_files WHERE job_id = ? AND rel_path = ?`);
  return (relPath) => statement.get(jobId, relPath) as StagedFile | undefined;
}

/** Every staged file of a job in path order, a page at a time: a million files never sit in memory together. */
export function* stagedFilePages(db: CaseDb, jobId: number, pageSize = 2_000): Generator<StagedFile[]> {
  const page = db.prepare(`SELECT ${STAGED_COLUMNS} FROM import_job_files WHERE job_id = ? AND rel_path > ? ORDER BY rel_path LIMIT ?`);
  let after = '';
  for (;;) {
    const rows = page.all(jobId, after, pageSize) as StagedFile[];
    if (rows.length === 0) return;
    yield rows;
    after = rows.at(-1)!.relPath;
  }
}

export function stagedFile(db: CaseDb, jobId: number, relPath: string): StagedFile | undefined {
  return stagedFileLookup(db, jobId)(relPath);
}

/** Collects staged files and commits them a batch at a time: one transaction per file would cost more than the copy. */
export class StagingWriter {
  private pending: StagedFile[] = [];
  private readonly insert;

  constructor(
    private readonly db: CaseDb,
    private readonly jobId: number,
  ) {
    this.insert = db.prepare(
      `INSERT OR REPLACE INTO import_job_files (job_id, rel_path, sha256, size, media_type, modified_at, container, problem, path_key, name_key)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
  }

  add(file: StagedFile): void {
    this.pending.push(file);
    if (this.pending.length >= BATCH_SIZE) this.flush();
  }

  flush(): void {
    if (this.pending.length === 0) return;
    const batch = this.pending;
    this.pending = [];
    this.db.transaction(() => {
      for (const f of batch) {
        const key = f.relPath.toLowerCase();
        this.insert.run(this.jobId, f.relPath, f.sha256, f.size, f.mediaType, f.modifiedAt, f.container, f.problem, key, path.posix.basename(key));
      }
    })();
  }
}

/** Ends a job that did not commit: its staged files are forgotten (their vault copies are taken back by the caller). */
export function abandonImportJob(db: CaseDb, jobId: number, state: 'failed' | 'cancelled'): string[] {
  return db.transaction(() => {
    const shas = (db.prepare('SELECT DISTINCT sha256 FROM import_job_files WHERE job_id = ?').all(jobId) as Array<{ sha256: string }>).map(
      (r) => r.sha256,
    );
    db.prepare('DELETE FROM import_job_files WHERE job_id = ?').run(jobId);
    db.prepare('DELETE FROM import_job_captures WHERE job_id = ?').run(jobId);
    db.prepare('UPDATE import_jobs SET state = ?, finished_at = ? WHERE id = ?').run(state, new Date().toISOString(), jobId);
    return shas;
  })();
}

/** Vault files that no committed row and no other running import refer to: safe to take back out. */
export function unreferencedBlobs(db: CaseDb, sha256s: Iterable<string>): string[] {
  const committed = db.prepare('SELECT 1 FROM blobs WHERE sha256 = ?');
  const stagedElsewhere = db.prepare(
    "SELECT 1 FROM import_job_files f JOIN import_jobs j ON j.id = f.job_id WHERE f.sha256 = ? AND j.state = 'running'",
  );
  return [...new Set(sha256s)].filter((sha) => !committed.get(sha) && !stagedElsewhere.get(sha));
}
