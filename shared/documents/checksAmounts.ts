/**
 * Amounts as printed: the capital numerals must say what the figures say (罚款200000元（大写：贰拾万元整）), and
 * thousands separators must group by three. Read from the texts, and from the structured amounts a template gives.
 */
import { groupingProblem, parseYuanCapital, parseYuanFigures, yuanCapital } from '../chineseNumbers';
import type { CheckFinding, CheckInput } from './checkTypes';

// A capital amount starts with a digit: "万元" alone (as in 20万元) is not one.
const CAPITAL = '[壹贰叁肆伍陆柒捌玖][零壹贰叁肆伍陆柒捌玖拾佰仟万亿元圆角分整正]*';
const FIGURE = '\\d[\\d,]*(?:\\.\\d+)?';
// 200000元（大写：贰拾万元整）, 20万元（大写：人民币贰拾万元整）
const FIGURE_THEN_CAPITAL = new RegExp(`(${FIGURE})\\s*(万?)元\\s*[（(]\\s*(?:大写)?\\s*[：:]?\\s*(?:人民币)?(${CAPITAL})\\s*[）)]`, 'gu');
// 人民币贰拾万元整（¥200,000.00）, 贰拾万元整（小写：200000元）
const CAPITAL_THEN_FIGURE = new RegExp(`(?:人民币)?(${CAPITAL})\\s*[（(]\\s*(?:小写)?\\s*[：:]?\\s*[¥￥]?\\s*(${FIGURE})\\s*(万?)元?\\s*[）)]`, 'gu');
// A figure with separators, followed by 元 or preceded by ¥: the only places a comma is a thousands separator.
const GROUPED = /(?:[¥￥]\s*(\d[\d,]*,\d+(?:\.\d+)?))|(?:(?<![\d,])(\d[\d,]*,\d+(?:\.\d+)?)\s*万?元)/gu;

const differs = (a: number, b: number) => Math.abs(a - b) >= 0.005;

/** Banking rule: a capital amount that stops at 元 ends in 整 (贰拾万元整, not 贰拾万元). */
function noZheng(section: string, title: string, capital: string, yuan: number): CheckFinding[] {
  if (!/[元圆]$/u.test(capital.trim())) return [];
  return [{ code: 'amount.capitalNoZheng', severity: 'info', section, params: { title, capital, suggestion: yuanCapital(yuan) } }];
}

export function checkAmountsInText(input: CheckInput): CheckFinding[] {
  const out: CheckFinding[] = [];
  for (const t of input.texts) {
    const pairs = [
      ...[...t.text.matchAll(FIGURE_THEN_CAPITAL)].map((m) => ({ figures: `${m[1]}${m[2]}元`, capital: m[3]! })),
      ...[...t.text.matchAll(CAPITAL_THEN_FIGURE)].map((m) => ({ figures: `${m[2]}${m[3]}元`, capital: m[1]! })),
    ];
    for (const { figures, capital } of pairs) {
      const value = parseYuanFigures(figures);
      const said = parseYuanCapital(capital);
      if (value === null) continue;
      if (said === null) out.push({ code: 'amount.capitalUnreadable', severity: 'warning', section: t.section, params: { title: t.title, capital } });
      else if (differs(value, said)) {
        out.push({ code: 'amount.capitalMismatch', severity: 'warning', section: t.section, params: { title: t.title, figures, capital, capitalYuan: said } });
      } else out.push(...noZheng(t.section, t.title, capital, said));
    }
    for (const m of t.text.matchAll(GROUPED)) {
      const figure = m[1] ?? m[2]!;
      if (groupingProblem(figure)) out.push({ code: 'amount.grouping', severity: 'warning', section: t.section, params: { title: t.title, figures: figure } });
    }
  }
  return out;
}

export function checkStructuredAmounts(input: CheckInput): CheckFinding[] {
  const out: CheckFinding[] = [];
  for (const a of input.amounts ?? []) {
    const title = input.texts.find((t) => t.section === a.section)?.title ?? a.section;
    if (a.figures !== null) {
      const value = parseYuanFigures(a.figures);
      if (value === null || differs(value, a.yuan)) {
        out.push({ code: 'amount.figureMismatch', severity: 'warning', section: a.section, params: { title, figures: a.figures, yuan: a.yuan } });
      }
      if (groupingProblem(a.figures.replace(/万?元$/u, ''))) out.push({ code: 'amount.grouping', severity: 'warning', section: a.section, params: { title, figures: a.figures } });
    }
    if (a.capital === null || a.capital.trim() === '') {
      if (a.capitalRequired) out.push({ code: 'amount.capitalMissing', severity: 'warning', section: a.section, params: { title, yuan: a.yuan } });
      continue;
    }
    const said = parseYuanCapital(a.capital);
    if (said === null) out.push({ code: 'amount.capitalUnreadable', severity: 'warning', section: a.section, params: { title, capital: a.capital } });
    else if (differs(said, a.yuan)) {
      out.push({ code: 'amount.capitalMismatch', severity: 'warning', section: a.section, params: { title, figures: String(a.yuan), capital: a.capital, capitalYuan: said } });
    } else out.push(...noZheng(a.section, title, a.capital, said));
  }
  return out;
}
