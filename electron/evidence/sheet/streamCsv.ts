/**
 * A CSV record sheet read row by row, for sheets too large to hold: the same rows, row numbers and encoding as
 * readCsv gives, but streamed from the file, so a million-row export costs no more memory than a small one.
 * The encoding is decided over the whole file first (a strict UTF-8 check, streamed), as decodeText decides it.
 */
import fs from 'node:fs';
import { parse } from 'csv-parse';
import iconv from 'iconv-lite';
import type { DecodedText } from './decodeText';
import { guessDelimiter } from './readCsv';

export type CsvRow = { row: number; cells: string[] };

/** BOMs first; then strict UTF-8 over every byte; else GB18030 (a superset of the GBK Chinese Windows writes). */
async function encodingOf(file: string): Promise<{ encoding: DecodedText['encoding']; skip: number }> {
  const handle = await fs.promises.open(file, 'r');
  const head = Buffer.alloc(3);
  try {
    await handle.read(head, 0, 3, 0);
  } finally {
    await handle.close();
  }
  if (head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) return { encoding: 'utf-8-bom', skip: 3 };
  if (head[0] === 0xff && head[1] === 0xfe) return { encoding: 'utf-16le', skip: 2 };
  if (head[0] === 0xfe && head[1] === 0xff) return { encoding: 'utf-16be', skip: 2 };
  const decoder = new TextDecoder('utf-8', { fatal: true });
  try {
    for await (const chunk of fs.createReadStream(file)) decoder.decode(chunk as Buffer, { stream: true });
    decoder.decode();
    return { encoding: 'utf-8', skip: 0 };
  } catch {
    return { encoding: 'gb18030', skip: 0 };
  }
}

const ICONV_NAME: Record<DecodedText['encoding'], string> = {
  'utf-8': 'utf8', 'utf-8-bom': 'utf8', 'utf-16le': 'utf16le', 'utf-16be': 'utf16be', gb18030: 'gb18030',
};

/** The delimiter, guessed from the first line as readCsv guesses it. */
async function delimiterOf(file: string, encoding: DecodedText['encoding'], skip: number): Promise<',' | '\t' | ';'> {
  const handle = await fs.promises.open(file, 'r');
  const sample = Buffer.alloc(64 * 1024);
  let read = 0;
  try {
    read = (await handle.read(sample, 0, sample.length, skip)).bytesRead;
  } finally {
    await handle.close();
  }
  return guessDelimiter(iconv.decode(sample.subarray(0, read), ICONV_NAME[encoding]));
}

export async function streamCsv(file: string): Promise<{ encoding: DecodedText['encoding']; rows: AsyncGenerator<CsvRow> }> {
  const { encoding, skip } = await encodingOf(file);
  const delimiter = await delimiterOf(file, encoding, skip);
  async function* rows(): AsyncGenerator<CsvRow> {
    const parser = fs
      .createReadStream(file, { start: skip })
      .pipe(iconv.decodeStream(ICONV_NAME[encoding]))
      .pipe(parse({ delimiter, relax_column_count: true, relax_quotes: true, skip_empty_lines: false, trim: true, info: true }));
    for await (const { record, info } of parser as AsyncIterable<{ record: string[]; info: { lines: number } }>) {
      if (record.every((cell) => cell === '')) continue;
      // info.lines is the line the record ends on; a record spanning lines (a quoted newline) starts earlier.
      yield { row: info.lines - (record.join('').match(/\n/gu)?.length ?? 0), cells: record };
    }
  }
  return { encoding, rows: rows() };
}
