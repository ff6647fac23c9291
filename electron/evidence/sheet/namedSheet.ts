/**
 * One table read from a record-sheet file, whatever its format: a CSV, one worksheet of a workbook, or the records
 * of a JSON export. It is a SheetRows (so findCaptureTable and rowsFromSheet work on it unchanged) with a name an
 * analyst can find again and the unit its row numbers count in.
 */
import type { SheetRows } from './readCsv';

export type NamedSheet = SheetRows & {
  /** 'exports/book.xlsx#Sheet1' for a worksheet, the file's relPath for single-table files. */
  name: string;
  /**
   * What `rows[].row` counts: 'row' = the sheet's own row number as Excel/WPS shows it (CSV, XLSX);
   * 'line' = the 1-based line of a JSON Lines file; 'record' = the 1-based index of the record in a JSON array.
   */
  rowUnit: 'row' | 'line' | 'record';
  /** Problems met while reading that did not stop it (a broken JSON line): reported, not fatal. */
  problems: Array<{ row: number; reason: string }>;
};
