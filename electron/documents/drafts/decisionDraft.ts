/**
 * 行政处罚决定书 in the order of 行政处罚法 第五十九条 and 程序规定 第六十二条 (DOMAIN.md §5): party; source and
 * course of the investigation; facts; evidence; notice, statements and hearing; characterisation and discretion;
 * decision; payment; remedies; publication; issuer and date.
 */
import { characterisationText, discretionText, evidenceListText, factsText, investigationText, penaltyBasisText, penaltyItems } from './caseText';
import type { DraftContext } from './draftContext';
import { dateOrBlank, partyLines } from './draftText';
import type { DocumentSpec } from './sectionSpec';
import { remediesFor } from '../../../shared/documents/fields';

function statementsText(ctx: DraftContext): string {
  const f = ctx.fields;
  const served = `本局于${dateOrBlank(f.noticeDate)}向当事人送达了《行政处罚告知书》（${f.numbers.notice || '　　'}），` +
    '告知当事人拟作出行政处罚的事实、理由、依据及处罚内容，并告知当事人依法享有陈述、申辩' +
    (f.fineYuan >= f.hearingThresholdYuan ? '和要求听证' : '') + '的权利。';
  const st = f.statements;
  if (!st.received && !st.hearingRequested) return `${served}当事人在法定期限内未提出陈述、申辩意见${f.fineYuan >= f.hearingThresholdYuan ? '，也未要求听证' : ''}。`;
  const said = st.received ? `当事人提出陈述、申辩意见${st.summary ? `，称：${st.summary}` : ''}。` : '';
  const hearing = st.hearingRequested ? '当事人要求听证，本局依法组织了听证。' : '';
  const verdict = st.accepted === null ? '' : st.accepted
    ? `经复核，本局认为当事人的陈述、申辩意见成立，予以采纳${st.reasons ? `，理由是：${st.reasons}` : ''}。`
    : `经复核，本局认为当事人的陈述、申辩意见不能成立，不予采纳${st.reasons ? `，理由是：${st.reasons}` : ''}。`;
  return served + said + hearing + verdict;
}

function paymentText(ctx: DraftContext): string {
  const p = ctx.fields.payment;
  const account = [p.bank && `开户银行：${p.bank}`, p.accountName && `户名：${p.accountName}`, p.account && `账号：${p.account}`].filter(Boolean).join('，');
  return `当事人应当自收到本行政处罚决定书之日起${p.days === 15 ? '十五' : p.days}日内，将罚款缴至${account ? `指定账户（${account}）` : '指定银行或者通过电子支付系统缴纳'}。` +
    '到期不缴纳罚款的，本局将依据《中华人民共和国行政处罚法》第七十二条第一款第（一）项的规定，每日按罚款数额的百分之三加处罚款，加处罚款的数额不得超出罚款的数额。';
}

function remediesText(ctx: DraftContext): string {
  // Fields left empty follow the issuer (禹州市市场监督管理局 → 禹州市人民政府, 禹州市人民法院).
  const implied = remediesFor(ctx.fields.issuer.name);
  const r = { reviewBody: ctx.fields.remedies.reviewBody || implied.reviewBody, court: ctx.fields.remedies.court || implied.court };
  return `当事人如不服本行政处罚决定，可以在收到本行政处罚决定书之日起六十日内依据《中华人民共和国行政复议法》第二十条、第二十四条的规定向${r.reviewBody || '本级人民政府'}申请行政复议；` +
    `也可以在收到本行政处罚决定书之日起六个月内依据《中华人民共和国行政诉讼法》第四十六条的规定向${r.court || '有管辖权的人民法院'}提起行政诉讼。` +
    '申请行政复议或者提起行政诉讼的，行政处罚不停止执行，法律另有规定的除外。';
}

export const decisionSpec: DocumentSpec = {
  kind: 'decision',
  title: '行政处罚决定书',
  docNumber: ({ fields }) => fields.numbers.decision,
  sections: [
    { id: 'party', title: '当事人', required: true, write: ({ info, fields }) => partyLines(info, fields).join('\n') },
    { id: 'investigation', title: '案件来源及调查经过', required: true, write: investigationText },
    { id: 'facts', title: '违法事实', required: true, write: factsText },
    { id: 'evidence', title: '证据', required: true, write: (ctx) => evidenceListText(ctx) },
    { id: 'statements', title: '告知、陈述申辩及听证', required: true, write: statementsText },
    { id: 'characterisation', title: '违法行为性质', required: true, write: characterisationText },
    { id: 'discretion', title: '裁量理由', required: true, write: discretionText },
    { id: 'decision', title: '处罚决定', required: true, write: (ctx) => [`${penaltyBasisText(ctx)}，本局决定：`, ...penaltyItems(ctx)].join('\n') },
    { id: 'payment', title: '罚款缴纳', required: true, write: paymentText },
    { id: 'remedies', title: '救济途径', required: true, write: remediesText },
    {
      id: 'publicity', title: '信息公示', required: true,
      write: () => '本行政处罚决定将依据《市场监督管理行政处罚信息公示规定》的规定，自作出之日起二十个工作日内通过国家企业信用信息公示系统向社会公示。',
    },
  ],
  signature: ({ fields }) => ({ lines: [fields.issuer.name, dateOrBlank(fields.decisionDate)], seal: true }),
};
