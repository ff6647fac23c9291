/**
 * The files of an import as the database holds them while the import runs: found by the names sheets give them,
 * counted, and hashed into the source's manifest, without the list of a large seizure ever being in memory.
 */
import crypto from 'node:crypto';
import type { CaseDb } from '../../store/caseDb';
import { cellCandidates, type FileLookup, type StoredFile } from '../captureRows';
import { stagedFilePages, type StagedFile } from './importJobs';

export class StagedFileResolver implements FileLookup {
  private readonly byPath;
  private readonly byName;

  constructor(db: CaseDb, private readonly jobId: number) {
    const columns = 'rel_path AS relPath, sha256, size, media_type AS mediaType, modified_at AS modifiedAt, container, problem';
    this.byPath = db.prepare(`SELECT ${columns} FROM import_job_files WHERE job_id = ? AND path_key = ? LIMIT 1`);
    this.byName = db.prepare(`SELECT ${columns} FROM import_job_files WHERE job_id = ? AND name_key = ? LIMIT 2`);
  }

  resolve(cell: string, sheetDir: string): StoredFile | undefined {
    const { paths, name } = cellCandidates(cell, sheetDir);
    for (const candidate of paths) {
      const hit = this.byPath.get(this.jobId, candidate) as StagedFile | undefined;
      if (hit) return hit;
    }
    // Exports often keep only the file name, or an absolute path from the platform's own disk: taken when unique.
    const named = this.byName.all(this.jobId, name) as StagedFile[];
    return named.length === 1 ? named[0] : undefined;
  }
}

/** SHA-256 over the sorted (path, file hash) list: the source's content as received. */
export function manifestHash(db: CaseDb, jobId: number): string {
  const hash = crypto.createHash('sha256');
  for (const page of stagedFilePages(db, jobId)) for (const file of page) hash.update(`${file.relPath}\t${file.sha256}\n`);
  return hash.digest('hex');
}

export function stagedCounts(db: CaseDb, jobId: number): { files: number; duplicates: number } {
  const row = db.prepare('SELECT COUNT(*) AS files, COUNT(DISTINCT sha256) AS distinctFiles FROM import_job_files WHERE job_id = ?').get(jobId) as {
    files: number; distinctFiles: number;
  };
  return { files: row.files, duplicates: row.files - row.distinctFiles };
}
