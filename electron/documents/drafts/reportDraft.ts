/**
 * 案件调查终结报告 with the six parts of 程序规定 第四十八条: the party; source, course of the investigation and
 * measures taken; facts and main evidence; nature of the violation; proposed handling and its basis; reasons for
 * the discretion. Signed by the officers who investigated.
 */
import { characterisationText, discretionText, evidenceListText, factsText, investigationText, penaltyBasisText, penaltyItems } from './caseText';
import { dateOrBlank, partyLines } from './draftText';
import type { DocumentSpec } from './sectionSpec';

export const reportSpec: DocumentSpec = {
  kind: 'report',
  title: '案件调查终结报告',
  docNumber: () => null,
  sections: [
    { id: 'party', heading: '一、当事人基本情况', title: '当事人基本情况', required: true, write: ({ info, fields }) => partyLines(info, fields).join('\n') },
    {
      id: 'investigation', heading: '二、案件来源、调查经过及采取行政强制措施的情况', title: '案件来源、调查经过及措施', required: true,
      write: (ctx) => `${investigationText(ctx)}本案未采取行政强制措施。`,
    },
    {
      id: 'facts', heading: '三、调查认定的事实及主要证据', title: '事实及主要证据', required: true,
      write: (ctx) => `${factsText(ctx)}\n${evidenceListText(ctx)}`,
    },
    { id: 'nature', heading: '四、违法行为性质', title: '违法行为性质', required: true, write: characterisationText },
    {
      id: 'proposal', heading: '五、处理意见及依据', title: '处理意见及依据', required: true,
      write: (ctx) => [`${penaltyBasisText(ctx)}，建议对当事人作出如下行政处罚：`, ...penaltyItems(ctx)].join('\n'),
    },
    { id: 'discretion', heading: '六、自由裁量的理由', title: '自由裁量的理由', required: true, write: (ctx) => discretionText(ctx, 'proposed') },
  ],
  signature: ({ fields }) => ({
    lines: [`承办人：${fields.officers.map((o) => o.name).join('、') || '　　　　'}`, dateOrBlank(fields.reportDate)],
    seal: false,
  }),
};
