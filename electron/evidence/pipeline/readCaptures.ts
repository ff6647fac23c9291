/**
 * Step 2 of an import, once every file is in the vault: the captures and authentication records the source
 * holds. Record sheets first (their rows are the platform's own records); then video clips, whose sampled
 * frames become captures; images no sheet names are captures of their own only when the source has no sheet.
 */
import path from 'node:path';
import type { ImportReport } from '../../../shared/api';
import { UserError } from '../../../shared/messages';
import { FileResolver, rowsFromImageNames, rowsFromSheet, type StoredFile } from '../captureRows';
import type { CaptureSink } from './captureSink';
import { exifCaptureTime } from '../exif/exifTime';
import type { ColumnProfile } from '../profiles/profileSchema';
import { classifySheet } from '../sheet/classifySheet';
import { readSheetFile } from '../sheet/readSheetFile';
import { authRowsFromSheet, type AuthRow } from '../sheet/authRows';
import { hasImageExtension, isImageType, type MediaType } from '../sniffType';
import { vaultFile } from '../vault';
import { checkCancelled } from './ingestSource';
import type { StagedFile } from './importJobs';
import { SHEET_EXTENSIONS, VIDEO_EXTENSIONS } from './sourceKind';
import { framesOfVideo, type DerivedFrame } from './videoCaptures';

export interface ReadInput {
  caseDir: string;
  /** Receives the captures as they are read. */
  sink: CaptureSink;
  files: readonly StagedFile[];
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
  const { caseDir, files, zone, report, signal } = input;
  const resolver = new FileResolver(files);
  const { sink } = input;
  const authRows: AuthRow[] = [];
  const frames: DerivedFrame[] = [];
  const sheetFiles = files.filter(isSheetFile);
  const videos = files.filter(isVideoFile);
  const steps = sheetFiles.length + videos.length;
  let step = 0;
  const unrecognised: string[] = [];

  for (const file of sheetFiles) {
    checkCancelled(signal);
    input.onProgress?.(step++, steps);
    let sheets;
    try {
      sheets = await readSheetFile(vaultFile(caseDir, file.sha256), file.relPath);
    } catch (error) {
      report.skipped.push({ path: file.relPath, reason: `sheet could not be read: ${(error as Error).message}` });
      continue;
    }
    for (const sheet of sheets) {
      for (const problem of sheet.problems) report.badRows.push({ sheet: sheet.name, row: problem.row, reason: problem.reason });
      let classified = classifySheet(sheet);
      if (classified.kind === 'unknown' && input.profile) {
        try {
          classified = classifySheet(sheet, input.profile);
        } catch (error) {
          report.skipped.push({ path: sheet.name, reason: (error as Error).message });
          continue;
        }
      }
      if (classified.kind === 'captures') {
        // A slice at a time: the captures of a slice go to the sink before the next is read.
        for (let at = 0; at < classified.table.rows.length; at += ROWS_PER_SLICE) {
          const slice = { ...classified.table, rows: classified.table.rows.slice(at, at + ROWS_PER_SLICE) };
          sink.add(rowsFromSheet(sheet.name, slice, resolver, zone, report, file.relPath));
        }
        report.sheets.push({ path: sheet.name, encoding: sheet.encoding, rows: classified.table.rows.length, kind: 'captures' });
      } else if (classified.kind === 'auth') {
        append(authRows, authRowsFromSheet(sheet.name, classified.table, resolver, zone, report, file.relPath));
        report.sheets.push({ path: sheet.name, encoding: sheet.encoding, rows: classified.table.rows.length, kind: 'auth' });
      } else {
        unrecognised.push(sheet.name);
      }
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

  const images = files.filter((f) => isImageType(f.mediaType as MediaType) && !f.problem);
  for (const file of files) {
    if (file.problem) report.skipped.push({ path: file.relPath, reason: `${file.problem}; kept in the vault as received, not analysed` });
    else if (file.mediaType === 'inode/x-empty') report.skipped.push({ path: file.relPath, reason: 'empty file (0 bytes)' });
    else if (hasImageExtension(file.relPath) && !isImageType(file.mediaType as MediaType)) {
      report.skipped.push({ path: file.relPath, reason: `named as an image but its content is ${file.mediaType}` });
    }
  }
  const hasCaptureSheet = report.sheets.some((s) => s.kind === 'captures');
  if (!hasCaptureSheet) {
    const exif = async (f: StoredFile) => (await exifCaptureTime(vaultFile(caseDir, f.sha256), zone))?.time ?? null;
    sink.add(await rowsFromImageNames(images, zone, exif));
  } else {
    const referenced = sink.referenced;
    for (const a of authRows) if (a.imageSha256) referenced.add(a.imageSha256);
    report.filesWithoutRow = images.filter((f) => !referenced.has(f.sha256)).map((f) => f.relPath);
  }
  input.onProgress?.(steps, steps);
  sink.flush();
  return { authRows, frames };
}
