/**
 * Turning a source's record sheets (or, without a sheet, its image names) into capture rows.
 */
import path from 'node:path';
import type { ImportReport } from '../../shared/api';
import { parseCaptureTime, parseFileName, type CaptureTime } from './parseTime';
import type { CaptureTable } from './sheet/captureTable';
import { parseTimeWithFormat } from './sheet/parseTimeWithFormat';
import type { CaptureField } from './sheet/headerAliases';

export interface StoredFile {
  relPath: string;
  sha256: string;
  size: number;
  mediaType: string;
  modifiedAt: string | null;
}

export interface CaptureRow {
  sheetPath: string | null;
  sheetRow: number | null;
  time: CaptureTime;
  timeSource: 'sheet' | 'filename' | 'exif' | 'file-time' | 'video';
  cameraId: string;
  cameraName: string;
  zone: string;
  imagePath: string | null;
  imageSha256: string | null;
  /** The scene (background) image the platform kept beside the face crop, when the sheet names one. */
  scenePath: string | null;
  sceneSha256: string | null;
  /** A frame sampled from a clip: the clip and the frame's time from its start. */
  videoSha256: string | null;
  videoOffsetMs: number | null;
  platformPersonId: string | null;
  similarity: number | null;
  raw: Record<string, string>;
}

/** What reading a sheet's rows reports: rows naming absent files, rows that cannot be read. */
export type SheetFindings = Pick<ImportReport, 'rowsWithoutFile' | 'badRows'>;

/** Finds the file a sheet cell names. */
export interface FileLookup {
  resolve(cell: string, sheetDir: string): StoredFile | undefined;
}

/**
 * How a sheet cell can name a file: a relative path (either slash), a URL, a Windows path, or a bare file name.
 * Gives the lower-case paths to try in order, and the file name to fall back on.
 */
