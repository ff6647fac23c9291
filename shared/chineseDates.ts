/**
 * Dates as official documents write them, and the working days the procedure counts.
 *
 * GB/T 9704-2012 (7.3.5.3) wants the date in Arabic numerals, in full, without leading zeros: 2022年5月27日. The
 * old style 二〇二二年五月二十七日 and the shorthands 2022.5.27, 2022/05/27, 22年5月27日 are found and reported.
 */

const DAY_MS = 86_400_000;

function parseIso(iso: string): { y: number; m: number; d: number } {
  const match = /^(\d{4})-(\d{2})-(\d{2})/u.exec(iso);
  if (!match) throw new RangeError(`not an ISO date: ${iso}`);
  const [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (!isRealDate(y, m, d)) throw new RangeError(`no such day: ${iso}`);
  return { y, m, d };
}

function isRealDate(y: number, m: number, d: number): boolean {
  const t = new Date(Date.UTC(y, m - 1, d));
  return t.getUTCFullYear() === y && t.getUTCMonth() === m - 1 && t.getUTCDate() === d;
}

const iso = (y: number, m: number, d: number) => `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;

/** 2022-05-27 → 2022年5月27日 (a time or offset after the date is ignored: the date is the calendar day written). */
export function chineseDate(isoDate: string): string {
  const { y, m, d } = parseIso(isoDate);
  return `${y}年${m}月${d}日`;
}

/** 2022年5月27日 → 2022-05-27; null for anything else, a day that does not exist included. */
export function parseChineseDate(text: string): string | null {
  const m = /^(\d{4})年(\d{1,2})月(\d{1,2})日$/u.exec(text.trim());
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  return isRealDate(y, mo, d) ? iso(y, mo, d) : null;
}

export type DateProblemKind =
  | 'chineseNumerals' // 二〇二二年五月二十七日: the pre-2012 style
  | 'dotted' // 2022.5.27
  | 'slashed' // 2022/05/27
  | 'dashed' // 2022-05-27 in running text
  | 'shortYear' // 22年5月27日
  | 'leadingZero' // 2022年05月07日
  | 'noSuchDay'; // 2022年2月30日

export interface DateProblem {
  kind: DateProblemKind;
  /** The date as written, and where it starts in the text. */
  text: string;
  index: number;
  /** The full form, when the date is a real day. */
  suggestion?: string;
}

const HAN_DIGIT: Record<string, number> = { 〇: 0, '○': 0, 零: 0, O: 0, 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };

/** 二十七 → 27, 十 → 10, 五 → 5 (months and days only). */
function hanSmall(text: string): number | null {
  const m = /^([一二三])?(十)?([一二三四五六七八九])?$/u.exec(text);
  if (!m || !text) return null;
  if (!m[2]) return m[1] && m[3] ? null : HAN_DIGIT[m[1] ?? m[3]!]!;
  return (m[1] ? HAN_DIGIT[m[1]]! : 1) * 10 + (m[3] ? HAN_DIGIT[m[3]]! : 0);
}

// Dates inside file paths and names (capture/2021-04-18/cam1.jpg, cam_2021-04-18_0912.jpg) are names, not dates
// written in the text: a path separator or underscore next to a date leaves it alone.
const PATTERNS: { kind: DateProblemKind; re: RegExp; read: (m: RegExpExecArray) => [number, number, number] | null }[] = [
  {
    kind: 'chineseNumerals',
    re: /([〇○零O一二三四五六七八九]{4})年([一二三四五六七八九十]{1,3})月([一二三四五六七八九十]{1,3})日/gu,
    read: (m) => {
      const y = Number([...m[1]!].map((c) => HAN_DIGIT[c]).join(''));
      const mo = hanSmall(m[2]!);
      const d = hanSmall(m[3]!);
      return mo === null || d === null ? null : [y, mo, d];
    },
  },
  { kind: 'dotted', re: /(?<![\d./\\_])(\d{4})\.(\d{1,2})\.(\d{1,2})(?![\d./\\_])/gu, read: (m) => [Number(m[1]), Number(m[2]), Number(m[3])] },
  { kind: 'slashed', re: /(?<![\d/\\_])(\d{4})\/(\d{1,2})\/(\d{1,2})(?![\d/\\_])/gu, read: (m) => [Number(m[1]), Number(m[2]), Number(m[3])] },
  { kind: 'dashed', re: /(?<![\d\-/\\_])(\d{4})-(\d{1,2})-(\d{1,2})(?![\d\-/\\_])/gu, read: (m) => [Number(m[1]), Number(m[2]), Number(m[3])] },
  { kind: 'shortYear', re: /(?<!\d)(\d{2})年(\d{1,2})月(\d{1,2})日/gu, read: (m) => [2000 + Number(m[1]), Number(m[2]), Number(m[3])] },
  {
    kind: 'leadingZero',
    re: /(?<!\d)(\d{4})年(0\d|\d{1,2})月(0\d|\d{1,2})日/gu,
    // Only a problem when a zero leads; a well-written date matches this pattern too and is skipped below.
    read: (m) => [Number(m[1]), Number(m[2]), Number(m[3])],
  },
];

/** Every date in a text not written in full Arabic form (2022年5月27日), with the form it should take. */
export function findDateProblems(text: string): DateProblem[] {
  const found: DateProblem[] = [];
  for (const { kind, re, read } of PATTERNS) {
    for (const m of text.matchAll(re)) {
      const parts = read(m as RegExpExecArray);
      const written = m[0];
      if (kind === 'leadingZero' && !/年0|月0/u.test(written)) {
        if (parts && !isRealDate(...parts)) found.push({ kind: 'noSuchDay', text: written, index: m.index });
        continue;
      }
      const real = parts !== null && isRealDate(...parts);
      found.push({ kind, text: written, index: m.index, ...(real ? { suggestion: `${parts[0]}年${parts[1]}月${parts[2]}日` } : {}) });
    }
  }
  return found.sort((a, b) => a.index - b.index);
}

// ——— Working days ———
//
// Saturdays and Sundays are not working days. Statutory holidays (春节, 国庆节…) and the weekend days worked in
// exchange (调休) are set each year by the State Council and are not known here: a caller that has the year's
// calendar passes it, otherwise the result is the weekday count and says nothing about holidays.

export interface WorkingCalendar {
  /** ISO dates that are holidays although weekdays. */
  holidays?: Iterable<string>;
  /** ISO dates that are working days although weekends (调休). */
  workdays?: Iterable<string>;
}

function isWorkingDay(dayNumber: number, holidays: Set<string>, workdays: Set<string>): boolean {
  const date = new Date(dayNumber * DAY_MS).toISOString().slice(0, 10);
  if (workdays.has(date)) return true;
  if (holidays.has(date)) return false;
  const weekday = new Date(dayNumber * DAY_MS).getUTCDay();
  return weekday !== 0 && weekday !== 6;
}

function dayNumberOf(isoDate: string): number {
  const { y, m, d } = parseIso(isoDate);
  return Date.UTC(y, m - 1, d) / DAY_MS;
}

/**
 * The day on which a period of `n` working days that starts on `isoDate` ends. The starting day is not counted (the
 * period runs from the next day, as 行政处罚法 and 程序规定 count periods): a notice served on Friday 2022-05-27
 * with 5 working days ends on Friday 2022-06-03.
 */
export function addWorkingDays(isoDate: string, n: number, calendar: WorkingCalendar = {}): string {
  if (!Number.isInteger(n) || n < 0) throw new RangeError(`working days: ${n}`);
  const holidays = new Set(calendar.holidays ?? []);
  const workdays = new Set(calendar.workdays ?? []);
  let day = dayNumberOf(isoDate);
  for (let left = n; left > 0; ) {
    day++;
    if (isWorkingDay(day, holidays, workdays)) left--;
  }
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

/** Working days after `fromIso` up to and including `toIso` (0 when `toIso` is not later). */
export function workingDaysBetween(fromIso: string, toIso: string, calendar: WorkingCalendar = {}): number {
  const holidays = new Set(calendar.holidays ?? []);
  const workdays = new Set(calendar.workdays ?? []);
  let count = 0;
  for (let day = dayNumberOf(fromIso) + 1, end = dayNumberOf(toIso); day <= end; day++) {
    if (isWorkingDay(day, holidays, workdays)) count++;
  }
  return count;
}
