/**
 * Is the fine within the range of the article it is imposed under?
 *
 * 消费者权益保护法 第五十六条第一款 (and 侵害消费者权益行为处罚办法 第十四条, which punishes under it): one to ten times
 * the illegal gains; up to 500,000 yuan where there are none, which is also how "无法计算" is treated in practice.
 * 个人信息保护法 第六十六条第一款: a fine (up to 1,000,000 yuan) only where the party refused to correct.
 * 第二款 (serious cases): up to 50,000,000 yuan or 5 % of last year's turnover, by a provincial-level department.
 */
import { parseYuanCapital, parseYuanFigures } from '../chineseNumbers';
import { citationText, refProblem, type CitationRef } from '../legal';
import type { CheckFinding, CheckInput } from './checkTypes';

const CONSUMER_CAP = 500_000;
const PIPL_CAP = 1_000_000;
const PIPL_SERIOUS_CAP = 50_000_000;
const PIPL_TURNOVER_SHARE = 0.05;

const isConsumer56 = (r: CitationRef) =>
  (r.statute === 'consumerProtection' && r.article === 56) || (r.statute === 'consumerPenaltyMeasures' && r.article === 14);
const isPipl66 = (r: CitationRef) => r.statute === 'pipl' && r.article === 66;

export function checkFineRange(input: CheckInput): CheckFinding[] {
  const penalty = input.penalty;
  if (!penalty || penalty.fineYuan === null) return [];
  const fine = penalty.fineYuan;
  if (!(fine > 0)) return [{ code: 'fine.notPositive', severity: 'warning', params: { fine } }];

  const bases = (penalty.basis ? [penalty.basis] : input.citations.filter((c) => c.role === 'penaltyBasis').map((c) => c.ref)).filter(
    (r) => refProblem(r) === null,
  );
  if (bases.length === 0) return [{ code: 'fine.noBasis', severity: 'warning', params: { fine } }];

  const out: CheckFinding[] = [];
  const consumer = bases.find(isConsumer56);
  if (consumer) {
    const citation = citationText(consumer.statute === 'consumerProtection' ? consumer : { statute: 'consumerProtection', article: 56, paragraph: 1 });
    const gains = penalty.illegalGainsYuan;
    if (gains === null || gains <= 0) {
      if (gains === null) out.push({ code: 'fine.gainsUnknown', severity: 'info', params: { citation, cap: CONSUMER_CAP } });
      if (fine > CONSUMER_CAP) out.push({ code: 'fine.aboveCap', severity: 'warning', params: { citation, fine, cap: CONSUMER_CAP } });
    } else if (fine < gains) {
      out.push({ code: 'fine.belowGainsMultiple', severity: 'warning', params: { citation, fine, gains, min: gains } });
    } else if (fine > gains * 10) {
      out.push({ code: 'fine.aboveGainsMultiple', severity: 'warning', params: { citation, fine, gains, max: gains * 10 } });
    }
  }
  for (const ref of bases.filter(isPipl66)) {
    const serious = ref.paragraph === 2;
    const citation = citationText({ statute: 'pipl', article: 66, paragraph: serious ? 2 : 1 });
    if (serious) {
      out.push({ code: 'fine.provincialOnly', severity: 'warning', params: { citation } });
      const turnover = penalty.turnoverYuan ?? null;
      const cap = turnover !== null ? Math.max(PIPL_SERIOUS_CAP, turnover * PIPL_TURNOVER_SHARE) : PIPL_SERIOUS_CAP;
      if (fine > cap) out.push({ code: 'fine.aboveCap', severity: 'warning', params: { citation, fine, cap } });
    } else {
      if (!penalty.refusedToCorrect) out.push({ code: 'fine.needsRefusal', severity: 'warning', params: { citation, fine } });
      if (fine > PIPL_CAP) out.push({ code: 'fine.aboveCap', severity: 'warning', params: { citation, fine, cap: PIPL_CAP } });
    }
  }
  return out;
}

// "罚款200000元", "罚款人民币20万元", "罚款贰拾万元整": the amount right after 罚款 is the fine imposed or proposed.
// Statute quotes say "处以五十万元以下的罚款", with the amount before 罚款 and in small numerals: not matched.
const FINE_IN_FIGURES = /罚款(?:人民币)?\s*([¥￥]?\d[\d,]*(?:\.\d+)?\s*万?元)/gu;
const FINE_IN_CAPITAL = /罚款(?:人民币)?([零壹贰叁肆伍陆柒捌玖拾佰仟万亿]+[元圆](?:零?[壹贰叁肆伍陆柒捌玖]角)?(?:零?[壹贰叁肆伍陆柒捌玖]分)?[整正]?)/gu;

/** A fine written in a section that is not the fine decided (penalty.fineYuan). */
export function checkFineInText(input: CheckInput): CheckFinding[] {
  const fine = input.penalty?.fineYuan;
  if (fine === null || fine === undefined) return [];
  const out: CheckFinding[] = [];
  for (const t of input.texts) {
    const written = [
      ...[...t.text.matchAll(FINE_IN_FIGURES)].map((m) => [m[1]!, parseYuanFigures(m[1]!)] as const),
      ...[...t.text.matchAll(FINE_IN_CAPITAL)].map((m) => [m[1]!, parseYuanCapital(m[1]!)] as const),
    ];
    for (const [text, value] of written) {
      if (value !== null && Math.abs(value - fine) >= 0.005) {
        out.push({ code: 'fine.textMismatch', severity: 'warning', section: t.section, params: { title: t.title, written: text, fine } });
      }
    }
  }
  return out;
}
