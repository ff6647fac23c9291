/**
 * A document model → one standalone HTML page (inline CSS, pictures as data URLs, nothing loaded from outside).
 *
 * The page's preview shows it; Chromium prints it to the PDF (Electron's printToPDF, headless Chromium from the
 * CLI), with the GB/T 9704 page from the CSS @page rules, so the PDF matches the DOCX of the same model.
 */
import type { DocumentModel } from '../model';
import { blankLinesAfter, keepsWithNext } from './blockSpacing';
import { blockHtml } from './blocksHtml';
import { escapeHtml } from './escape';
import { documentCss } from './printCss';

export interface DocumentHtmlOptions {
  /** Language of the page (its text is the document's, Chinese): zh-CN unless told. */
  lang?: string;
  /** For printing: leave out the on-screen sheet view and the figure highlighting. */
  forPrint?: boolean;
}

export function documentHtml(model: DocumentModel, opts: DocumentHtmlOptions = {}): string {
  const parts = model.parts
    .map((part) => {
      const blocks = part.blocks
        .map((block, i) => {
          const next = part.blocks[i + 1];
          return blockHtml(block, blankLinesAfter(block, next), { keepWithNext: keepsWithNext(block, next) });
        })
        .join('\n');
      return `<section class="part" data-title="${escapeHtml(part.title)}">\n${blocks}\n</section>`;
    })
    .join('\n');
  const css = documentCss({ footer: model.footer, forPrint: opts.forPrint ?? false });
  return `<!DOCTYPE html>
<html lang="${escapeHtml(opts.lang ?? 'zh-CN')}">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; img-src data:; style-src 'unsafe-inline'; font-src data:">
<title>${escapeHtml(model.title)}</title>
<style>
${css}
</style>
</head>
<body>
${parts}
</body>
</html>
`;
}
