/**
 * Dates: the document's date set, written in full in the text (2022年5月27日), every date in the text in that form,
 * and in order: not before the conduct ended, a decision not before the notice nor inside the party's 5 working
 * days from service to state, defend and ask for a hearing (程序规定 第五十七条第二款). Holidays are not known
 * here (shared/chineseDates.ts), so a period over a holiday ends later than this check assumes: it errs towards quiet.
 */
import { addWorkingDays, chineseDate, findDateProblems } from '../chineseDates';
import type { CheckFinding, CheckInput } from './checkTypes';

const NOTICE_PERIOD_WORKING_DAYS = 5;
const DATED_KINDS = new Set(['decision', 'notice', 'report']);
const day = (iso: string) => iso.slice(0, 10);

export function checkDates(input: CheckInput): CheckFinding[] {
  const out: CheckFinding[] = [];
  for (const t of input.texts) {
    for (const p of findDateProblems(t.text)) {
      out.push({ code: 'date.format', severity: 'warning', section: t.section, params: { title: t.title, written: p.text, problem: p.kind, suggestion: p.suggestion ?? '' } });
    }
  }
  if (!DATED_KINDS.has(input.kind)) return out;
  if (!input.documentDate) return [...out, { code: 'date.missing', severity: 'warning', params: {} }];

  const date = day(input.documentDate);
  const full = chineseDate(date);
  if (!input.texts.some((t) => t.text.includes(full))) out.push({ code: 'date.notInText', severity: 'warning', params: { date, full } });
  if (input.conduct.last && date < day(input.conduct.last)) {
    out.push({ code: 'date.beforeConductEnd', severity: 'warning', params: { date, conductLast: day(input.conduct.last) } });
  }
  if (input.kind === 'decision' && input.noticeDate) {
    const notice = day(input.noticeDate);
    const periodEnd = addWorkingDays(notice, NOTICE_PERIOD_WORKING_DAYS);
    if (date < notice) out.push({ code: 'date.beforeNotice', severity: 'warning', params: { date, noticeDate: notice } });
    else if (date <= periodEnd) out.push({ code: 'date.noticePeriodOpen', severity: 'warning', params: { date, noticeDate: notice, periodEnd } });
  }
  return out;
}
