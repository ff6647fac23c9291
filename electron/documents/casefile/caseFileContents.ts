/**
 * What goes into each volume, in the order 市场监督管理行政处罚程序规定 第七十八条 sets:
 *
 *   正卷 (main)       （一）立案审批表 （二）行政处罚决定书及送达回证 （三）对当事人制发的其他法律文书及送达回证
 *                    （四）证据材料 （五）听证笔录 （六）财物处理单据 （七）其他有关材料
 *   副卷 (secondary)  （一）案源材料 （二）调查终结报告 （三）审核意见 （四）听证报告 （五）结案审批表 （六）其他有关材料
 *
 * The workstation prints what it drafts (decision, notice, evidence list, report) and what it computes (charts,
 * sample of captures). What only exists on paper (立案审批表, 送达回证 signed by the party, 案源材料, 审核意见,
 * 结案审批表) is listed in the table of contents in its place, marked as attached on paper, without a page number:
 * the printed pages keep their own numbers, so sheets inserted when the file is bound cannot make them wrong.
 * Hearing record and report are listed only when a hearing was held; property documents never apply (no property
 * is seized in these cases).
 */
import type { DocumentModel, DocumentPart } from '../../../shared/documents/model';

export type Volume = 'main' | 'secondary';

export const VOLUME_NAMES: Record<Volume, string> = { main: '正卷', secondary: '副卷' };

/** The drafted documents the case file prints, as edited and saved by the drafter. */
export interface CaseDocuments {
  decision?: DocumentModel;
  notice?: DocumentModel;
  report?: DocumentModel;
  evidence?: DocumentModel;
}

/** One line of the table of contents: printed parts, or a paper item listed without pages. */
export interface ContentsItem {
  volume: Volume;
  title: string;
  /** 文号 and 日期 as the document prints them ('' when it has none). */
  docNumber: string;
  date: string;
  note: string;
  /** The pages printed for it; null for an item on paper. */
  parts: DocumentPart[] | null;
}

/** Short enough for the 备注 column's one line; the cover and the closing sheet say they are attached. */
export const PAPER_NOTE = '纸质件';
export const MISSING_NOTE = '尚未制作';

const DATE = /\d{4}年\d{1,2}月\d{1,2}日/u;

/** The 文号 a document prints under its title, and the date of its signature (the last full date in it). */
export function documentMeta(model: DocumentModel): { docNumber: string; date: string } {
  let docNumber = '';
  let date = '';
  for (const block of model.parts.flatMap((p) => p.blocks)) {
    if (block.kind === 'docNumber' && !docNumber) docNumber = block.text;
    if (block.kind === 'signature') for (const line of block.lines) date = DATE.exec(line)?.[0] ?? date;
  }
  return { docNumber, date };
}

function printed(volume: Volume, title: string, model: DocumentModel | undefined): ContentsItem {
  if (!model) return { volume, title, docNumber: '', date: '', note: MISSING_NOTE, parts: null };
  return { volume, title, ...documentMeta(model), note: '', parts: model.parts.map((p) => ({ ...p, volume, inToc: true })) };
}

function paper(volume: Volume, title: string): ContentsItem {
  return { volume, title, docNumber: '', date: '', note: PAPER_NOTE, parts: null };
}

export interface EvidenceParts {
  charts: DocumentPart;
  sample: DocumentPart;
  chartsDate: string;
}

/** `evidence` is needed for the main volume only (the secondary volume holds no computed evidence). */
export function volumeContents(volume: Volume, docs: CaseDocuments, evidence: EvidenceParts | null, opts: { hearing?: boolean } = {}): ContentsItem[] {
  if (volume === 'main') {
    if (!evidence) throw new Error('the main volume needs its charts and sample of captures');
    const computed = (part: DocumentPart): ContentsItem => ({ volume, title: part.title, docNumber: '', date: evidence.chartsDate, note: '', parts: [{ ...part, volume, inToc: true }] });
    return [
      paper(volume, '立案审批表'),
      printed(volume, '行政处罚决定书', docs.decision),
      paper(volume, '行政处罚决定书送达回证'),
      printed(volume, '行政处罚告知书', docs.notice),
      paper(volume, '行政处罚告知书送达回证'),
      printed(volume, '证据清单', docs.evidence),
      computed(evidence.charts),
      computed(evidence.sample),
      ...(opts.hearing ? [paper(volume, '听证笔录')] : []),
    ];
  }
  return [
    paper(volume, '案源材料'),
    printed(volume, '案件调查终结报告', docs.report),
    paper(volume, '审核意见'),
    ...(opts.hearing ? [paper(volume, '听证报告')] : []),
    paper(volume, '结案审批表'),
  ];
}
