/**
 * Step 2 of an import, once every file is in the vault: the captures and authentication records the source
 * holds. Record sheets first (their rows are the platform's own records); then video clips, whose sampled
 * frames become captures; images no sheet names are captures of their own only when the source has no sheet.
 */
import path from 'node:path';
import type { ImportReport } from '../../../shared/api';
import { UserError } from '../../../shared/messages';
import { rowsFromImageNames, rowsFromSheet, type StoredFile } from '../captureRows';
import type { CaptureSink } from './captureSink';
import { exifCaptureTime } from '../exif/exifTime';
import type { ColumnProfile } from '../profiles/profileSchema';
import type { CaptureTable } from '../sheet/captureTable';
import { classifySheet, HEADER_SEARCH_ROWS } from '../sheet/classifySheet';
import type { NamedSheet } from '../sheet/namedSheet';
import { readSheetFile, sheetFormatOf } from '../sheet/readSheetFile';
import { streamCsv, type CsvRow } from '../sheet/streamCsv';
import { authRowsFromSheet, type AuthRow } from '../sheet/authRows';
import { hasImageExtension, isImageType, type MediaType } from '../sniffType';
import { vaultFile } from '../vault';
import { checkCancelled } from './ingestSource';
import type { CaseDb } from '../../store/caseDb';
import { stagedFilePages, type StagedFile } from './importJobs';
import { StagedFileResolver } from './stagedFileIndex';
import { SHEET_EXTENSIONS, VIDEO_EXTENSIONS } from './sourceKind';
import { framesOfVideo, type DerivedFrame } from './videoCaptures';

export interface ReadInput {
  caseDir: string;
  /** Receives the captures as they are read. */
  sink: CaptureSink;
  /** The job whose staged files are read. */
  db: CaseDb;
  jobId: number;
  zone: string;
  /** Applied to the sheets whose headers are not recognised on their own. */
  profile?: ColumnProfile;
  report: ImportReport;
  signal?: AbortSignal;
  /** Frames the import stores are new vault files too: the caller takes them back if the import fails. */
  newlyStored: Set<string>;
  onProgress?: (done: number, total: number) => void;
}

export interface ReadResult {
  authRows: AuthRow[];
  frames: DerivedFrame[];
}

function isSheetFile(file: StagedFile): boolean {
  const ext = path.posix.extname(file.relPath).toLowerCase();
  if (!SHEET_EXTENSIONS.has(ext)) return false;
  // A workbook is a ZIP inside; everything else must be text.
  return ext === '.xlsx' || ext === '.xlsm' ? file.mediaType === 'application/zip' : file.mediaType === 'text/plain';
}

function isVideoFile(file: StagedFile): boolean {
  return file.mediaType.startsWith('video/') || (VIDEO_EXTENSIONS.has(path.posix.extname(file.relPath).toLowerCase()) && file.mediaType === 'application/octet-stream');
}

const ROWS_PER_SLICE = 5_000;

/** push(...rows) passes every row as an argument and overflows the stack at case scale (100k+ rows). */
function append<T>(into: T[], rows: readonly T[]): void {
  for (const row of rows) into.push(row);
}

