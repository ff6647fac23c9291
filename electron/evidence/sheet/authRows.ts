/**
 * Turning an authentication sheet (客户认证记录) into records: which registered customer the platform says a
 * person or face is. They are evidence in their own right (the platform identified people by face), so a record
 * is kept even without a readable time; only a row naming nobody is dropped, with a finding.
 */
import { cellReader, sheetDirOf, type FileLookup, type SheetFindings } from '../captureRows';
import type { CaptureTime } from '../parseTime';
import type { CaptureTable } from './captureTable';
import { parseTimeWithFormat } from './parseTimeWithFormat';

export interface AuthRow {
  sheetPath: string;
  sheetRow: number;
  /** The authentication time (or the sheet's only time column); null when the sheet has none or it is unreadable. */
  time: CaptureTime | null;
  customerName: string | null;
  /** As exported, usually masked (138****5678). */
  phone: string | null;
  platformPersonId: string | null;
  cameraId: string | null;
  /** The face image as the sheet names it, resolved to the stored file when found. */
  imagePath: string | null;
  imageSha256: string | null;
  salesAgent: string | null;
  result: string | null;
  /** Every cell under its header, including what has no field (masked ID numbers, remarks). */
  raw: Record<string, string>;
}

export function authRowsFromSheet(
  sheetPath: string,
  table: CaptureTable,
  resolver: FileLookup,
  zone: string,
  findings: SheetFindings,
  /** The sheet file's path in the source when `sheetPath` is a worksheet's name ('a/book.xlsx#认证'). */
  filePath: string = sheetPath,
): AuthRow[] {
  const sheetDir = sheetDirOf(filePath);
  const cell = cellReader(table.mapping);
  const orNull = (text: string): string | null => text || null;
  const rows: AuthRow[] = [];
  for (const { row, cells } of table.rows) {
    const customerName = cell(cells, 'customerName');
    const phone = cell(cells, 'phone');
    const personId = cell(cells, 'personId');
    const imageCell = cell(cells, 'faceImage');
    if (!customerName && !phone && !personId && !imageCell) {
      findings.badRows.push({ sheet: sheetPath, row, reason: 'authentication record names no customer, person or image' });
      continue;
    }
    const rawTime = table.mapping.authTime !== undefined ? cell(cells, 'authTime') : cell(cells, 'time');
    const time = parseTimeWithFormat(rawTime, zone, table.timeFormat);
    if (rawTime && !time) {
      findings.badRows.push({ sheet: sheetPath, row, reason: `authentication record kept without a time: unreadable or impossible time "${rawTime}"` });
    }
    const image = imageCell ? resolver.resolve(imageCell, sheetDir) : undefined;
    if (imageCell && !image) findings.rowsWithoutFile.push({ sheet: sheetPath, row, path: imageCell });
    rows.push({
      sheetPath,
      sheetRow: row,
      time,
      customerName: orNull(customerName),
      phone: orNull(phone),
      platformPersonId: orNull(personId),
      cameraId: orNull(cell(cells, 'cameraId') || cell(cells, 'cameraName')),
      imagePath: image?.relPath ?? orNull(imageCell),
      imageSha256: image?.sha256 ?? null,
      salesAgent: orNull(cell(cells, 'salesAgent')),
      result: orNull(cell(cells, 'result')),
      raw: Object.fromEntries(table.headers.map((h, i) => [h || `column ${i + 1}`, cells[i] ?? ''])),
    });
  }
  return rows;
}
