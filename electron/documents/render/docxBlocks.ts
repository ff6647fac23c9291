/** Document blocks → Word paragraphs and tables, in the styles of docxStyles. */
import {
  AlignmentType,
  BorderStyle,
  ImageRun,
  PageBreak,
  Paragraph,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  WidthType,
  type FileChild,
  type IBorderOptions,
} from 'docx';
import { blankLinesAfter, keepsWithNext } from '../../../shared/documents/html/blockSpacing';
import { TOC_HEAD } from '../../../shared/documents/html/blocksHtml';
import { signatureRightIndents, signatureSpaceLines, tocPages } from '../../../shared/documents/html/officialLayout';
import { tableColumnPercents } from '../../../shared/documents/html/tableColumns';
import type { Block, Run } from '../../../shared/documents/model';
import { docxPicture } from './docxImages';
import { STYLE } from './docxStyles';
import { TWIPS, charsToTwips, mmToImagePx } from './docxUnits';

const LINE: IBorderOptions = { style: BorderStyle.SINGLE, size: 6, color: '000000' };
const NO_LINE: IBorderOptions = { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' };
const ALL_LINES = { top: LINE, bottom: LINE, left: LINE, right: LINE, insideHorizontal: LINE, insideVertical: LINE };
const NO_LINES = { top: NO_LINE, bottom: NO_LINE, left: NO_LINE, right: NO_LINE, insideHorizontal: NO_LINE, insideVertical: NO_LINE };
const CELL_MARGINS = { top: 40, bottom: 40, left: 85, right: 85 };

const ALIGN = {
  left: AlignmentType.LEFT,
  center: AlignmentType.CENTER,
  right: AlignmentType.RIGHT,
  justify: AlignmentType.JUSTIFIED,
} as const;

function textRuns(runs: readonly Run[]): TextRun[] {
  return runs.map((run) => new TextRun({ text: run.text, bold: run.bold }));
}

/** Paragraph options every block's first paragraph shares: a page break before it, blank lines after the block. */
interface Placement {
  pageBreakBefore: boolean;
  spaceAfter: number;
  /**
   * The block's end stays on the page of the next block (w:keepNext on its last paragraph, its table's last row,
   * its blank lines): before the signature and after a lead-in ending in a colon (keepsWithNext), see partChildren.
   */
  keepWithNext: boolean;
}

function columnTwips(widths: readonly number[] | undefined, columns: number): number[] {
  const percents = widths && widths.length === columns ? widths : Array.from({ length: columns }, () => 100 / columns);
  const total = percents.reduce((a, b) => a + b, 0) || 1;
  return percents.map((p) => Math.round((TWIPS.textWidth * p) / total));
}

function cell(
  text: string,
  style: string,
  width: number,
  extra: Partial<ConstructorParameters<typeof TableCell>[0]> = {},
  keepNext = false,
): TableCell {
  return new TableCell({
    width: { size: width, type: WidthType.DXA },
    margins: CELL_MARGINS,
    children: [new Paragraph({ style, keepNext: keepNext || undefined, children: [new TextRun(text)] })],
    ...extra,
  });
}

function table(opts: {
  header?: readonly string[];
  rows: readonly (readonly string[])[];
  columns: number[];
  headStyle?: string;
  bodyStyle: string;
  borders: typeof ALL_LINES;
  cellStyleOf?: (column: number) => string;
  /** The last row's paragraphs keep with the next paragraph: Word then keeps the table's end with it. */
  keepWithNext?: boolean;
}): Table {
  const rows: TableRow[] = [];
  if (opts.header) {
    rows.push(
      new TableRow({
        tableHeader: true,
        cantSplit: true,
        children: opts.header.map((h, i) => cell(h, opts.headStyle ?? STYLE.tableHead, opts.columns[i] ?? 0)),
      }),
    );
  }
  for (const [r, row] of opts.rows.entries()) {
    const keepNext = (opts.keepWithNext ?? false) && r === opts.rows.length - 1;
    rows.push(
      new TableRow({
        cantSplit: true,
        children: row.map((v, i) => cell(v, opts.cellStyleOf?.(i) ?? opts.bodyStyle, opts.columns[i] ?? 0, {}, keepNext)),
      }),
    );
  }
  return new Table({
    rows,
    width: { size: TWIPS.textWidth, type: WidthType.DXA },
    columnWidths: opts.columns,
    layout: TableLayoutType.FIXED,
    borders: opts.borders,
  });
}

/** An empty grid line after tables and pictures, as the HTML's margin: a table cannot carry spacing itself. */
function blankLines(n: number, keepNext = false): Paragraph[] {
  return Array.from({ length: n }, () => new Paragraph({ style: STYLE.body, keepNext: keepNext || undefined, children: [] }));
}

async function blockChildren(block: Block, at: Placement): Promise<FileChild[]> {
  const after = at.spaceAfter * TWIPS.line;
  const first = { pageBreakBefore: at.pageBreakBefore || undefined, spacing: after ? { after } : undefined };
  const keepNext = at.keepWithNext || undefined;
  switch (block.kind) {
    case 'issuer':
      return [new Paragraph({ style: STYLE.issuer, ...first, children: [new TextRun(block.text)] })];
    case 'title':
      return [new Paragraph({ style: STYLE.title, ...first, children: [new TextRun(block.text)] })];
    case 'docNumber':
      return [new Paragraph({ style: STYLE.docNumber, ...first, children: [new TextRun(block.text)] })];
    case 'heading':
      return [new Paragraph({ style: STYLE.heading(block.level), ...first, children: [new TextRun(block.text)] })];
    case 'paragraph':
      return [
        new Paragraph({
          style: STYLE.body,
          ...first,
          alignment: block.align ? ALIGN[block.align] : undefined,
          indent: block.indent === false ? { firstLine: 0, firstLineChars: 0 } : undefined,
          keepNext,
          children: textRuns(block.runs),
        }),
      ];
    case 'list':
      return block.items.map(
        (item, i) =>
          new Paragraph({
            style: STYLE.body,
            pageBreakBefore: i === 0 ? first.pageBreakBefore : undefined,
            spacing: i === block.items.length - 1 ? first.spacing : undefined,
            keepNext: i === block.items.length - 1 ? keepNext : undefined,
            children: textRuns(item),
          }),
      );
    case 'table': {
      const lead: Paragraph[] = [];
      if (block.caption !== undefined) {
        lead.push(new Paragraph({ style: STYLE.tableCaption, pageBreakBefore: first.pageBreakBefore, children: [new TextRun(block.caption)] }));
      } else if (at.pageBreakBefore) {
        lead.push(new Paragraph({ children: [new PageBreak()] }));
      }
      // Widened where a head would not fit on one line, as in the HTML.
      const columns = columnTwips(tableColumnPercents(block.header, block.widths), block.header.length);
      const grid = table({
        header: block.header,
        rows: block.rows,
        columns,
        bodyStyle: STYLE.tableText,
        borders: ALL_LINES,
        keepWithNext: at.keepWithNext,
      });
      return [...lead, grid, ...blankLines(at.spaceAfter, at.keepWithNext)];
    }
    case 'signature': {
      const seal = block.seal ?? false;
      const indents = signatureRightIndents(block.lines, seal);
      return block.lines.map(
        (text, i) =>
          new Paragraph({
            style: STYLE.signature,
            pageBreakBefore: i === 0 ? first.pageBreakBefore : undefined,
            spacing: {
              before: i === 0 ? signatureSpaceLines(seal) * TWIPS.line : 0,
              after: i === block.lines.length - 1 ? after : 0,
            },
            indent: { right: charsToTwips(indents[i] ?? 0) },
            keepNext: i < block.lines.length - 1,
            children: [new TextRun(text)],
          }),
      );
    }
    case 'image': {
      const picture = await docxPicture(block.dataUrl, block.widthMm);
      const out: Paragraph[] = [];
      if (picture) {
        out.push(
          new Paragraph({
            style: STYLE.picture,
            pageBreakBefore: first.pageBreakBefore,
            keepNext: block.caption !== undefined || keepNext,
            children: [
              new ImageRun({
                type: picture.type,
                data: picture.data,
                transformation: { width: mmToImagePx(block.widthMm), height: mmToImagePx(block.heightMm) },
                altText: block.caption === undefined ? undefined : { name: block.caption, description: block.caption, title: block.caption },
              }),
            ],
          }),
        );
      }
      if (block.caption !== undefined) out.push(new Paragraph({ style: STYLE.caption, keepNext, children: [new TextRun(block.caption)] }));
      return [...out, ...blankLines(at.spaceAfter, at.keepWithNext)];
    }
    case 'fields': {
      const columns = columnTwips([30, 70], 2);
      const valueBorders = { top: NO_LINE, left: NO_LINE, right: NO_LINE, bottom: LINE };
      const rows = block.rows.map(
        (row) =>
          new TableRow({
            cantSplit: true,
            children: [
              cell(row.label, STYLE.formLabel, columns[0] ?? 0),
              cell(row.value, STYLE.formText, columns[1] ?? 0, { borders: valueBorders }),
            ],
          }),
      );
      const lead = at.pageBreakBefore ? [new Paragraph({ children: [new PageBreak()] })] : [];
      const fields = new Table({
        rows,
        width: { size: TWIPS.textWidth, type: WidthType.DXA },
        columnWidths: columns,
        layout: TableLayoutType.FIXED,
        borders: NO_LINES,
      });
      return [...lead, fields, ...blankLines(at.spaceAfter)];
    }
    case 'toc': {
      const columns = columnTwips([78, 22], 2);
      const lead = at.pageBreakBefore ? [new Paragraph({ children: [new PageBreak()] })] : [];
      const toc = table({
        header: [TOC_HEAD.title, TOC_HEAD.page],
        rows: block.entries.map((e) => [e.title, tocPages(e)]),
        columns,
        headStyle: STYLE.tableCaption,
        bodyStyle: STYLE.formText,
        cellStyleOf: (column) => (column === 0 ? STYLE.formText : STYLE.formNumber),
        borders: ALL_LINES,
      });
      return [...lead, toc, ...blankLines(at.spaceAfter)];
    }
    case 'pageBreak':
      return [];
  }
}

/**
 * The blocks of one part; a pageBreak block puts the block after it on a new page.
 *
 * GB/T 9704-2012 §7.3.5: the signature must not stand on a page without body text. The block before it keeps with
 * it (w:keepNext), and the signature's lines keep together (w:keepLines in its style, w:keepNext between its lines),
 * so where the signature does not fit under the body, the end of the last paragraph goes onto the next page with
 * it. The standard's other remedy, a line "（此页无正文）" on a page the signature is pushed onto alone, is not
 * needed then and is not written.
 */
export async function partChildren(blocks: readonly Block[]): Promise<FileChild[]> {
  const out: FileChild[] = [];
  let breakPending = false;
  for (const [i, block] of blocks.entries()) {
    if (block.kind === 'pageBreak') {
      breakPending = true;
      continue;
    }
    const next = blocks[i + 1];
    out.push(
      ...(await blockChildren(block, {
        pageBreakBefore: breakPending,
        spaceAfter: blankLinesAfter(block, next),
        keepWithNext: keepsWithNext(block, next),
      })),
    );
    breakPending = false;
  }
  // A break at the very end of a part: the next part starts on a new page anyway.
  return out;
}
