/**
 * The drafting checks' findings in words, zh-CN and English. Each message says what is wrong and what to do; the
 * drafter decides whether to act on it. Dates in params are ISO and amounts numbers, written here per language.
 */
import { chineseDate } from '../chineseDates';
import { yuanFigures } from '../chineseNumbers';
import { formatMessage } from '../messages';
import type { CheckCode, CheckFinding } from './checkTypes';

type P = Record<string, string | number>;
type Words = { zh: (p: P) => string; en: (p: P) => string };

const zhDate = (v: string | number | undefined) => (typeof v === 'string' && /^\d{4}-\d{2}-\d{2}/u.test(v) ? chineseDate(v) : String(v ?? ''));
const enDate = (v: string | number | undefined) => String(v ?? '');
const zhYuan = (v: string | number | undefined) => (typeof v === 'number' ? yuanFigures(v, { grouping: true }) : String(v ?? ''));
const enYuan = (v: string | number | undefined) => (typeof v === 'number' ? `${yuanFigures(v, { grouping: true }).replace(/元$/u, '')} yuan` : String(v ?? ''));
const section = (p: P) => String(p.title ?? '');

const DATE_PROBLEMS: Record<string, { zh: string; en: string }> = {
  chineseNumerals: { zh: '用了汉字数字', en: 'in Chinese numerals' },
  dotted: { zh: '用了圆点分隔', en: 'with dots' },
  slashed: { zh: '用了斜线分隔', en: 'with slashes' },
  dashed: { zh: '用了短横线分隔', en: 'with dashes' },
  shortYear: { zh: '年份只有两位', en: 'with a two-digit year' },
  leadingZero: { zh: '月或日有前导零', en: 'with a leading zero' },
  noSuchDay: { zh: '该日期不存在', en: 'a day that does not exist' },
};

const ART37 = { zh: '《中华人民共和国行政处罚法》第三十七条', en: 'Administrative Penalty Law art. 37' };

