/**
 * The three sheets that make printed documents a case file (local archiving rules beside 程序规定 第七十八条):
 * the cover (案卷封面), the table of contents (卷内文件目录: 序号, 题名, 文号, 日期, 页号, 备注) and the closing note
 * sheet (卷内备考表). Their numbers (items, pages, each item's pages) come from the pagination pass.
 *
 * The table of contents is a `table` block rather than the model's `toc` block: the archive form has six columns
 * (文号, 日期 and 备注 included) and the `toc` block carries only a title and pages.
 */
import type { Block, DocumentPart } from '../../../shared/documents/model';
import { MISSING_NOTE, VOLUME_NAMES, type ContentsItem, type Volume } from './caseFileContents';

export interface CaseFileFacts {
  caseName: string;
  partyName: string;
  caseNumber: string;
  handlingUnit: string;
  officers: string[];
  /** 2022年5月27日, or '' to be written in by hand. */
  filedOn: string;
  closedOn: string;
  retention: string;
  /** 立卷人 and 检查人, '' to be signed by hand. */
  filedBy: string;
  checkedBy: string;
}

/** An item's pages as the TOC prints them: 3, or 3–5; blank for paper. */
export function pageRange(first: number | null, count: number): string {
  if (first === null || count === 0) return '';
  return count > 1 ? `${first}–${first + count - 1}` : String(first);
}

export interface VolumeNumbers {
  /** Items listed (printed and on paper; not the documents not yet drafted). */
  items: number;
  paperItems: number;
  /** Pages printed in the volume, cover to closing sheet. */
  pages: number;
}

const BLANK_DATE = '　　　　年　　月　　日';

export function volumeNumbers(items: readonly ContentsItem[], pages: number): VolumeNumbers {
  const listed = items.filter((i) => i.parts !== null || i.note !== MISSING_NOTE);
  return { items: listed.length, paperItems: listed.filter((i) => i.parts === null).length, pages };
}

export function coverPart(volume: Volume, facts: CaseFileFacts, numbers: VolumeNumbers): DocumentPart {
  const blocks: Block[] = [
    { kind: 'issuer', text: facts.handlingUnit },
    { kind: 'title', text: '行政处罚案卷' },
    { kind: 'paragraph', runs: [{ text: `（${VOLUME_NAMES[volume]}）` }], indent: false, align: 'center' },
    {
      kind: 'fields',
      rows: [
        { label: '案件名称', value: facts.caseName },
        { label: '当事人', value: facts.partyName },
        { label: '案号', value: facts.caseNumber },
        { label: '办案单位', value: facts.handlingUnit },
        { label: '办案人员', value: facts.officers.join('、') },
        { label: '立案日期', value: facts.filedOn || BLANK_DATE },
        { label: '结案日期', value: facts.closedOn || BLANK_DATE },
        { label: '保管期限', value: facts.retention },
        { label: '本卷件数', value: `${numbers.items}件${numbers.paperItems > 0 ? `（其中纸质件${numbers.paperItems}件另附）` : ''}` },
        { label: '本卷页数', value: `打印页${numbers.pages}页` },
      ],
    },
  ];
  return { title: `案卷封面（${VOLUME_NAMES[volume]}）`, blocks, volume, inToc: false };
}

export interface TocLine {
  item: ContentsItem;
  first: number | null;
  count: number;
}

export function tocPart(volume: Volume, facts: CaseFileFacts, lines: readonly TocLine[]): DocumentPart {
  const rows = lines.map(({ item, first, count }, i) => [String(i + 1), item.title, item.docNumber, item.date, pageRange(first, count), item.note]);
  return {
    title: `卷内文件目录（${VOLUME_NAMES[volume]}）`,
    volume,
    inToc: false,
    blocks: [
      { kind: 'title', text: '卷内文件目录' },
      { kind: 'paragraph', runs: [{ text: `案号：${facts.caseNumber}\u3000\u3000卷别：${VOLUME_NAMES[volume]}` }], indent: false, align: 'center' },
      { kind: 'table', header: ['序号', '题名', '文号', '日期', '页号', '备注'], rows, widths: [8, 32, 21, 16, 12, 11] },
    ],
  };
}

export function closingPart(volume: Volume, facts: CaseFileFacts, numbers: VolumeNumbers, notes: readonly string[]): DocumentPart {
  const summary = `本卷共有文件材料${numbers.items}件，打印页${numbers.pages}页（含封面、卷内文件目录和本表）${
    numbers.paperItems > 0 ? `，另有纸质材料${numbers.paperItems}件按目录顺序附入，不编打印页号` : ''
  }。`;
  return {
    title: `卷内备考表（${VOLUME_NAMES[volume]}）`,
    volume,
    inToc: false,
    blocks: [
      { kind: 'title', text: '卷内备考表' },
      { kind: 'paragraph', runs: [{ text: `案号：${facts.caseNumber}\u3000\u3000卷别：${VOLUME_NAMES[volume]}` }], indent: false, align: 'center' },
      { kind: 'heading', level: 1, text: '本卷情况说明' },
      ...[summary, ...notes].map((text): Block => ({ kind: 'paragraph', runs: [{ text }] })),
      {
        kind: 'fields',
        rows: [
          { label: '立卷人', value: facts.filedBy },
          { label: '检查人', value: facts.checkedBy },
          { label: '立卷日期', value: BLANK_DATE },
        ],
      },
    ],
  };
}
