/**
 * 行政处罚告知书 (程序规定 第五十七条): facts, reasons, basis and the proposed penalty, the rights to state and defend,
 * the right to request a hearing when the fine is large (行政处罚法 第六十三条), and the five working days after
 * which silence waives them.
 */
import { characterisationText, discretionText, evidenceListText, factsText, penaltyBasisText, penaltyItems } from './caseText';
import type { DraftContext } from './draftContext';
import { dateOrBlank } from './draftText';
import type { DocumentSpec } from './sectionSpec';

function rightsText(ctx: DraftContext): string {
  const hearing = ctx.fields.fineYuan >= ctx.fields.hearingThresholdYuan;
  return '根据《中华人民共和国行政处罚法》第四十四条、第四十五条和《市场监督管理行政处罚程序规定》第五十七条的规定，你单位享有陈述、申辩的权利。' +
    (hearing ? '根据《中华人民共和国行政处罚法》第六十三条、第六十四条的规定，你单位有权要求举行听证。' : '') +
    `你单位可以自收到本告知书之日起五个工作日内向本局提出陈述、申辩意见${hearing ? '或者书面提出听证要求' : ''}；` +
    `逾期未提出陈述、申辩意见${hearing ? '，也未要求听证' : ''}的，视为放弃上述权利。`;
}

export const noticeSpec: DocumentSpec = {
  kind: 'notice',
  title: '行政处罚告知书',
  docNumber: ({ fields }) => fields.numbers.notice,
  sections: [
    { id: 'addressee', title: '当事人', required: true, write: ({ info }) => `${info.partyName}：` },
    {
      id: 'intro', title: '告知事由', required: true,
      write: ({ fields }) => `本局于${dateOrBlank(fields.filingDate)}对你单位涉嫌未经消费者同意收集、使用其个人信息一案立案调查，现已调查终结。根据《市场监督管理行政处罚程序规定》第五十七条的规定，现将拟作出行政处罚的内容及事实、理由、依据告知如下：`,
    },
    { id: 'facts', title: '违法事实', required: true, write: factsText },
    { id: 'evidence', title: '证据', required: true, write: (ctx) => evidenceListText(ctx, '以上事实，有以下证据证明：') },
    { id: 'characterisation', title: '理由及依据', required: true, write: characterisationText },
    { id: 'discretion', title: '裁量理由', required: true, write: (ctx) => discretionText(ctx, 'proposed') },
    { id: 'proposed', title: '拟作出的行政处罚', required: true, write: (ctx) => [`${penaltyBasisText(ctx)}，本局拟对你单位作出如下行政处罚：`, ...penaltyItems(ctx)].join('\n') },
    { id: 'rights', title: '陈述、申辩和听证权利', required: true, write: rightsText },
  ],
  signature: ({ fields }) => ({ lines: [fields.issuer.name, dateOrBlank(fields.noticeDate)], seal: true }),
};
