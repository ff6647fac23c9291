/**
 * 证据清单: every item of evidence with its source as seized, its SHA-256, its count and what it proves, from the
 * import reports, then the workstation's analysis as derived electronic data. The table is editable text (one row
 * a line, cells by tabs) so the drafter can add the paper evidence (笔录, 照片) beside the electronic data.
 */
import type { DraftContext } from './draftContext';
import { dateOrBlank } from './draftText';
import type { DocumentSpec } from './sectionSpec';

export const EVIDENCE_COLUMNS = ['序号', '证据名称', '来源', 'SHA-256', '数量', '证明内容'];

/** Cells must not hold the separators of the editable text. */
const cell = (text: string) => text.replace(/[\t\n]+/gu, ' ');

export function evidenceRows(ctx: DraftContext): string {
  return ctx.evidence
    .map((e, i) => [String(i + 1), e.name, e.source, e.sha256 || '—', e.count, e.proves].map(cell).join('\t'))
    .join('\n');
}

export const evidenceSpec: DocumentSpec = {
  kind: 'evidence',
  title: '证据清单',
  docNumber: ({ fields }) => (fields.numbers.decision ? `（${fields.numbers.decision}）` : null),
  sections: [
    {
      id: 'intro', title: '说明', required: true,
      write: ({ info }) => `当事人${info.partyName}涉嫌未经消费者同意收集、使用其个人信息一案的证据如下。电子数据均以SHA-256校验值固定，与扣押时一致。`,
    },
    { id: 'items', title: '证据', required: true, layout: 'table', columns: EVIDENCE_COLUMNS, write: evidenceRows },
  ],
  signature: ({ fields }) => ({ lines: [fields.issuer.name, dateOrBlank(fields.reportDate ?? fields.evidenceDate)], seal: false }),
};
