/**
 * Reading a CSV or tab-separated record sheet into its rows, tolerating the broken rows real exports contain
 * (they are reported, not fatal). Row numbers are the sheet's own (1 = first line), as Excel or WPS shows them,
 * so an analyst can find a reported row in the original.
 */
import { parse } from 'csv-parse/sync';
import { decodeText, type DecodedText } from './decodeText';

export interface SheetRows {
  /** The text encoding for CSV and JSON; 'xlsx' for a workbook (its XML is always Unicode). */
  encoding: DecodedText['encoding'] | 'xlsx';
  /** Every non-empty row with its 1-based row number in the sheet. */
  rows: Array<{ row: number; cells: string[] }>;
}

/** The delimiter the first line uses most: comma, tab or semicolon. */
export function guessDelimiter(text: string): ',' | '\t' | ';' {
  const newline = text.search(/\r?\n/u);
  const firstLine = newline < 0 ? text : text.slice(0, newline);
  const counts = { ',': 0, '\t': 0, ';': 0 };
  for (const ch of firstLine) if (ch in counts) counts[ch as keyof typeof counts]++;
  if (counts['\t'] > counts[','] && counts['\t'] >= counts[';']) return '\t';
  if (counts[';'] > counts[',']) return ';';
  return ',';
}

export function readCsv(bytes: Buffer): SheetRows {
  const { text, encoding } = decodeText(bytes);
  const records = parse(text, {
    delimiter: guessDelimiter(text),
    relax_column_count: true,
    relax_quotes: true,
    skip_empty_lines: false,
    trim: true,
    info: true,
  }) as unknown as Array<{ record: string[]; info: { lines: number } }>;
  const rows: SheetRows['rows'] = [];
  for (const { record, info } of records) {
    if (record.every((cell) => cell === '')) continue;
    // info.lines is the line the record ends on; a record spanning lines (a quoted newline) starts earlier.
    rows.push({ row: info.lines - (record.join('').match(/\n/gu)?.length ?? 0), cells: record });
  }
  return { encoding, rows };
}
