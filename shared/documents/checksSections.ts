/**
 * Sections: required ones written and nothing left to fill in; a notice that proposes a large fine tells of the
 * right to a hearing (行政处罚法 第六十三条); a decision tells of review and lawsuit (第五十九条第一款第（五）项).
 */
import type { CheckFinding, CheckInput } from './checkTypes';

// What drafters leave to fill: 【待填写】【请补充…】, runs of blanks ____ or ＿＿, and a blank date (full-width spaces before 年, 月, 日).
// ASCII-key tokens (【captures】) are figures, resolved at rendering; 【注】 typed by a drafter is text.
const PLACEHOLDERS = [/【[待请][^】]*】/u, /_{3,}|＿{2,}/u, /(?:^|[^\d〇一二三四五六七八九十])[ \u3000]+年[ \u3000]*月[ \u3000]*日/u];

export function checkSections(input: CheckInput): CheckFinding[] {
  const out: CheckFinding[] = [];
  for (const t of input.texts) {
    if (t.required && t.text.trim() === '') {
      out.push({ code: 'section.empty', severity: 'warning', section: t.section, params: { title: t.title } });
      continue;
    }
    for (const re of PLACEHOLDERS) {
      const m = re.exec(t.text);
      if (m) {
        out.push({ code: 'section.placeholder', severity: 'warning', section: t.section, params: { title: t.title, placeholder: m[0].trim() } });
        break;
      }
    }
  }
  const all = input.texts.map((t) => t.text).join('\n');
  const fine = input.penalty?.fineYuan ?? null;
  const threshold = input.hearingThresholdYuan ?? null;
  if (input.kind === 'notice' && fine !== null && threshold !== null && fine >= threshold && !all.includes('听证')) {
    out.push({ code: 'notice.hearingRight', severity: 'warning', params: { fine, threshold } });
  }
  if (input.kind === 'decision' && !input.citations.some((c) => c.role === 'remedy') && !/行政复议/u.test(all)) {
    out.push({ code: 'remedy.missing', severity: 'warning', params: {} });
  }
  return out;
}
