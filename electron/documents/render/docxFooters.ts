/**
 * Page-number footers (GB/T 9704 §7.5): "— N —" in 4号 宋体 on the outer side, one character in from the text
 * block's edge: odd pages right, even pages left (Word's even-and-odd footers). The case file's footer text, when
 * there is one, stands on the inner side.
 */
import { AlignmentType, Footer, PageNumber, Paragraph, TabStopType, TextRun } from 'docx';
import { PAGE_NUMBER } from '../../../shared/documents/html/officialLayout';
import { STYLE } from './docxStyles';
import { TWIPS } from './docxUnits';

const INSET = PAGE_NUMBER.insetPt * 20;

function numberRun(): TextRun {
  return new TextRun({ children: [`${PAGE_NUMBER.dash} `, PageNumber.CURRENT, ` ${PAGE_NUMBER.dash}`] });
}

export function oddFooter(text: string | undefined): Footer {
  const paragraph =
    text === undefined
      ? new Paragraph({ style: STYLE.footer, alignment: AlignmentType.RIGHT, indent: { right: INSET }, children: [numberRun()] })
      : new Paragraph({
          style: STYLE.footer,
          tabStops: [{ type: TabStopType.RIGHT, position: TWIPS.textWidth - INSET }],
          children: [new TextRun(text), new TextRun({ children: ['\t'] }), numberRun()],
        });
  return new Footer({ children: [paragraph] });
}

export function evenFooter(text: string | undefined): Footer {
  const paragraph =
    text === undefined
      ? new Paragraph({ style: STYLE.footer, alignment: AlignmentType.LEFT, indent: { left: INSET }, children: [numberRun()] })
      : new Paragraph({
          style: STYLE.footer,
          indent: { left: INSET },
          tabStops: [{ type: TabStopType.RIGHT, position: TWIPS.textWidth - INSET }],
          children: [numberRun(), new TextRun({ children: ['\t'] }), new TextRun(text)],
        });
  return new Footer({ children: [paragraph] });
}