export const CHECK_MESSAGES: Record<CheckCode, Words> = {
  'citation.unresolved': {
    zh: (p) => `引用的条款不存在（${p.statute} 第${p.article}条：${p.problem}），请改正引用。`,
    en: (p) => `A cited provision does not exist (${p.statute} art. ${p.article}: ${p.problem}); correct the citation.`,
  },
  'law.notInForce': {
    zh: (p) => `${p.citation}：所引规定自${zhDate(p.effectiveFrom)}起施行，而违法行为至${zhDate(p.conductLast)}已结束。依照${ART37.zh}，适用违法行为发生时的规定（除非新规定处罚较轻或者不认为违法），不应依据该法认定或处罚，请改用行为发生时有效的规定。`,
    en: (p) => `${p.citation}: in force from ${enDate(p.effectiveFrom)}, but the conduct ended on ${enDate(p.conductLast)}. Under ${ART37.en} the law in force at the time of the conduct applies (unless the new one is lighter); cite the provisions then in force.`,
  },
  'law.partlyInForce': {
    zh: (p) => `${p.citation}：所引规定自${zhDate(p.effectiveFrom)}起施行，违法行为期间为${zhDate(p.conductFirst)}至${zhDate(p.conductLast)}。依照${ART37.zh}，只有${zhDate(p.effectiveFrom)}以后的行为可以依据该法认定，事实和数字请按此区分。`,
    en: (p) => `${p.citation}: in force from ${enDate(p.effectiveFrom)}; the conduct ran from ${enDate(p.conductFirst)} to ${enDate(p.conductLast)}. Under ${ART37.en} only the conduct from ${enDate(p.effectiveFrom)} on may be judged under it; separate the facts and figures accordingly.`,
  },
  'law.notInForceAtDocument': {
    zh: (p) => `${p.citation}：所引版本自${zhDate(p.effectiveFrom)}起施行，文书日期${zhDate(p.documentDate)}时尚未施行，请引用文书作出时有效的版本。`,
    en: (p) => `${p.citation}: the version cited takes effect on ${enDate(p.effectiveFrom)}, after the document's date ${enDate(p.documentDate)}; cite the version in force on that date.`,
  },
  'conduct.datesMissing': {
    zh: () => '违法行为的起止日期未知，无法核对所引法律在行为期间是否有效。',
    en: () => 'The dates of the conduct are unknown, so whether the cited laws were in force then cannot be checked.',
  },
  'fine.notPositive': {
    zh: (p) => `罚款金额为${zhYuan(p.fine)}：如不予罚款，请删除罚款内容；否则请填写罚款金额。`,
    en: (p) => `The fine is ${enYuan(p.fine)}: remove the fine if none is imposed, otherwise enter the amount.`,
  },
  'fine.noBasis': {
    zh: (p) => `拟罚款${zhYuan(p.fine)}，但没有引用处罚依据，请选择罚款所依据的条款。`,
    en: (p) => `A fine of ${enYuan(p.fine)} is imposed but no penalty provision is cited; choose the article it is imposed under.`,
  },
  'fine.aboveCap': {
    zh: (p) => `罚款${zhYuan(p.fine)}超出${p.citation}规定的上限${zhYuan(p.cap)}，请核对金额或处罚依据。`,
    en: (p) => `The fine of ${enYuan(p.fine)} exceeds the ${enYuan(p.cap)} that ${p.citation} allows; check the amount or the basis.`,
  },
  'fine.belowGainsMultiple': {
    zh: (p) => `违法所得为${zhYuan(p.gains)}，${p.citation}规定罚款为违法所得一倍以上十倍以下，罚款${zhYuan(p.fine)}低于下限${zhYuan(p.min)}；如属减轻处罚，请写明依据（行政处罚法第三十二条）。`,
    en: (p) => `With illegal gains of ${enYuan(p.gains)}, ${p.citation} sets a fine of 1 to 10 times the gains; ${enYuan(p.fine)} is below ${enYuan(p.min)}. If this is a mitigated penalty, state its ground (Administrative Penalty Law art. 32).`,
  },
  'fine.aboveGainsMultiple': {
    zh: (p) => `违法所得为${zhYuan(p.gains)}，${p.citation}规定罚款为违法所得一倍以上十倍以下，罚款${zhYuan(p.fine)}超过上限${zhYuan(p.max)}。`,
    en: (p) => `With illegal gains of ${enYuan(p.gains)}, ${p.citation} sets a fine of 1 to 10 times the gains; ${enYuan(p.fine)} exceeds ${enYuan(p.max)}.`,
  },
  'fine.gainsUnknown': {
    zh: (p) => `违法所得无法计算，按${p.citation}“没有违法所得的，处以五十万元以下的罚款”确定幅度（上限${zhYuan(p.cap)}），请在文书中写明违法所得无法计算。`,
    en: (p) => `Illegal gains cannot be calculated: ${p.citation} then allows a fine of up to ${enYuan(p.cap)}; say in the document that the gains cannot be calculated.`,
  },
  'fine.needsRefusal': {
    zh: (p) => `${p.citation}只对“拒不改正的”并处罚款；当事人未被认定拒不改正，罚款${zhYuan(p.fine)}缺少前提，请核对事实或改用其他处罚依据。`,
    en: (p) => `${p.citation} imposes a fine only where the party refused to correct; no refusal is recorded, so the fine of ${enYuan(p.fine)} lacks its condition. Check the facts or the basis.`,
  },
  'fine.provincialOnly': {
    zh: (p) => `${p.citation}（情节严重）由省级以上履行个人信息保护职责的部门处罚，请确认作出机关的级别。`,
    en: (p) => `${p.citation} (serious cases) is for provincial-level departments or above; confirm the issuing body's level.`,
  },
  'fine.textMismatch': {
    zh: (p) => `“${section(p)}”中写的罚款“${p.written}”与决定的罚款${zhYuan(p.fine)}不一致。`,
    en: (p) => `“${section(p)}” states a fine of “${p.written}”, but the fine decided is ${enYuan(p.fine)}.`,
  },
  'docNumber.format': {
    zh: (p) => formatMessage('case.numberInvalid', p, 'zh'),
    en: (p) => formatMessage('case.numberInvalid', p, 'en'),
  },
  'date.missing': {
    zh: () => '文书日期未填写：请填写作出日期（如2022年5月27日）。',
    en: () => 'The document has no date yet: enter the date it is made (e.g. 2022年5月27日).',
  },
  'date.notInText': {
    zh: (p) => `正文中没有按全称写出文书日期“${p.full}”，请在落款处写明。`,
    en: (p) => `The text does not give the document's date in full as “${p.full}”; write it in the signature block.`,
  },
  'date.format': {
    zh: (p) => `“${section(p)}”中的日期“${p.written}”${DATE_PROBLEMS[String(p.problem)]?.zh ?? ''}，公文日期应以阿拉伯数字写全${p.suggestion ? `，如“${p.suggestion}”` : ''}。`,
    en: (p) => `“${section(p)}”: the date “${p.written}” is written ${DATE_PROBLEMS[String(p.problem)]?.en ?? 'wrongly'}; official documents write dates in full in Arabic numerals${p.suggestion ? `, as “${p.suggestion}”` : ''}.`,
  },
  'date.beforeConductEnd': {
    zh: (p) => `文书日期${zhDate(p.date)}早于违法行为结束日${zhDate(p.conductLast)}，请核对日期。`,
    en: (p) => `The document's date ${enDate(p.date)} is before the conduct ended (${enDate(p.conductLast)}); check the dates.`,
  },
  'date.beforeNotice': {
    zh: (p) => `处罚决定日期${zhDate(p.date)}早于行政处罚告知书日期${zhDate(p.noticeDate)}，请核对日期。`,
    en: (p) => `The decision's date ${enDate(p.date)} is before the pre-penalty notice's (${enDate(p.noticeDate)}); check the dates.`,
  },
  'date.noticePeriodOpen': {
    zh: (p) => `告知书日期为${zhDate(p.noticeDate)}，当事人陈述、申辩和要求听证的五个工作日（自送达之日起）最早至${zhDate(p.periodEnd)}届满，处罚决定日期${zhDate(p.date)}在此期间内；除非当事人已陈述申辩完毕，请在期满后作出决定（法定节假日未计入）。`,
    en: (p) => `The notice is dated ${enDate(p.noticeDate)}; the party's 5 working days (from service) to state, defend and request a hearing end on ${enDate(p.periodEnd)} at the earliest, and the decision is dated ${enDate(p.date)}. Unless the party has already been heard, decide after the period (statutory holidays not counted here).`,
  },
  'amount.capitalMismatch': {
    zh: (p) => `“${section(p)}”中金额“${p.figures}”与大写“${p.capital}”（${zhYuan(p.capitalYuan)}）不一致。`,
    en: (p) => `“${section(p)}”: the amount “${p.figures}” and its capital numerals “${p.capital}” (${enYuan(p.capitalYuan)}) differ.`,
  },
  'amount.capitalUnreadable': {
    zh: (p) => `“${section(p)}”中的大写金额“${p.capital}”不合写法，请按“贰拾万元整”的格式书写。`,
    en: (p) => `“${section(p)}”: the capital amount “${p.capital}” is not well formed; write it like 贰拾万元整.`,
  },
  'amount.capitalMissing': {
    zh: (p) => `“${section(p)}”中的金额${zhYuan(p.yuan)}需要同时写出大写。`,
    en: (p) => `“${section(p)}”: the amount ${enYuan(p.yuan)} must also be written in capital numerals.`,
  },
  'amount.capitalNoZheng': {
    zh: (p) => `“${section(p)}”中的大写金额“${p.capital}”到“元”为止，其后应写“整”字（${p.suggestion}）。`,
    en: (p) => `“${section(p)}”: the capital amount “${p.capital}” ends at 元 and should end in 整 (${p.suggestion}).`,
  },
  'amount.figureMismatch': {
    zh: (p) => `“${section(p)}”中写的金额“${p.figures}”与应有的${zhYuan(p.yuan)}不一致。`,
    en: (p) => `“${section(p)}”: the amount written “${p.figures}” is not the ${enYuan(p.yuan)} it should be.`,
  },
  'amount.grouping': {
    zh: (p) => `“${section(p)}”中的金额“${p.figures}”千分位分隔不对，应每三位一组（如200,000元）或不分隔（200000元）。`,
    en: (p) => `“${section(p)}”: the amount “${p.figures}” is grouped wrongly; group by three digits (200,000元) or not at all (200000元).`,
  },
  'section.empty': {
    zh: (p) => `必备部分“${section(p)}”为空，请填写。`,
    en: (p) => `The required part “${section(p)}” is empty; write it.`,
  },
  'section.placeholder': {
    zh: (p) => `“${section(p)}”中还有待填写的内容“${p.placeholder}”。`,
    en: (p) => `“${section(p)}” still has something to fill in: “${p.placeholder}”.`,
  },
  'notice.hearingRight': {
    zh: (p) => `拟罚款${zhYuan(p.fine)}达到较大数额（${zhYuan(p.threshold)}）标准，告知书应告知当事人有要求听证的权利（行政处罚法第六十三条）。`,
    en: (p) => `The proposed fine of ${enYuan(p.fine)} reaches the large-fine threshold (${enYuan(p.threshold)}): the notice must tell the party of the right to a hearing (Administrative Penalty Law art. 63).`,
  },
  'remedy.missing': {
    zh: () => '处罚决定书应写明申请行政复议、提起行政诉讼的途径和期限（行政处罚法第五十九条）。',
    en: () => 'The decision must state how and by when to apply for administrative review or sue (Administrative Penalty Law art. 59).',
  },
};

/** A finding in the user's language ('zh-CN' and 'zh' are the same). */
export function checkMessage(f: CheckFinding, lang: 'zh-CN' | 'zh' | 'en'): string {
  const words = CHECK_MESSAGES[f.code];
  return lang === 'en' ? words.en(f.params) : words.zh(f.params);
}