export async function readCaptures(input: ReadInput): Promise<ReadResult> {
  const { caseDir, db, jobId, zone, report, signal, sink } = input;
  const resolver = new StagedFileResolver(db, jobId);
  const authRows: AuthRow[] = [];
  const frames: DerivedFrame[] = [];
  // One pass over the staged files: the few sheets and clips are kept, damaged or misnamed files reported.
  const sheetFiles: StagedFile[] = [];
  const videos: StagedFile[] = [];
  let hasImages = false;
  for (const page of stagedFilePages(db, jobId)) {
    for (const file of page) {
      if (isSheetFile(file)) sheetFiles.push(file);
      else if (isVideoFile(file)) videos.push(file);
      if (file.problem) report.skipped.push({ path: file.relPath, reason: `${file.problem}; kept in the vault as received, not analysed` });
      else if (file.mediaType === 'inode/x-empty') report.skipped.push({ path: file.relPath, reason: 'empty file (0 bytes)' });
      else if (hasImageExtension(file.relPath) && !isImageType(file.mediaType as MediaType)) {
        report.skipped.push({ path: file.relPath, reason: `named as an image but its content is ${file.mediaType}` });
      } else if (isImageType(file.mediaType as MediaType)) hasImages = true;
    }
  }
  const steps = sheetFiles.length + videos.length;
  let step = 0;
  const unrecognised: string[] = [];

  /** One table: classified on its first rows, then read to the end a slice at a time (`more`: rows still to come). */
  const readTable = async (sheet: NamedSheet, filePath: string, more?: AsyncIterator<CsvRow>): Promise<void> => {
    for (const problem of sheet.problems) report.badRows.push({ sheet: sheet.name, row: problem.row, reason: problem.reason });
    let classified = classifySheet(sheet);
    if (classified.kind === 'unknown' && input.profile) {
      try {
        classified = classifySheet(sheet, input.profile);
      } catch (error) {
        report.skipped.push({ path: sheet.name, reason: (error as Error).message });
        return;
      }
    }
    if (classified.kind === 'unknown') {
      unrecognised.push(sheet.name);
      return;
    }
    const { table } = classified;
    const slices = async function* (): AsyncGenerator<CaptureTable['rows']> {
      for (let at = 0; at < table.rows.length; at += ROWS_PER_SLICE) yield table.rows.slice(at, at + ROWS_PER_SLICE);
      if (!more) return;
      let slice: CaptureTable['rows'] = [];
      for (let next = await more.next(); !next.done; next = await more.next()) {
        slice.push(next.value);
        if (slice.length === ROWS_PER_SLICE) {
          yield slice;
          slice = [];
        }
      }
      if (slice.length > 0) yield slice;
    };
    let rows = 0;
    for await (const slice of slices()) {
      checkCancelled(signal);
      rows += slice.length;
      const part = { ...table, rows: slice };
      if (classified.kind === 'captures') sink.add(rowsFromSheet(sheet.name, part, resolver, zone, report, filePath));
      else append(authRows, authRowsFromSheet(sheet.name, part, resolver, zone, report, filePath));
    }
    report.sheets.push({ path: sheet.name, encoding: sheet.encoding, rows, kind: classified.kind });
  };

  for (const file of sheetFiles) {
    checkCancelled(signal);
    input.onProgress?.(step++, steps);
    const stored = vaultFile(caseDir, file.sha256);
    try {
      if ((await sheetFormatOf(stored, file.relPath)) === 'csv') {
        // CSV, the usual large export, is streamed: only its first rows (to find the header) are held at once.
        const { encoding, rows } = await streamCsv(stored);
        const more = rows[Symbol.asyncIterator]();
        const head: CsvRow[] = [];
        for (let next = await more.next(); !next.done; next = head.length < HEADER_SEARCH_ROWS ? await more.next() : { done: true, value: undefined }) {
          head.push(next.value);
        }
        await readTable({ encoding, rows: head, name: file.relPath, rowUnit: 'row', problems: [] }, file.relPath, more);
        await more.return?.(undefined);
      } else {
        for (const sheet of await readSheetFile(stored, file.relPath)) await readTable(sheet, file.relPath);
      }
    } catch (error) {
      checkCancelled(signal);
      // The case database failing is not the sheet's fault: that stops the import.
      if (error instanceof Error && error.name === 'SqliteError') throw error;
      report.skipped.push({ path: file.relPath, reason: `sheet could not be read: ${(error as Error).message}` });
    }
  }
  // A sheet the import cannot read, and no sheet it can: importing the images by their names alone would
  // quietly drop the platform's records, so stop and ask for a column mapping instead. (A stray .txt is not
  // taken for a record sheet.)
  const blocking = unrecognised.filter((name) => !/\.txt$/iu.test(name.split('#')[0]!));
  if (report.sheets.length === 0 && blocking.length > 0 && !input.profile) {
    throw new UserError('import.sheetColumns', { sheet: blocking[0]!, missing: '抓拍时间/capture_time, 设备名称/camera' });
  }
  for (const sheet of unrecognised) report.skipped.push({ path: sheet, reason: 'not a capture or authentication sheet (columns not recognised): map its columns with a profile' });

  for (const file of videos) {
    checkCancelled(signal);
    input.onProgress?.(step++, steps);
    try {
      const clip = await framesOfVideo({ caseDir, file, zone, signal, newlyStored: input.newlyStored });
      sink.add(clip.captures);
      append(frames, clip.frames);
      report.videos.push(clip.summary);
      // A damaged clip can still give frames: its damage is a finding all the same.
      if (clip.warnings.length > 0) report.skipped.push({ path: file.relPath, reason: `video partly damaged (${clip.warnings.length} decoder warnings, first: ${clip.warnings[0]}); the frames that could be read were sampled` });
    } catch (error) {
      checkCancelled(signal);
      report.skipped.push({ path: file.relPath, reason: `video not sampled: ${(error as Error).message}` });
    }
  }

  const hasCaptureSheet = report.sheets.some((s) => s.kind === 'captures');
  sink.flush();
  if (hasImages && !hasCaptureSheet) {
    // No capture sheet: every whole image is a capture of its own, a page of images at a time.
    const exif = async (f: StoredFile) => (await exifCaptureTime(vaultFile(caseDir, f.sha256), zone))?.time ?? null;
    for (const page of stagedFilePages(db, jobId)) {
      checkCancelled(signal);
      sink.add(await rowsFromImageNames(page.filter((f) => isImageType(f.mediaType as MediaType) && !f.problem), zone, exif));
    }
  } else if (hasImages) {
    // Images no capture row (face or scene) and no authentication row names: listed, kept as evidence.
    const authImages = new Set(authRows.map((a) => a.imageSha256).filter(Boolean));
    report.filesWithoutRow = (db.prepare(
      `SELECT f.rel_path AS relPath, f.sha256 FROM import_job_files f
       WHERE f.job_id = ? AND f.media_type LIKE 'image/%' AND f.problem IS NULL
         AND NOT EXISTS (SELECT 1 FROM import_job_captures c WHERE c.job_id = f.job_id AND c.image_sha256 = f.sha256)
         AND NOT EXISTS (SELECT 1 FROM import_job_captures c WHERE c.job_id = f.job_id AND c.scene_sha256 = f.sha256)
       ORDER BY f.rel_path`,
    ).all(jobId) as Array<{ relPath: string; sha256: string }>).filter((f) => !authImages.has(f.sha256)).map((f) => f.relPath);
  }
  input.onProgress?.(steps, steps);
  sink.flush();
  return { authRows, frames };
}
