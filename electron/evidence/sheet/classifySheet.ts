/**
 * What a sheet is: capture records, authentication records (客户认证记录), or something the headers do not tell,
 * in which case the analyst maps its columns by hand from a preview (and may save that mapping as a profile).
 *
 * A capture sheet has a capture time and a camera (captureTable.ts). An authentication sheet names a customer
 * (name or phone) and a person id or face image; its time, if any, is the authentication time.
 */
import type { ColumnProfile } from '../profiles/profileSchema';
import { applyProfile } from '../profiles/applyProfile';
import { findCaptureTable, type CaptureTable } from './captureTable';
import { missingAuthFields, recogniseHeaders, type CaptureField } from './headerAliases';
import type { SheetRows } from './readCsv';

export const HEADER_SEARCH_ROWS = 10;
export const PREVIEW_ROWS = 20;

export interface SheetPreview {
  /** Candidate header rows among the first rows: the sheet row number, its cells, and the fields they name. */
  headerCandidates: Array<{ row: number; cells: string[]; recognised: Partial<Record<CaptureField, number>> }>;
  /** The first rows as they are, for the mapping step's table. */
  rows: SheetRows['rows'];
  /** How many columns the widest of those rows has: one drop-down per column. */
  columnCount: number;
  totalRows: number;
}

export type SheetClass =
  | { kind: 'captures'; table: CaptureTable }
  | { kind: 'auth'; table: CaptureTable }
  | { kind: 'unknown'; preview: SheetPreview };

/** The first rows where a header row could be, most recognised fields first. */
function headerCandidates(sheet: SheetRows): SheetPreview['headerCandidates'] {
  return sheet.rows
    .slice(0, HEADER_SEARCH_ROWS)
    .map(({ row, cells }) => ({ row, cells, recognised: recogniseHeaders(cells) }))
    .filter((candidate) => Object.keys(candidate.recognised).length > 0)
    .sort((a, b) => Object.keys(b.recognised).length - Object.keys(a.recognised).length || a.row - b.row);
}

export function previewSheet(sheet: SheetRows): SheetPreview {
  const rows = sheet.rows.slice(0, PREVIEW_ROWS);
  return {
    headerCandidates: headerCandidates(sheet),
    rows,
    columnCount: Math.max(0, ...rows.map((r) => r.cells.length)),
    totalRows: sheet.rows.length,
  };
}

/** The header row that best names an authentication table, if any does. */
export function findAuthTable(sheet: SheetRows): CaptureTable | null {
  for (const candidate of headerCandidates(sheet)) {
    if (missingAuthFields(candidate.recognised).length > 0) continue;
    const index = sheet.rows.findIndex((r) => r.row === candidate.row);
    return { headerRow: candidate.row, headers: candidate.cells, mapping: candidate.recognised, rows: sheet.rows.slice(index + 1) };
  }
  return null;
}

/** Sheet or file names that say "authentication": they decide a sheet that would pass as either kind. */
const AUTH_NAME = /认证|核验|实名|登记|auth|verif|regist/iu;

/**
 * With a profile, the profile decides (and its errors are thrown: the analyst chose it). Without, the headers do;
 * `name` (the NamedSheet's name, if it has one) breaks a tie between the two kinds.
 */
export function classifySheet(sheet: SheetRows & { name?: string }, profile?: ColumnProfile): SheetClass {
  if (profile) return { kind: profile.kind, table: applyProfile(sheet, profile) };
  const captures = findCaptureTable(sheet);
  const auth = findAuthTable(sheet);
  // A capture sheet often also lists the matched customer and person id, so when both kinds fit, captures win
  // unless the sheet's or file's name says authentication.
  if (auth && (!captures || AUTH_NAME.test(sheet.name ?? ''))) return { kind: 'auth', table: auth };
  if (captures) return { kind: 'captures', table: captures };
  return { kind: 'unknown', preview: previewSheet(sheet) };
}
