/**
 * The one transaction that makes an import part of the case: the source and its files, the frames derived from
 * its clips, cameras, captures, authentication records and their links, the job marked done, and the audit entry.
 */
import type { ImportReport } from '../../shared/api';
import { appendAudit } from '../audit/auditLog';
import type { CaseDb } from '../store/caseDb';
import { linkAuthRecords } from './pipeline/linkAuth';
import type { DerivedFrame } from './pipeline/videoCaptures';
import type { AuthRow } from './sheet/authRows';

export interface ImportToWrite {
  jobId: number;
  root: string;
  /** How many files the job staged (the source's files, archive entries included). */
  fileCount: number;
  frames: readonly DerivedFrame[];
  /** Every camera the captures name, with the name and zone it was first seen with. */
  cameras: ReadonlyMap<string, { name: string; zone: string }>;
  authRows: readonly AuthRow[];
  report: ImportReport;
}

export function writeImport(db: CaseDb, input: ImportToWrite): number {
  const now = new Date().toISOString();
  const { report } = input;
  const insertBlob = db.prepare('INSERT OR IGNORE INTO blobs (sha256, size, media_type, stored_at) VALUES (?, ?, ?, ?)');
  const insertSource = db.prepare(
    `INSERT INTO sources (kind, original_path, manifest_sha256, received_sha256, imported_at, file_count, report)
     VALUES (?, ?, ?, ?, ?, ?, '{}')`,
  );
  // The files the job staged, as they are, straight from its staging table.
  const copyBlobs = db.prepare(
    `INSERT OR IGNORE INTO blobs (sha256, size, media_type, stored_at)
     SELECT sha256, size, media_type, ? FROM import_job_files WHERE job_id = ?`,
  );
  const copySourceFiles = db.prepare(
    `INSERT INTO source_files (source_id, rel_path, sha256, size, modified_at, media_type, container, problem)
     SELECT ?, rel_path, sha256, size, modified_at, media_type, container, problem FROM import_job_files WHERE job_id = ?`,
  );
  const insertDerived = db.prepare(
    'INSERT OR IGNORE INTO derived_files (sha256, from_sha256, kind, offset_ms, tool) VALUES (?, ?, ?, ?, ?)',
  );
  // A camera keeps the first name it was seen with; a later import only fills in what was missing.
  const upsertCamera = db.prepare(
    `INSERT INTO cameras (id, name, zone) VALUES (?, ?, ?)
     ON CONFLICT(id) DO UPDATE SET
       name = CASE WHEN cameras.name = cameras.id THEN excluded.name ELSE cameras.name END,
       zone = CASE WHEN cameras.zone = '' THEN excluded.zone ELSE cameras.zone END`,
  );
  // The captures the job staged, in the order they were read.
  const COLUMNS = `sheet_path, sheet_row, captured_at, captured_ms, local_date, time_source, camera_id, image_path, image_sha256,
    scene_path, scene_sha256, video_sha256, video_offset_ms, platform_person_id, similarity, raw`;
  const copyCaptures = db.prepare(
    `INSERT INTO captures (source_id, ${COLUMNS}) SELECT ?, ${COLUMNS} FROM import_job_captures WHERE job_id = ? ORDER BY seq`,
  );
  const insertAuth = db.prepare(
    `INSERT INTO auth_records (source_id, sheet_path, sheet_row, authenticated_at, authenticated_ms, customer_name, phone,
       platform_person_id, camera_id, image_path, image_sha256, sales_agent, result, raw)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );

  return db.transaction(() => {
    copyBlobs.run(now, input.jobId);
    for (const frame of input.frames) insertBlob.run(frame.sha256, frame.size, 'image/jpeg', now);
    const sourceId = Number(
      insertSource.run(report.kind, input.root, report.sha256, report.receivedSha256, now, input.fileCount).lastInsertRowid,
    );
    report.sourceId = sourceId;
    copySourceFiles.run(sourceId, input.jobId);
    for (const fr of input.frames) insertDerived.run(fr.sha256, fr.fromSha256, 'video-frame', fr.offsetMs, fr.tool);
    for (const [id, camera] of input.cameras) upsertCamera.run(id, camera.name, camera.zone);
    copyCaptures.run(sourceId, input.jobId);
    db.prepare('DELETE FROM import_job_captures WHERE job_id = ?').run(input.jobId);
    for (const a of input.authRows) {
      insertAuth.run(
        sourceId, a.sheetPath, a.sheetRow, a.time?.iso ?? null, a.time?.ms ?? null, a.customerName, a.phone,
        a.platformPersonId, a.cameraId, a.imagePath, a.imageSha256, a.salesAgent, a.result, JSON.stringify(a.raw),
      );
    }
    report.authRecords = input.authRows.length;
    report.authLinked = input.authRows.length > 0 ? linkAuthRecords(db, sourceId) : 0;
    db.prepare('UPDATE sources SET report = ? WHERE id = ?').run(JSON.stringify(report), sourceId);
    db.prepare("UPDATE import_jobs SET state = 'done', finished_at = ?, source_id = ? WHERE id = ?").run(now, sourceId, input.jobId);
    db.prepare('DELETE FROM import_job_files WHERE job_id = ?').run(input.jobId);
    appendAudit(db, 'import', {
      sourceId, jobId: input.jobId, kind: report.kind, path: input.root, manifestSha256: report.sha256,
      receivedSha256: report.receivedSha256, files: input.fileCount, filesStored: report.filesStored,
      filesResumed: report.filesResumed, archives: report.archives.length, frames: input.frames.length,
      captures: report.captures, timeSources: report.timeSources, sheets: report.sheets,
      authRecords: report.authRecords, authLinked: report.authLinked, skipped: report.skipped.length,
      rowsWithoutFile: report.rowsWithoutFile.length, badRows: report.badRows.length,
    });
    return sourceId;
  })();
}
