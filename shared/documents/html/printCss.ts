/**
 * The style sheet of a document page: the GB/T 9704 page for print (the PDF is Chromium's print of it), and a
 * sheet-like view for the preview on screen.
 */
import {
  CHAR_PITCH_PT,
  CSS_LETTER_SPACING_PT,
  FONT_STACKS,
  LINE_PITCH_PT,
  PAGE_MM,
  PAGE_NUMBER,
  SIZE_PT,
  type FontRole,
  pageNumberText,
} from './officialLayout';

/** A CSS string literal: quotes, backslashes and line breaks escaped, so footer text cannot end the rule. */
export function cssString(text: string): string {
  return `"${text.replace(/[\\"]/g, (ch) => `\\${ch}`).replace(/[\n\r\f]/g, ' ')}"`;
}

function family(role: FontRole, generic: 'serif' | 'sans-serif'): string {
  return [...FONT_STACKS[role].map((name) => cssString(name)), generic].join(', ');
}

/**
 * 小标宋 is a heavy face: where it is absent the title falls back to the bold Noto Serif CJK face by name, so the
 * official font is not synthetically emboldened where it exists.
 */
const TITLE_FACE = 'FaceAudit XiaoBiaoSong';
const TITLE_FONT_FACE = `@font-face { font-family: ${cssString(TITLE_FACE)}; src: ${[
  ...FONT_STACKS.xiaobiaosong.slice(0, -1),
  'Noto Serif CJK SC Bold',
  'NotoSerifCJKsc-Bold',
]
  .map((name) => `local(${cssString(name)})`)
  .join(', ')}; }`;

const line = `${LINE_PITCH_PT}pt`;
const chars = (n: number): string => `${+(n * CHAR_PITCH_PT).toFixed(3)}pt`;

/** The page number sits 7 mm below the text block; the dash is about half an em below the box's top. */
function pageMarginBoxes(footer: string | undefined): string {
  const number = cssString(pageNumberText('\u0000')).replace('\u0000', '" counter(page) "');
  const box = `font-family: ${family('songti', 'serif')}; font-size: ${SIZE_PT.pageNumber}pt; line-height: 1;
    vertical-align: top; padding-top: calc(${PAGE_NUMBER.belowTextBlockMm}mm - 0.5em); letter-spacing: 0;`;
  const note = footer === undefined ? '' : `content: ${cssString(footer)}; ${box} font-family: ${family('fangsong', 'serif')};`;
  // The first page is a right (odd) page: its number on the right, one character in from the text block's edge.
  return `
@page :right {
  @bottom-right { content: ${number}; ${box} text-align: right; padding-right: ${PAGE_NUMBER.insetPt}pt; }
  ${note ? `@bottom-left { ${note} text-align: left; }` : ''}
}
@page :left {
  @bottom-left { content: ${number}; ${box} text-align: left; padding-left: ${PAGE_NUMBER.insetPt}pt; }
  ${note ? `@bottom-right { ${note} text-align: right; }` : ''}
}`;
}

const SCREEN = `
@media screen {
  html { background: #e6e6e6; }
  body { padding: 8mm 0; }
  .part { box-sizing: border-box; width: ${PAGE_MM.width}mm; min-height: ${PAGE_MM.height}mm; margin: 0 auto 8mm;
    padding: ${PAGE_MM.top}mm ${PAGE_MM.right}mm ${PAGE_MM.bottom}mm ${PAGE_MM.left}mm; background: #fff;
    box-shadow: 0 1px 4px rgba(0, 0, 0, 0.25); }
  .page-break { border-top: 1px dashed #999; margin: 4mm 0; }
  .figure { text-decoration: underline dotted #1565c0; cursor: help; }
}`;

export function documentCss(opts: { footer?: string; forPrint: boolean }): string {
  return `${TITLE_FONT_FACE}
@page { size: ${PAGE_MM.width}mm ${PAGE_MM.height}mm; margin: ${PAGE_MM.top}mm ${PAGE_MM.right}mm ${PAGE_MM.bottom}mm ${PAGE_MM.left}mm; }
${pageMarginBoxes(opts.footer)}
html { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
body { margin: 0; color: #000; font-family: ${family('fangsong', 'serif')}; font-size: ${SIZE_PT.body}pt;
  line-height: ${line}; letter-spacing: ${CSS_LETTER_SPACING_PT}pt; text-align: justify;
  text-spacing-trim: space-all; text-autospace: no-autospace; orphans: 1; widows: 1; }
p, h1, h2, h3, h4, h5, ol, li, figure { margin: 0; padding: 0; }
.part + .part { break-before: page; }
.page-break { break-after: page; }
.issuer, .title { font-family: ${cssString(TITLE_FACE)}, ${family('xiaobiaosong', 'serif')}; font-size: ${SIZE_PT.title}pt;
  font-weight: normal; text-align: center; letter-spacing: 0; }
.doc-number { text-align: center; }
.heading, .body, .list li { text-indent: ${chars(2)}; }
.body.no-indent { text-indent: 0; }
.align-left { text-align: left; } .align-center { text-align: center; } .align-right { text-align: right; }
.align-justify { text-align: justify; }
.level-1 { font-family: ${family('heiti', 'sans-serif')}; font-weight: normal; }
.level-2 { font-family: ${family('kaiti', 'serif')}; font-weight: normal; }
.level-3 { font-weight: bold; }
.level-4 { font-weight: normal; }
.heading { font-size: ${SIZE_PT.body}pt; }
.list { list-style: none; }
.grid, .toc, .fields { width: 100%; border-collapse: collapse; letter-spacing: 0; }
.grid { font-size: ${SIZE_PT.small}pt; line-height: 1.5; text-align: left; }
.grid caption, .toc caption { caption-side: top; font-family: ${family('heiti', 'sans-serif')}; font-size: ${SIZE_PT.body}pt;
  line-height: ${line}; text-align: center; }
.grid th, .grid td, .toc th, .toc td { border: 0.75pt solid #000; padding: 1mm 1.5mm; vertical-align: top;
  overflow-wrap: anywhere; }
.grid th, .toc th { font-family: ${family('heiti', 'sans-serif')}; font-weight: normal; text-align: center; }
.grid tr, .toc tr, .fields tr { break-inside: avoid; }
thead { display: table-header-group; }
.toc { font-size: ${SIZE_PT.body}pt; line-height: ${line}; }
.toc td.page { text-align: center; white-space: nowrap; width: 22%; }
.fields th { font-family: ${family('heiti', 'sans-serif')}; font-weight: normal; text-align: left; white-space: nowrap;
  width: 30%; padding: 0 2mm 0 0; vertical-align: top; }
.fields td { border-bottom: 0.75pt solid #000; vertical-align: top; }
.image { text-align: center; text-indent: 0; break-inside: avoid; }
.image img { display: block; margin: 0 auto; }
.image figcaption { font-size: ${SIZE_PT.small + 2}pt; text-align: center; letter-spacing: 0; }
.signature p { text-align: right; text-indent: 0; }
/* GB/T 9704 §7.3.5: the signature never stands alone on a page. Issuer and date stay together and with the end of
   the body: where they do not fit under it, the last body lines go onto the next page with them (widows: 2 there),
   so the standard's other remedy, a page marked "（此页无正文）", is not needed. */
.signature { break-inside: avoid; break-before: avoid; }
.keep-with-next { break-after: avoid; widows: 2; }
${opts.forPrint ? '' : SCREEN}`;
}
