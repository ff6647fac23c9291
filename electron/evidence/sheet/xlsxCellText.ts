/**
 * A workbook cell's value as the text an analyst sees in Excel, so a sheet read from XLSX gives the same cells as
 * the same sheet saved as CSV, and later steps (time parsing, file look-up) need not know the format.
 *
 * Dates: Excel stores a serial number of days in local wall time, with no zone. exceljs turns it into a JS Date
 * whose UTC fields are that wall time, so the UTC fields are read back, never local ones: the text must not move
 * with the machine's zone. Numbers: integers in full (phone numbers and ids must not become 1.3812345678E+10).
 */

export interface XlsxCell {
  value: unknown;
  /** The cell's number format code, when styles were read ('yyyy-mm-dd hh:mm:ss', '0.00%', 'General'). */
  numFmt?: string | undefined;
}

/** Days between Excel's 1900 epoch (as Excel counts it, with its fictional 1900-02-29) and 1970-01-01. */
const EXCEL_EPOCH_OFFSET_DAYS = 25569;
const DAY_MS = 24 * 3600 * 1000;

const pad = (n: number, width = 2): string => String(n).padStart(width, '0');

/** True when a number format shows a date or time (quoted text and [colour]/[$-locale] parts aside). */
export function isDateFormat(numFmt: string | undefined): boolean {
  if (!numFmt) return false;
  const code = numFmt.replace(/\[[^\]]*\]/gu, '').replace(/"[^"]*"/gu, '').replace(/\\./gu, '');
  return /[ymdhs]/iu.test(code) && !/^general$/iu.test(code.trim());
}

/** Whether a date format shows the day: y or d ('m' alone is ambiguous, but no Excel day format lacks both). */
function formatHasDate(numFmt: string): boolean {
  return /[yd]/iu.test(numFmt.replace(/\[[^\]]*\]/gu, '').replace(/"[^"]*"/gu, ''));
}

function formatHasTime(numFmt: string): boolean {
  const code = numFmt.replace(/\[[^\]]*\]/gu, '').replace(/"[^"]*"/gu, '');
  return /[hs]/iu.test(code);
}

/** Wall-clock text of a Date made from an Excel serial: its UTC fields are the wall time. */
function wallClock(date: Date, numFmt: string | undefined): string {
  const ms = date.getTime();
  if (!Number.isFinite(ms)) return '';
  const dayPart = `${pad(date.getUTCFullYear(), 4)}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())}`;
  const millis = date.getUTCMilliseconds();
  const timePart = `${pad(date.getUTCHours())}:${pad(date.getUTCMinutes())}:${pad(date.getUTCSeconds())}${millis ? `.${pad(millis, 3)}` : ''}`;
  const midnight = ms % DAY_MS === 0;
  // A time-only cell (09:30:15) is a serial below 1: Excel shows the time alone, and so do we.
  const serial = ms / DAY_MS + EXCEL_EPOCH_OFFSET_DAYS;
  if (numFmt && !formatHasDate(numFmt) && formatHasTime(numFmt) && serial >= 0 && serial < 1) return timePart;
  // A date-only format on a whole day shows the date; if the value carries a time, it is kept (it is evidence).
  if (midnight && numFmt && !formatHasTime(numFmt)) return dayPart;
  return `${dayPart} ${timePart}`;
}

/** An Excel serial (a formula's cached result, or a date Excel did not mark) as the Date exceljs would make. */
export function excelSerialToDate(serial: number, date1904 = false): Date {
  return new Date(Math.round((serial - EXCEL_EPOCH_OFFSET_DAYS + (date1904 ? 1462 : 0)) * DAY_MS));
}

function decimalsOf(fraction: string): number {
  return (fraction.match(/[0#?]/gu) ?? []).length;
}

/** A number as Excel shows it for the formats evidence sheets use; anything else in Excel's 'General' style. */
function formatNumber(n: number, numFmt: string | undefined): string {
  if (!Number.isFinite(n)) return String(n);
  const code = (numFmt ?? '').replace(/\[[^\]]*\]/gu, '').replace(/"[^"]*"/gu, '').split(';')[0]!.trim();
  if (/%$/u.test(code)) {
    const decimals = decimalsOf(code.split('.')[1] ?? '');
    return `${(n * 100).toFixed(decimals)}%`;
  }
  const fixed = /^[#,0]*0\.([0#?]+)$/u.exec(code);
  if (fixed) return n.toFixed(decimalsOf(fixed[1]!));
  if (Number.isInteger(n)) {
    // Integers in full: toLocaleString would add separators, String() switches to exponents above 1e21 only.
    return Math.abs(n) < 1e21 ? BigInt(n).toString() : String(n);
  }
  // 'General' shows at most 15 significant digits, which also hides binary noise (0.1 + 0.2).
  return String(Number(n.toPrecision(15)));
}

interface RichTextValue { richText: Array<{ text?: string | null }> }
interface FormulaValue { formula?: string; sharedFormula?: string; result?: unknown }
interface HyperlinkValue { text?: unknown; hyperlink?: string }
interface ErrorValue { error: string }

export function xlsxCellText(cell: XlsxCell, date1904 = false): string {
  const { value, numFmt } = cell;
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (typeof value === 'number') {
    return isDateFormat(numFmt) ? wallClock(excelSerialToDate(value, date1904), numFmt) : formatNumber(value, numFmt);
  }
  if (value instanceof Date) return wallClock(value, numFmt);
  if (typeof value === 'object') {
    if ('richText' in value) return (value as RichTextValue).richText.map((run) => run.text ?? '').join('');
    // A formula: what Excel last computed and showed, not the formula text.
    if ('formula' in value || 'sharedFormula' in value || 'result' in value) {
      const result = (value as FormulaValue).result;
      if (result !== null && typeof result === 'object' && 'error' in result) return String((result as ErrorValue).error);
      return xlsxCellText({ value: result, numFmt }, date1904);
    }
    if ('hyperlink' in value || 'text' in value) {
      const link = value as HyperlinkValue;
      const text = xlsxCellText({ value: link.text, numFmt }, date1904);
      return text || (link.hyperlink ?? '');
    }
    if ('error' in value) return String((value as ErrorValue).error);
  }
  return String(value as string);
}
