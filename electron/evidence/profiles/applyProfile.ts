/**
 * Reading a sheet through a column-mapping profile: the profile names the header row and the column of each
 * field; fields it does not name are still recognised from their headers (so a profile need only list the odd
 * columns). The result is the same CaptureTable the automatic path gives, so the rest of the import is shared.
 */
import { UserError } from '../../../shared/messages';
import type { CaptureTable } from '../sheet/captureTable';
import { missingAuthFields, missingCaptureFields, normaliseHeader, recogniseHeaders, type CaptureField } from '../sheet/headerAliases';
import type { SheetRows } from '../sheet/readCsv';
import type { ColumnProfile } from './profileSchema';

const HEADER_SEARCH_ROWS = 10;

/** The index in `sheet.rows` of the header: the profile's row, or the first early row holding its header names. */
function headerIndex(sheet: SheetRows, profile: ColumnProfile, names: string[]): number {
  if (profile.headerRow !== undefined) return sheet.rows.findIndex((r) => r.row === profile.headerRow);
  if (names.length === 0) return 0;
  let best = { index: -1, found: 0 };
  sheet.rows.slice(0, HEADER_SEARCH_ROWS).forEach(({ cells }, index) => {
    const present = new Set(cells.map(normaliseHeader));
    const found = names.filter((name) => present.has(normaliseHeader(name))).length;
    if (found > best.found) best = { index, found };
  });
  return best.index;
}

/** Throws UserError 'profile.columnsMissing' naming every header not found and every required field not mapped. */
export function applyProfile(sheet: SheetRows & { name?: string }, profile: ColumnProfile): CaptureTable {
  const entries = Object.entries(profile.columns) as Array<[CaptureField, string | number]>;
  const names = entries.map(([, column]) => column).filter((c): c is string => typeof c === 'string');
  const fail = (missing: string[]): never => {
    throw new UserError('profile.columnsMissing', { profile: profile.name, sheet: sheet.name ?? '', missing: missing.join(', ') });
  };

  const noHeader = profile.headerRow === 0;
  const index = noHeader ? -1 : headerIndex(sheet, profile, names);
  if (!noHeader && index < 0) {
    fail([profile.headerRow !== undefined ? `header row ${profile.headerRow}` : names.map((n) => `"${n}"`).join(', ')]);
  }
  const rows = sheet.rows.slice(index + 1);
  const width = Math.max(0, ...sheet.rows.slice(Math.max(index, 0), index + 21).map((r) => r.cells.length));
  const headers = noHeader
    ? Array.from({ length: width }, (_, i) => `column ${i + 1}`)
    : sheet.rows[index]!.cells;

  const columnOf = new Map<CaptureField, number>();
  const missing: string[] = [];
  for (const [field, column] of entries) {
    const at = typeof column === 'number' ? (column < width ? column : -1) : headers.findIndex((h) => normaliseHeader(h) === normaliseHeader(column));
    if (at < 0) missing.push(typeof column === 'number' ? `${field} → column ${column} (the sheet has ${width})` : `${field} → "${column}"`);
    else columnOf.set(field, at);
  }
  if (missing.length > 0) fail(missing);

  // Recognised headers fill the fields the profile leaves out, never on a column the profile has given a field.
  const taken = new Set(columnOf.values());
  const mapping: Partial<Record<CaptureField, number>> = {};
  if (!noHeader) {
    for (const [field, at] of Object.entries(recogniseHeaders(headers)) as Array<[CaptureField, number]>) {
      if (!taken.has(at) && !columnOf.has(field)) mapping[field] = at;
    }
  }
  for (const [field, at] of columnOf) mapping[field] = at;

  const required = profile.kind === 'auth' ? missingAuthFields(mapping) : missingCaptureFields(mapping);
  if (required.length > 0) fail(required);
  return {
    headerRow: noHeader ? 0 : sheet.rows[index]!.row,
    headers,
    mapping,
    rows,
    ...(profile.timeFormat ? { timeFormat: profile.timeFormat } : {}),
  };
}
