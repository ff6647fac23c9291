/**
 * Reading any record-sheet file into named sheets, choosing the reader by content first and extension second:
 * seized files are often misnamed (an .xls that is really CSV, a .txt that is JSON Lines).
 * A file that cannot be read throws a UserError 'sheet.unreadable'; the import lists it as skipped with that reason.
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import { UserError } from '../../../shared/messages';
import type { NamedSheet } from './namedSheet';
import { readCsv } from './readCsv';
import { readJsonSheet } from './readJsonSheet';
import { readXlsx } from './readXlsx';

export type SheetFormat = 'csv' | 'xlsx' | 'json';

const BY_EXTENSION: Record<string, SheetFormat> = {
  '.csv': 'csv', '.tsv': 'csv', '.txt': 'csv',
  '.xlsx': 'xlsx', '.xlsm': 'xlsx',
  '.json': 'json', '.jsonl': 'json', '.ndjson': 'json',
};

/** Whether the import should treat a file as a record sheet, by its name. */
export function isSheetFileName(relPath: string): boolean {
  return path.extname(relPath).toLowerCase() in BY_EXTENSION;
}

/** The format a file's first bytes show, or null when they do not decide it (plain text is CSV or JSON). */
function formatOfContent(head: Buffer): SheetFormat | null {
  if (head.length >= 4 && head.readUInt32BE(0) === 0x504b0304) return 'xlsx'; // a ZIP: OOXML
  let start = 0;
  if (head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) start = 3;
  const text = head.subarray(start).toString('latin1').trimStart();
  if (text.startsWith('{') || text.startsWith('[')) return 'json';
  return null;
}

async function readHead(file: string): Promise<Buffer> {
  const handle = await fs.open(file, 'r');
  try {
    const buffer = Buffer.alloc(64);
    const { bytesRead } = await handle.read(buffer, 0, buffer.length, 0);
    return buffer.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}

/** How a sheet file will be read: 'csv' files can also be streamed row by row (streamCsv.ts). */
export async function sheetFormatOf(file: string, relPath: string): Promise<SheetFormat | null> {
  const head = await readHead(file);
  if (head.length === 0) return null;
  const byName = BY_EXTENSION[path.extname(relPath).toLowerCase()];
  return formatOfContent(head) ?? (byName === 'xlsx' ? null : 'csv');
}

/**
 * Every table in a sheet file. `relPath` names the sheets in reports: the file's relPath, or
 * 'relPath#SheetName' for each worksheet of a workbook.
 */
export async function readSheetFile(file: string, relPath: string): Promise<NamedSheet[]> {
  const unreadable = (reason: string): UserError => new UserError('sheet.unreadable', { path: relPath, reason });
  let head: Buffer;
  try {
    head = await readHead(file);
  } catch (error) {
    throw unreadable((error as Error).message);
  }
  if (head.length === 0) throw unreadable('the file is empty');
  const byName = BY_EXTENSION[path.extname(relPath).toLowerCase()];
  const format = formatOfContent(head) ?? (byName === 'xlsx' ? null : 'csv');
  if (!format) throw unreadable('the file is not an XLSX workbook (no ZIP signature); an old .xls must be saved as .xlsx or CSV');
  try {
    if (format === 'xlsx') {
      const sheets = await readXlsx(file, relPath);
      if (sheets.length === 0) throw new Error('the workbook has no worksheets');
      return sheets;
    }
    const bytes = await fs.readFile(file);
    if (format === 'json') {
      try {
        return readJsonSheet(bytes, relPath);
      } catch (error) {
        // A .csv whose first cell starts with '[' or '{' is still a CSV.
        if (byName !== 'csv') throw error;
      }
    }
    return [{ ...readCsv(bytes), name: relPath, rowUnit: 'row', problems: [] }];
  } catch (error) {
    if (error instanceof UserError) throw error;
    throw unreadable((error as Error).message || String(error));
  }
}
