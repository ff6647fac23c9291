/**
 * Is each cited law applicable? A norm broken or punishing must have been in force during the conduct (行政处罚法
 * 第三十七条: the law at the time of the conduct applies, unless the new one is lighter); a norm of procedure or
 * remedy must be in force on the document's date (a 2022 decision cannot point to 行政复议法 2023's 第二十条).
 */
import { citationText, refProblem, statute } from '../legal';
import type { CheckFinding, CheckInput } from './checkTypes';

const day = (iso: string) => iso.slice(0, 10);

export function checkCitationsInForce(input: CheckInput): CheckFinding[] {
  const out: CheckFinding[] = [];
  const first = input.conduct.first ? day(input.conduct.first) : null;
  const last = input.conduct.last ? day(input.conduct.last) : null;
  let conductNeeded = false;
  const seen = new Set<string>();
  for (const { ref, role } of input.citations) {
    const problem = refProblem(ref);
    if (problem) {
      out.push({ code: 'citation.unresolved', severity: 'warning', params: { statute: ref.statute, article: ref.article, problem } });
      continue;
    }
    const s = statute(ref.statute);
    // One finding per statute and role: five PIPL articles cited for a 2021 conduct are one mistake, not five.
    const key = `${ref.statute}/${role === 'violated' || role === 'penaltyBasis' ? 'conduct' : 'document'}`;
    if (seen.has(key)) continue;
    const params = { citation: citationText(ref), title: s.title, effectiveFrom: s.effectiveFrom };
    if (role === 'violated' || role === 'penaltyBasis') {
      if (!last) {
        conductNeeded = true;
        continue;
      }
      if (last < s.effectiveFrom) {
        seen.add(key);
        out.push({ code: 'law.notInForce', severity: 'warning', params: { ...params, conductLast: last } });
      } else if (first && first < s.effectiveFrom) {
        seen.add(key);
        out.push({ code: 'law.partlyInForce', severity: 'warning', params: { ...params, conductFirst: first, conductLast: last } });
      }
    } else if (input.documentDate && day(input.documentDate) < s.effectiveFrom) {
      seen.add(key);
      out.push({ code: 'law.notInForceAtDocument', severity: 'warning', params: { ...params, documentDate: day(input.documentDate) } });
    }
  }
  if (conductNeeded) out.push({ code: 'conduct.datesMissing', severity: 'info', params: {} });
  return out;
}
