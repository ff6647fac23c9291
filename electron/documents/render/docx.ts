/**
 * Document model → DOCX in the GB/T 9704 layout, editable in Word, WPS and LibreOffice: real paragraphs in named
 * styles, tables with a repeating header row, no text boxes.
 *
 * Page: A4, margins 37/35/28/26 mm; 22 lines × 28 characters. Not by w:docGrid linesAndChars (linePitch 579,
 * charSpace −841 would say it to Word), because LibreOffice 7.4 reads the negative charSpace as a huge one (18
 * characters a line) and snaps 22 pt titles to two lines; instead exact 579-twip (28.95 pt) line spacing in every
 * style gives the 22 lines, and −0.25 pt run spacing the 28 characters, in every reader (see docxStyles).
 * Each part is a section starting on a new page; page numbers run on through the sections.
 */
import { Document, DocumentGridType, Packer, SectionType, type ISectionOptions } from 'docx';
import { PAGE_MM, PAGE_NUMBER, mmToTwips } from '../../../shared/documents/html/officialLayout';
import type { DocumentModel } from '../../../shared/documents/model';
import { partChildren } from './docxBlocks';
import { evenFooter, oddFooter } from './docxFooters';
import { DOCUMENT_STYLES } from './docxStyles';
import { TWIPS } from './docxUnits';

/**
 * Footer distance from the page's bottom edge to the bottom of the 18 pt footer line: the dashes (about mid-line)
 * then stand 7 mm below the text block, which ends 35 mm above the edge: 35 − 7 − 18 pt / 2 ≈ 24.8 mm.
 */
export const FOOTER_DISTANCE_TWIPS = mmToTwips(PAGE_MM.bottom - PAGE_NUMBER.belowTextBlockMm) - 180;

function sectionProperties(first: boolean): ISectionOptions['properties'] {
  return {
    type: first ? undefined : SectionType.NEXT_PAGE,
    page: {
      size: { width: TWIPS.pageWidth, height: TWIPS.pageHeight },
      margin: { top: TWIPS.top, bottom: TWIPS.bottom, left: TWIPS.left, right: TWIPS.right, header: mmToTwips(15), footer: FOOTER_DISTANCE_TWIPS },
    },
    // No snapping grid, only its pitch: every style sets exact 579-twip lines, which gives the 22 lines in Word, WPS
    // and LibreOffice alike, while LibreOffice's line grid would set each 22 pt title line across two grid lines.
    grid: { type: DocumentGridType.DEFAULT, linePitch: TWIPS.line },
  };
}

export async function renderDocx(model: DocumentModel): Promise<Buffer> {
  const sections: ISectionOptions[] = [];
  for (const [i, part] of model.parts.entries()) {
    sections.push({
      properties: sectionProperties(i === 0),
      // Each section names its footers: readers differ in whether an unnamed one inherits the previous section's.
      footers: { default: oddFooter(model.footer), even: evenFooter(model.footer) },
      children: await partChildren(part.blocks),
    });
  }
  const doc = new Document({
    title: model.title,
    creator: 'FaceAudit',
    evenAndOddHeaderAndFooters: true,
    styles: DOCUMENT_STYLES,
    sections,
  });
  return Packer.toBuffer(doc);
}
