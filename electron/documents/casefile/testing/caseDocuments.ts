/**
 * Drafted documents for the case-file tests, written by hand in the drafts' shape (issuer, title, 文号, body,
 * signature with the date), so the case file's tests do not depend on the drafting rules: the decision runs to
 * two pages, to test page ranges in the table of contents.
 */
import type { Block, DocumentModel } from '../../../../shared/documents/model';
import type { CaseDocuments } from '../caseFileContents';

const para = (text: string): Block => ({ kind: 'paragraph', runs: [{ text }] });

function document(kind: DocumentModel['kind'], title: string, docNumber: string, date: string, body: Block[]): DocumentModel {
  const blocks: Block[] = [
    { kind: 'issuer', text: '禹州市市场监督管理局' },
    { kind: 'title', text: title },
    ...(docNumber ? [{ kind: 'docNumber', text: docNumber } as Block] : []),
    ...body,
    { kind: 'signature', lines: ['禹州市市场监督管理局', date], seal: true },
  ];
  return { kind, title: `${title} ${docNumber}`, parts: [{ title, blocks }], footer: '禹市监处罚〔2022〕12号' };
}

/** About 100 characters (4 lines) a paragraph; 6 of them take the decision onto its second page, not a third. */
const FACT = '经查，当事人在其销售中心入口、大厅等处安装人脸识别抓拍摄像头，未向到访人员明示收集、使用其人脸信息的目的、方式和范围，也未征得其同意，即对进入销售中心的人员进行人脸抓拍并上传至平台，用于区分客户来源渠道。';

export const DECISION_NUMBER = '禹市监处罚〔2022〕12号';
export const NOTICE_NUMBER = '禹市监罚告〔2022〕9号';

export function handDocuments(): Required<CaseDocuments> {
  return {
    decision: document('decision', '行政处罚决定书', DECISION_NUMBER, '2022年5月27日', [
      para('当事人：某房地产开发有限公司'),
      { kind: 'heading', level: 1, text: '一、违法事实' },
      ...Array.from({ length: 6 }, () => para(FACT)),
      { kind: 'heading', level: 1, text: '二、处罚决定' },
      para('依据《中华人民共和国消费者权益保护法》第五十六条第一款第（九）项的规定，本局决定：一、责令改正；二、罚款人民币250000元。'),
    ]),
    notice: document('notice', '行政处罚告知书', NOTICE_NUMBER, '2022年5月10日', [para('某房地产开发有限公司：'), para(FACT)]),
    evidence: document('evidence', '证据清单', '', '2022年5月9日', [
      { kind: 'table', header: ['序号', '证据名称', '来源', 'SHA-256', '数量', '证明内容'], rows: [['1', '抓拍记录表', '平台导出', 'ab12cd34…', '5条', '抓拍的时间、地点']], widths: [8, 20, 16, 22, 10, 24] },
    ]),
    report: document('report', '案件调查终结报告', '', '2022年5月6日', [para(FACT)]),
  };
}
