/**
 * Case document numbers (文号) such as 禹市监处罚〔2022〕12号.
 *
 * GB/T 9704-2012 and the market-supervision templates want: the issuing body's code, the year in
 * 六角括号 〔〕, a serial number without leading zeros and without 第, then 号. Drafters often type
 * [2022], (2022), （2022） or 【2022】 instead, or 第012号; each of those is reported so it can be fixed.
 */
export type CaseNumberProblem =
  | 'empty'
  | 'brackets' // year not in 〔〕
  | 'year' // no four-digit year found
  | 'serial' // no serial number before 号
  | 'leadingZero'
  | 'di' // 第 before the serial
  | 'hao'; // does not end in 号

export interface CaseNumberResult {
  ok: boolean;
  problems: CaseNumberProblem[];
  /** A corrected form when the problems are mechanical (brackets, 第, leading zeros). */
  suggestion?: string;
}

const WELL_FORMED = /^(.+?)〔(\d{4})〕([1-9]\d*)号$/u;
const LOOSE = /^(.*?)[〔[(（【]\s*(\d{4})\s*[〕\])）】]\s*(第)?\s*(\d+)\s*(号)?$/u;

export function validateCaseNumber(raw: string): CaseNumberResult {
  const text = raw.trim();
  if (!text) return { ok: false, problems: ['empty'] };
  if (WELL_FORMED.test(text)) return { ok: true, problems: [] };

  const problems: CaseNumberProblem[] = [];
  const loose = LOOSE.exec(text);
  if (!loose) {
    if (!/\d{4}/u.test(text)) problems.push('year');
    else problems.push('brackets');
    if (!/\d+号$/u.test(text)) problems.push(/号$/u.test(text) ? 'serial' : 'hao');
    return { ok: false, problems };
  }
  const [, body, year, di, serial, hao] = loose;
  if (!/〔\d{4}〕/u.test(text)) problems.push('brackets');
  if (di) problems.push('di');
  if (/^0\d/u.test(serial!)) problems.push('leadingZero');
  if (!hao) problems.push('hao');
  const suggestion = `${body!.trim()}〔${year}〕${Number(serial)}号`;
  return { ok: false, problems, suggestion };
}