export function cellCandidates(cell: string, sheetDir: string): { paths: string[]; name: string } {
  let value = cell.trim().replace(/\\/gu, '/');
  if (/^[a-z]+:\/\//iu.test(value)) {
    try {
      value = decodeURIComponent(new URL(value).pathname);
    } catch {
      /* keep the text as it is */
    }
  }
  value = value.replace(/^\.?\/+/u, '').replace(/^[a-z]:\//iu, '');
  const lower = value.toLowerCase();
  const paths = [sheetDir ? `${sheetDir}/${lower}` : lower, lower].map((p) => path.posix.normalize(p));
  return { paths, name: path.posix.basename(lower) };
}

/** The in-memory lookup, for a list of files at hand. */
export class FileResolver implements FileLookup {
  private byPath = new Map<string, StoredFile>();
  private byName = new Map<string, StoredFile[]>();

  constructor(files: readonly StoredFile[]) {
    for (const file of files) {
      this.byPath.set(file.relPath.toLowerCase(), file);
      const name = path.posix.basename(file.relPath).toLowerCase();
      this.byName.set(name, [...(this.byName.get(name) ?? []), file]);
    }
  }

  resolve(cell: string, sheetDir: string): StoredFile | undefined {
    const { paths, name } = cellCandidates(cell, sheetDir);
    for (const candidate of paths) {
      const hit = this.byPath.get(candidate);
      if (hit) return hit;
    }
    // Exports often keep only the file name, or an absolute path from the platform's own disk.
    const byName = this.byName.get(name);
    return byName?.length === 1 ? byName[0] : undefined;
  }
}

/**
 * Some exports split the capture time into a date column (2021-04-18) and a time-of-day column (09:30:15): the
 * two are read as one. A time cell that already holds its date is taken as it is.
 */
export function withDate(time: string, date: string): string {
  if (!date || !time || /\d{4}[-/.年]\d{1,2}|^\d{8}/u.test(time)) return time;
  return `${date} ${time}`;
}

/** A row's cell for a field, trimmed; '' when the sheet has no column for it. */
export function cellReader(mapping: CaptureTable['mapping']): (cells: string[], field: CaptureField) => string {
  return (cells, field) => {
    const index = mapping[field];
    return index === undefined ? '' : (cells[index] ?? '').trim();
  };
}

/** Paths in a sheet are relative to the folder the sheet is in. */
export function sheetDirOf(filePath: string): string {
  const dir = path.posix.dirname(filePath);
  return dir === '.' ? '' : dir.toLowerCase();
}

export function rowsFromSheet(
  sheetPath: string,
  table: CaptureTable,
  resolver: FileLookup,
  zone: string,
  findings: SheetFindings,
  /** The sheet file's path in the source, when the sheet's name is not it (one worksheet of a workbook). */
  filePath: string = sheetPath,
): CaptureRow[] {
  const { mapping } = table;
  const sheetDir = sheetDirOf(filePath);
  const cell = cellReader(mapping);
  const rows: CaptureRow[] = [];
  for (const { row, cells } of table.rows) {
    const rawTime = withDate(cell(cells, 'time'), cell(cells, 'date'));
    const time = parseTimeWithFormat(rawTime, zone, table.timeFormat);
    if (!time) {
      findings.badRows.push({ sheet: sheetPath, row, reason: rawTime ? `unreadable or impossible time "${rawTime}"` : 'no capture time' });
      continue;
    }
    const cameraId = cell(cells, 'cameraId') || cell(cells, 'cameraName');
    if (!cameraId) {
      findings.badRows.push({ sheet: sheetPath, row, reason: 'no camera' });
      continue;
    }
    const imageCell = cell(cells, 'faceImage');
    const image = imageCell ? resolver.resolve(imageCell, sheetDir) : undefined;
    if (imageCell && !image) findings.rowsWithoutFile.push({ sheet: sheetPath, row, path: imageCell });
    const sceneCell = cell(cells, 'sceneImage');
    const scene = sceneCell ? resolver.resolve(sceneCell, sheetDir) : undefined;
    if (sceneCell && !scene) findings.rowsWithoutFile.push({ sheet: sheetPath, row, path: sceneCell });
    const similarity = Number.parseFloat(cell(cells, 'similarity'));
    rows.push({
      sheetPath,
      sheetRow: row,
      time,
      timeSource: 'sheet',
      cameraId,
      cameraName: cell(cells, 'cameraName') || cameraId,
      zone: cell(cells, 'zone'),
      imagePath: image?.relPath ?? (imageCell || null),
      imageSha256: image?.sha256 ?? null,
      scenePath: scene?.relPath ?? (sceneCell || null),
      sceneSha256: scene?.sha256 ?? null,
      videoSha256: null,
      videoOffsetMs: null,
      platformPersonId: cell(cells, 'personId') || null,
      similarity: Number.isFinite(similarity) ? similarity : null,
      raw: Object.fromEntries(table.headers.map((h, i) => [h, cells[i] ?? ''])),
    });
  }
  return rows;
}

/**
 * Without a sheet, each image is a capture: time and camera from its name; else the time from its EXIF
 * (cameras write the shot time there), else the file time; the camera from its folder.
 */
export async function rowsFromImageNames(
  images: readonly StoredFile[],
  zone: string,
  exifTime: (file: StoredFile) => Promise<CaptureTime | null>,
): Promise<CaptureRow[]> {
  const rows: CaptureRow[] = [];
  for (const file of images) {
    const name = path.posix.basename(file.relPath);
    const parsed = parseFileName(name, zone);
    const folder = path.posix.basename(path.posix.dirname(file.relPath));
    const cameraId = parsed.cameraId ?? (folder && folder !== '.' ? folder : 'unknown');
    let time = parsed.time;
    let timeSource: CaptureRow['timeSource'] = 'filename';
    if (!time) {
      time = await exifTime(file);
      timeSource = 'exif';
    }
    if (!time && file.modifiedAt) {
      time = parseCaptureTime(file.modifiedAt, zone);
      timeSource = 'file-time';
    }
    if (!time) continue; // no time from anywhere: listed by the caller as a file without a capture
    rows.push({
      sheetPath: null,
      sheetRow: null,
      time,
      timeSource,
      cameraId,
      cameraName: cameraId,
      zone: '',
      imagePath: file.relPath,
      imageSha256: file.sha256,
      scenePath: null,
      sceneSha256: null,
      videoSha256: null,
      videoOffsetMs: null,
      platformPersonId: null,
      similarity: null,
      raw: { file: file.relPath },
    });
  }
  return rows;
}
