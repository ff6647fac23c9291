/**
 * The small pieces every case-file chart is written with: XML escaping, the font stack, and the A4 frame.
 *
 * Charts are plain SVG strings so the same chart prints through Chromium (PDF), goes into a DOCX as a picture and
 * shows in the preview, with no DOM and no Node. Text is real SVG text (not paths), so a reader can search the PDF
 * and a test can read every number back.
 */

/** Escapes text for SVG element content and attribute values. */
export function escapeXml(text: string): string {
  return text.replace(/[&<>"']/gu, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[c]!);
}

/**
 * Fonts named, CJK ones with fallbacks: the official 黑体 where installed (Windows), else the open Noto Sans CJK SC
 * (fonts-noto-cjk on Debian), else whatever sans-serif the system maps Chinese to.
 */
/** A constant (no double quotes): written into the attribute as it is. */
export const CHART_FONT = "'Noto Sans CJK SC', 'Source Han Sans SC', SimHei, 'Microsoft YaHei', sans-serif";

/** Printed width of a chart: the GB/T 9704 text block is 156 mm wide. */
export const CHART_WIDTH_MM = 156;
/** SVG user units per millimetre: the viewBox is 780 units wide for 156 mm. */
export const UNITS_PER_MM = 5;
export const CHART_WIDTH = CHART_WIDTH_MM * UNITS_PER_MM;

export interface ChartSvg {
  svg: string;
  widthMm: number;
  heightMm: number;
}

/** A text element; `attrs` are written as given (numbers and fixed words only), `text` is escaped. */
export function text(x: number, y: number, content: string, attrs = ''): string {
  return `<text x="${round(x)}" y="${round(y)}"${attrs ? ` ${attrs}` : ''}>${escapeXml(content)}</text>`;
}

export function round(n: number): number {
  return Math.round(n * 10) / 10;
}

/**
 * The frame shared by all charts: title at the top left, case number at the top right (so a page torn out of the
 * file still says which case it belongs to), a note at the bottom (what was counted, when).
 */
export function chartFrame(opts: { title: string; caseNumber: string; note: string; height: number; body: string }): ChartSvg {
  const { height } = opts;
  const svg = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${CHART_WIDTH_MM}mm" height="${round(height / UNITS_PER_MM)}mm" viewBox="0 0 ${CHART_WIDTH} ${height}" font-family="${CHART_FONT}">`,
    `<rect x="0" y="0" width="${CHART_WIDTH}" height="${height}" fill="#ffffff"/>`,
    text(0, 22, opts.title, 'font-size="22" font-weight="bold" fill="#000000" class="chart-title"'),
    text(CHART_WIDTH, 22, `案号：${opts.caseNumber}`, 'font-size="14" text-anchor="end" fill="#000000" class="case-number"'),
    opts.body,
    text(0, height - 6, opts.note, 'font-size="13" fill="#333333" class="chart-note"'),
    '</svg>',
  ].join('');
  return { svg, widthMm: CHART_WIDTH_MM, heightMm: round(height / UNITS_PER_MM) };
}
