/**
 * Reading a platform's JSON export as a table: one row per record, one column per (flattened) key.
 *
 * Platform APIs wrap their records ({code:0, data:{list:[…]}}, {records:[…]}); the records are taken to be the
 * largest array of objects within a few levels. JSON Lines (one object per line) is read line by line so that
 * one broken line is reported with its number and the others still count.
 */
import { decodeText } from './decodeText';
import type { NamedSheet } from './namedSheet';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type JsonObject = { [key: string]: Json };

/** How deep to look for the record array: data.result.list is three levels; exports do not go further. */
const MAX_DEPTH = 4;

const isObject = (value: unknown): value is JsonObject => typeof value === 'object' && value !== null && !Array.isArray(value);

/** The largest array whose items are (mostly) objects, searching breadth-first down to MAX_DEPTH. */
function findRecords(root: Json): JsonObject[] | null {
  let best: JsonObject[] | null = null;
  const visit = (value: Json, depth: number): void => {
    if (Array.isArray(value)) {
      const objects = value.filter(isObject);
      if (objects.length > 0 && objects.length * 2 >= value.length && objects.length > (best?.length ?? 0)) best = objects;
      return;
    }
    if (isObject(value) && depth < MAX_DEPTH) for (const child of Object.values(value)) visit(child, depth + 1);
  };
  visit(root, 0);
  return best;
}

/** {camera:{name:'入口'}, tags:['a','b']} → {'camera.name':'入口', tags:'["a","b"]'}: keys readable as headers. */
function flatten(record: JsonObject, prefix = '', into: Record<string, string> = {}): Record<string, string> {
  for (const [key, value] of Object.entries(record)) {
    const name = prefix ? `${prefix}.${key}` : key;
    if (isObject(value) && Object.keys(value).length > 0) flatten(value, name, into);
    else if (value === null) into[name] = '';
    else if (typeof value === 'object') into[name] = JSON.stringify(value);
    else into[name] = String(value);
  }
  return into;
}

/** Header row (row 0, as the union of keys in first-seen order) followed by the records' cells. */
function toRows(records: Array<{ row: number; record: JsonObject }>): NamedSheet['rows'] {
  const flat = records.map(({ row, record }) => ({ row, cells: flatten(record) }));
  const headers: string[] = [];
  const seen = new Set<string>();
  for (const { cells } of flat) {
    for (const key of Object.keys(cells)) {
      if (!seen.has(key)) {
        seen.add(key);
        headers.push(key);
      }
    }
  }
  // The header is not a record: it is numbered 0 so every record keeps its own line or index number.
  return [{ row: 0, cells: headers }, ...flat.map(({ row, cells }) => ({ row, cells: headers.map((h) => cells[h] ?? '') }))];
}

function looksLikeJsonLines(text: string): boolean {
  const lines = text.split(/\r?\n/u).filter((line) => line.trim() !== '');
  return lines.length > 1 && lines[0]!.trim().startsWith('{') && lines[0]!.trim().endsWith('}');
}

/**
 * A JSON or JSON Lines export as one sheet named `name`. Row numbers: for JSON Lines the file's line number
 * (rowUnit 'line'); for JSON the record's 1-based index in its array (rowUnit 'record'). The header row is row 0.
 * Throws when the file is neither (the caller reports it as skipped).
 */
export function readJsonSheet(bytes: Buffer, name: string): NamedSheet[] {
  const { text, encoding } = decodeText(bytes);
  let whole: Json | undefined;
  try {
    whole = JSON.parse(text) as Json;
  } catch {
    whole = undefined;
  }
  if (whole !== undefined) {
    const records = findRecords(whole) ?? (isObject(whole) ? [whole] : null);
    if (!records) throw new Error('the JSON holds no records (no object or array of objects)');
    return [{ name, encoding, rowUnit: 'record', problems: [], rows: toRows(records.map((record, i) => ({ row: i + 1, record }))) }];
  }
  if (!looksLikeJsonLines(text)) throw new Error('not valid JSON or JSON Lines');
  const problems: NamedSheet['problems'] = [];
  const records: Array<{ row: number; record: JsonObject }> = [];
  text.split(/\r?\n/u).forEach((line, index) => {
    if (line.trim() === '') return;
    try {
      const parsed = JSON.parse(line) as Json;
      if (isObject(parsed)) records.push({ row: index + 1, record: parsed });
      else problems.push({ row: index + 1, reason: 'line is not a JSON object' });
    } catch (error) {
      problems.push({ row: index + 1, reason: `broken JSON line: ${(error as Error).message}` });
    }
  });
  if (records.length === 0) throw new Error('no line of the JSON Lines file is a JSON object');
  return [{ name, encoding, rowUnit: 'line', problems, rows: toRows(records) }];
}
