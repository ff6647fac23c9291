/**
 * Finding the capture table inside a sheet. Exports often put a title, the export time or the query
 * conditions above the header row ("抓拍记录导出 2021-10-15"), so the header is looked for in the first rows:
 * the row that names the most known columns, provided it has a time and a camera.
 */
import { missingCaptureFields, recogniseHeaders, type CaptureField } from './headerAliases';
import type { SheetRows } from './readCsv';

export interface CaptureTable {
  headerRow: number;
  headers: string[];
  mapping: Partial<Record<CaptureField, number>>;
  rows: SheetRows['rows'];
  /** A column-mapping profile's luxon format for the time cells, when the platform writes times oddly. */
  timeFormat?: string;
}

const HEADER_SEARCH_ROWS = 10;

export function findCaptureTable(sheet: SheetRows): CaptureTable | null {
  let best: { index: number; fields: number } | null = null;
  for (let index = 0; index < Math.min(HEADER_SEARCH_ROWS, sheet.rows.length); index++) {
    const mapping = recogniseHeaders(sheet.rows[index]!.cells);
    if (missingCaptureFields(mapping).length > 0) continue;
    const fields = Object.keys(mapping).length;
    if (!best || fields > best.fields) best = { index, fields };
  }
  if (!best) return null;
  const header = sheet.rows[best.index]!;
  return {
    headerRow: header.row,
    headers: header.cells,
    mapping: recogniseHeaders(header.cells),
    rows: sheet.rows.slice(best.index + 1),
  };
}
