/**
 * The case file as an editable DOCX: the same model the PDF was printed from, its table of contents holding the
 * PDF's page numbers. Word, WPS and LibreOffice paginate on their own, so the PDF stays the case file of record;
 * the DOCX is for a bureau that must add to the file before printing it.
 */
import { renderDocx } from '../render/docx';
import type { CaseFile } from './buildCaseFile';

export function caseFileDocx(caseFile: Pick<CaseFile, 'model'>): Promise<Buffer> {
  return renderDocx(caseFile.model);
}
