/**
 * Reading a CSV or tab-separated record sheet into a header row and data rows, tolerating the broken rows
 * real exports contain (they are reported, not fatal).
 */
import { parse } from 'csv-parse/sync';
import { decodeText, type DecodedText } from './decodeText';

export interface SheetTable {
  encoding: DecodedText['encoding'];
  headers: string[];
  /** Data rows with their 1-based row number in the sheet (header excluded). */
  rows: Array<{ row: number; cells: string[] }>;
}

function guessDelimiter(text: string): ',' | '\t' | ';' {
  const firstLine = text.slice(0, text.search(/\r?\n/u) >>> 0 || text.length);
  const counts = { ',': 0, '\t': 0, ';': 0 };
  for (const ch of firstLine) if (ch in counts) counts[ch as keyof typeof counts]++;
  if (counts['\t'] > counts[','] && counts['\t'] >= counts[';']) return '\t';
  if (counts[';'] > counts[',']) return ';';
  return ',';
}

export function readCsv(bytes: Buffer): SheetTable {
  const { text, encoding } = decodeText(bytes);
  const records = parse(text, {
    delimiter: guessDelimiter(text),
    relax_column_count: true,
    relax_quotes: true,
    skip_empty_lines: true,
    trim: true,
  }) as string[][];
  const [headers = [], ...data] = records;
  return {
    encoding,
    headers,
    rows: data.map((cells, i) => ({ row: i + 1, cells })),
  };
}
