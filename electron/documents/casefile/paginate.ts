/**
 * True page numbers for the table of contents: every part is printed on its own (each part starts on a new page,
 * the page box is the same on left and right pages, so a part takes as many pages alone as in the whole), the
 * counts are summed into first pages, and the sheets that print those numbers are built with them. The whole is
 * then printed once; if its page count is not the sum (a sheet grew when its numbers were filled in), the parts
 * whose content changed are measured again and the whole printed again.
 */
import type { DocumentModel, DocumentPart } from '../../../shared/documents/model';
import { pdfPageCount, renderPdf, type PdfPrinter } from '../render/pdf';

export interface PlacedPart {
  part: DocumentPart;
  first: number;
  count: number;
}

/** Builds the parts in order from the page counts measured so far (a part not measured yet counts as one page). */
export type Layout = (counts: ReadonlyMap<string, number>) => { parts: { key: string; part: DocumentPart }[] };

const MAX_ROUNDS = 3;

async function measure(part: DocumentPart, shell: Omit<DocumentModel, 'parts'>, printer: PdfPrinter): Promise<number> {
  return pdfPageCount(await renderPdf({ ...shell, parts: [part] }, printer));
}

export async function paginate(layout: Layout, shell: Omit<DocumentModel, 'parts'>, printer: PdfPrinter): Promise<{ model: DocumentModel; pdf: Buffer; placed: PlacedPart[]; prints: number }> {
  const counts = new Map<string, number>();
  const measuredAs = new Map<string, string>();
  let prints = 0;
  let parts = layout(counts).parts;
  for (let round = 0; round < MAX_ROUNDS; round++) {
    // Round 0 measures every part; a later round only the parts whose content changed since they were measured.
    for (const { key, part } of parts) {
      const content = JSON.stringify(part);
      if (measuredAs.get(key) === content) continue;
      counts.set(key, await measure(part, shell, printer));
      measuredAs.set(key, content);
      prints++;
    }
    parts = layout(counts).parts;
    const model: DocumentModel = { ...shell, parts: parts.map((p) => p.part) };
    const pdf = await renderPdf(model, printer);
    prints++;
    const expected = parts.reduce((s, p) => s + counts.get(p.key)!, 0);
    // A sheet that grew or shrank when its numbers were filled in: measure it again and rebuild.
    if (pdfPageCount(pdf) !== expected) continue;
    let next = 1;
    const placed = parts.map(({ key, part }) => {
      const p = { part, first: next, count: counts.get(key)! };
      next += p.count;
      return p;
    });
    return { model, pdf, placed, prints };
  }
  throw new Error(`case file pagination did not settle in ${MAX_ROUNDS} rounds`);
}
