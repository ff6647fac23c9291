/**
 * The one transaction that makes an import part of the case.
 */
import type { ImportReport } from '../../shared/api';
import { appendAudit } from '../audit/auditLog';
import type { CaseDb } from '../store/caseDb';
import type { CaptureRow, StoredFile } from './captureRows';

export function writeImport(
  db: CaseDb,
  input: { root: string; stored: readonly StoredFile[]; captures: readonly CaptureRow[]; report: ImportReport },
): number {
  const now = new Date().toISOString();
  const insertBlob = db.prepare('INSERT OR IGNORE INTO blobs (sha256, size, media_type, stored_at) VALUES (?, ?, ?, ?)');
  const insertSource = db.prepare(
    'INSERT INTO sources (kind, original_path, manifest_sha256, imported_at, file_count, report) VALUES (?, ?, ?, ?, ?, ?)',
  );
  const insertSourceFile = db.prepare(
    'INSERT INTO source_files (source_id, rel_path, sha256, size, modified_at) VALUES (?, ?, ?, ?, ?)',
  );
  // A camera keeps the first name it was seen with; a later import only fills in what was missing.
  const upsertCamera = db.prepare(
    `INSERT INTO cameras (id, name, zone) VALUES (?, ?, ?)
     ON CONFLICT(id) DO UPDATE SET
       name = CASE WHEN cameras.name = cameras.id THEN excluded.name ELSE cameras.name END,
       zone = CASE WHEN cameras.zone = '' THEN excluded.zone ELSE cameras.zone END`,
  );
  const insertCapture = db.prepare(
    `INSERT INTO captures (source_id, sheet_path, sheet_row, captured_at, captured_ms, local_date, time_source,
       camera_id, image_path, image_sha256, platform_person_id, similarity, raw)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );

  return db.transaction(() => {
    for (const file of input.stored) insertBlob.run(file.sha256, file.size, file.mediaType, now);
    const sourceId = Number(
      insertSource.run('folder', input.root, input.report.sha256, now, input.stored.length, '{}').lastInsertRowid,
    );
    input.report.sourceId = sourceId;
    for (const file of input.stored) insertSourceFile.run(sourceId, file.relPath, file.sha256, file.size, file.modifiedAt);
    const cameras = new Map<string, CaptureRow>();
    for (const row of input.captures) if (!cameras.has(row.cameraId)) cameras.set(row.cameraId, row);
    for (const row of cameras.values()) upsertCamera.run(row.cameraId, row.cameraName, row.zone);
    for (const c of input.captures) {
      insertCapture.run(
        sourceId, c.sheetPath, c.sheetRow, c.time.iso, c.time.ms, c.time.localDate, c.timeSource, c.cameraId,
        c.imagePath, c.imageSha256, c.platformPersonId, c.similarity, JSON.stringify(c.raw),
      );
    }
    db.prepare('UPDATE sources SET report = ? WHERE id = ?').run(JSON.stringify(input.report), sourceId);
    appendAudit(db, 'import', {
      sourceId, path: input.root, manifestSha256: input.report.sha256, files: input.stored.length,
      filesStored: input.report.filesStored, captures: input.captures.length, sheets: input.report.sheets,
      skipped: input.report.skipped.length, rowsWithoutFile: input.report.rowsWithoutFile.length,
      badRows: input.report.badRows.length,
    });
    return sourceId;
  })();
}
