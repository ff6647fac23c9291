/**
 * Importing a seized folder into a case: every file hashed and copied into the vault, the record sheets read
 * into captures, and all of it committed in one transaction, so a failed or cancelled import leaves the case
 * exactly as it was.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { ImportReport } from '../../shared/api';
import { UserError } from '../../shared/messages';
import { appendAudit } from '../audit/auditLog';
import { openCase, readCaseInfo } from '../store/caseStore';
import { FileResolver, rowsFromImageNames, rowsFromSheet, type CaptureRow, type StoredFile } from './captureRows';
import { findCaptureTable } from './sheet/captureTable';
import { readCsv } from './sheet/readCsv';
import { hasImageExtension, isImageType, sniffMediaType } from './sniffType';
import { discardVaultFiles, ingestFile, sweepIncoming, vaultFile } from './vault';
import { walkFolder } from './walkFolder';
import { writeImport } from './writeImport';

export interface ImportProgress {
  phase: 'scanning' | 'hashing' | 'reading' | 'writing';
  done: number;
  total: number;
}

export interface ImportOptions {
  signal?: AbortSignal;
  onProgress?: (progress: ImportProgress) => void;
}

const SHEET_EXTENSIONS = new Set(['.csv', '.tsv', '.txt']);
const PARALLEL_FILES = 4;

function checkCancelled(signal?: AbortSignal): void {
  if (signal?.aborted) throw new UserError('import.cancelled');
}

function manifestHash(files: readonly StoredFile[]): string {
  const hash = crypto.createHash('sha256');
  for (const file of files) hash.update(`${file.relPath}\t${file.sha256}\n`);
  return hash.digest('hex');
}

export async function importFolder(caseDir: string, folder: string, options: ImportOptions = {}): Promise<ImportReport> {
  const { signal, onProgress } = options;
  const root = path.resolve(folder);
  const stat = await fs.promises.stat(root).catch(() => null);
  if (!stat) throw new UserError('import.pathMissing', { path: root });
  if (!stat.isDirectory()) throw new UserError('import.unsupported', { path: root });

  const db = openCase(caseDir);
  const newlyStored = new Set<string>();
  try {
    const zone = readCaseInfo(db).timezone;
    await sweepIncoming(path.resolve(caseDir));
    onProgress?.({ phase: 'scanning', done: 0, total: 0 });
    const walk = await walkFolder(root);
    const report: ImportReport = {
      sourceId: 0, path: root, sha256: '', filesSeen: walk.files.length + walk.skipped.length, filesStored: 0,
      duplicateFiles: 0, duplicateOf: null, skipped: [...walk.skipped], sheets: [], captures: 0, rowsWithoutFile: [],
      filesWithoutRow: [], badRows: [],
    };

    // 1. Hash and store every file before anything is parsed.
    const stored: StoredFile[] = new Array(walk.files.length);
    const seen = new Set<string>();
    let next = 0;
    let done = 0;
    const worker = async (): Promise<void> => {
      while (next < walk.files.length) {
        checkCancelled(signal);
        const index = next++;
        const file = walk.files[index]!;
        const ingested = await ingestFile(path.resolve(caseDir), file.absPath);
        if (ingested.stored) newlyStored.add(ingested.sha256);
        stored[index] = {
          relPath: file.relPath, sha256: ingested.sha256, size: ingested.size,
          mediaType: sniffMediaType(ingested.head), modifiedAt: file.modifiedAt,
        };
        onProgress?.({ phase: 'hashing', done: ++done, total: walk.files.length });
      }
    };
    await Promise.all(Array.from({ length: PARALLEL_FILES }, worker));
    checkCancelled(signal);
    for (const file of stored) {
      if (seen.has(file.sha256)) report.duplicateFiles++;
      seen.add(file.sha256);
    }
    report.filesStored = newlyStored.size;
    report.sha256 = manifestHash(stored);

    const previous = db.prepare('SELECT id FROM sources WHERE manifest_sha256 = ?').get(report.sha256) as { id: number } | undefined;
    if (previous) {
      // The same archive again: keep its custody record, add no captures.
      report.duplicateOf = previous.id;
      db.transaction(() => appendAudit(db, 'import.duplicate', { path: root, manifestSha256: report.sha256, sameAs: previous.id }))();
      return report;
    }

    // 2. Read the record sheets.
    onProgress?.({ phase: 'reading', done: 0, total: stored.length });
    const resolver = new FileResolver(stored);
    const captures: CaptureRow[] = [];
    const sheetCandidates = stored.filter((f) => SHEET_EXTENSIONS.has(path.extname(f.relPath).toLowerCase()) && f.mediaType === 'text/plain');
    const unrecognised: string[] = [];
    for (const file of sheetCandidates) {
      const sheet = readCsv(await fs.promises.readFile(vaultFile(caseDir, file.sha256)));
      const table = findCaptureTable(sheet);
      if (!table) {
        unrecognised.push(file.relPath);
        continue;
      }
      const rows = rowsFromSheet(file.relPath, table, resolver, zone, report);
      report.sheets.push({ path: file.relPath, encoding: sheet.encoding, rows: table.rows.length });
      captures.push(...rows);
      checkCancelled(signal);
    }
    if (report.sheets.length === 0 && unrecognised.length > 0) {
      throw new UserError('import.sheetColumns', { sheet: unrecognised[0]!, missing: '抓拍时间/capture_time, 设备名称/camera' });
    }
    for (const sheet of unrecognised) report.skipped.push({ path: sheet, reason: 'not a capture record sheet (columns not recognised)' });

    const images = stored.filter((f) => isImageType(f.mediaType as never));
    for (const file of stored) {
      if (file.mediaType === 'inode/x-empty') report.skipped.push({ path: file.relPath, reason: 'empty file (0 bytes)' });
      else if (hasImageExtension(file.relPath) && !isImageType(file.mediaType as never)) {
        report.skipped.push({ path: file.relPath, reason: `named as an image but its content is ${file.mediaType}` });
      }
    }
    if (report.sheets.length === 0) {
      captures.push(...rowsFromImageNames(images, zone));
    } else {
      const referenced = new Set(captures.map((c) => c.imageSha256).filter(Boolean));
      report.filesWithoutRow = images.filter((f) => !referenced.has(f.sha256)).map((f) => f.relPath);
    }
    if (captures.length === 0) throw new UserError('import.noCaptures', { path: root });
    report.captures = captures.length;

    // 3. Commit everything at once.
    checkCancelled(signal);
    onProgress?.({ phase: 'writing', done: 0, total: captures.length });
    report.sourceId = writeImport(db, { root, stored, captures, report });
    onProgress?.({ phase: 'writing', done: captures.length, total: captures.length });
    newlyStored.clear();
    return report;
  } catch (error) {
    // The attempt itself is part of the custody record, even though it changed nothing.
    const cancelled = error instanceof UserError && error.code === 'import.cancelled';
    db.transaction(() =>
      appendAudit(db, cancelled ? 'import.cancelled' : 'import.failed', {
        path: root,
        reason: error instanceof UserError ? error.code : String(error),
        message: error instanceof Error ? error.message : String(error),
      }),
    )();
    throw error;
  } finally {
    db.close();
    // Anything stored by an import that did not commit is not evidence of this case: take it back out.
    if (newlyStored.size > 0) await discardVaultFiles(path.resolve(caseDir), newlyStored);
  }
}
