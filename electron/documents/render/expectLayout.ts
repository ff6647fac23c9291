/**
 * The checks both the DOCX (through LibreOffice) and the PDF (through Chromium) must pass: the same document,
 * read back from the printed pages.
 */
import { expect } from 'vitest';
import { mmToPt } from '../../../shared/documents/html/officialLayout';
import type { DocumentModel } from '../../../shared/documents/model';
import { bodyLines, compact, lineChars, pageNumberPlaces, pdfPageTexts } from '../testing/layoutChecks';
import { pdfFonts, pdfPageSize, pdfText } from '../testing/pdfTools';
import { CONSUMER_LAW_29, GRID_PAGE_ONE, NUMBER_TEXT, SAMPLE_TEXTS, SIGNATURE_TEST, TABLE_ROWS } from '../testing/sampleDocument';

const A4 = { width: mmToPt(210), height: mmToPt(297) };

export function expectA4(pdfPath: string): void {
  const size = pdfPageSize(pdfPath);
  // Chromium rounds the page to its own units (594.96 × 841.92): within half a millimetre.
  expect(Math.abs(size.width - A4.width)).toBeLessThan(1.5);
  expect(Math.abs(size.height - A4.height)).toBeLessThan(1.5);
}

/** Every text of the sample model, in order, and the statute article character for character. */
export function expectSampleText(pdfPath: string): void {
  const text = compact(pdfText(pdfPath, 'raw'));
  const t = SAMPLE_TEXTS;
  const inOrder = [
    t.issuer, t.title, t.docNumber, t.heading1, t.heading2, t.heading3, t.heading4, t.facts,
    compact(`《中华人民共和国消费者权益保护法》${CONSUMER_LAW_29()}`), compact(t.markup), ...t.listItems, t.tableCaption,
    ...t.tableHeader, `抓拍记录导出表第${TABLE_ROWS}册`, '图1每日抓拍数量', '图2抓拍图片样例', ...t.signature,
    t.secondPart, t.fieldsLabel, t.fieldsValue, '题名', '页号', t.tocEntry, '1–3', '本页在分页符之后。',
  ];
  let from = 0;
  for (const expected of inOrder) {
    const at = text.indexOf(compact(expected), from);
    expect(at, `“${expected}” after position ${from}`).toBeGreaterThanOrEqual(0);
    from = at + compact(expected).length;
  }
  // The user's markup is text, not formatting.
  expect(text).toContain('<b>当事人</b>&“引号”');
}

/** The table runs onto a second page and its header row repeats there. */
export function expectRepeatedHeader(pdfPath: string): void {
  const pages = pdfPageTexts(pdfPath).map(compact);
  const withRows = pages.filter((p) => /抓拍记录导出表第\d+册/.test(p));
  expect(withRows.length).toBeGreaterThanOrEqual(2);
  for (const page of withRows) expect(page).toContain(compact(SAMPLE_TEXTS.tableHeader.join('')));
}

/** Each page's number "— N —" on the outer side: odd pages right, even pages left, 7 mm under the text block. */
export function expectOuterPageNumbers(pdfPath: string, opts: { middleToleranceMm: number }): void {
  const { pages } = pdfPageSize(pdfPath);
  const places = pageNumberPlaces(pdfPath);
  expect(places.map((p) => p.number)).toEqual(Array.from({ length: pages }, (_, i) => i + 1));
  const blockLeft = mmToPt(28);
  const blockRight = mmToPt(210 - 26);
  const blockBottom = mmToPt(297 - 35);
  const inset = 14; // one 4号 character
  for (const place of places) {
    if (place.number % 2 === 1) {
      expect(Math.abs(place.right - (blockRight - inset)), `page ${place.number} right edge`).toBeLessThan(4);
    } else {
      expect(Math.abs(place.left - (blockLeft + inset)), `page ${place.number} left edge`).toBeLessThan(4);
    }
    expect(Math.abs(place.middle - (blockBottom + mmToPt(7))), `page ${place.number} height`).toBeLessThan(mmToPt(opts.middleToleranceMm));
  }
}

/** The grid: page one of the grid model holds 22 lines, 26 characters on the indented first, 28 on the others. */
export function expectGrid(pdfPath: string): void {
  const first = pdfPageTexts(pdfPath)[0] ?? '';
  const lines = bodyLines(first);
  expect(lines).toHaveLength(GRID_PAGE_ONE.lines);
  expect(lines.map(lineChars)).toEqual([GRID_PAGE_ONE.firstLineChars, ...Array(GRID_PAGE_ONE.lines - 1).fill(GRID_PAGE_ONE.lineChars)]);
}

/**
 * No number split between lines (numberBreakTestModel): no line ends in a digit where the next begins with one,
 * and every paragraph still reads whole.
 */
export function expectNumbersUnbroken(pdfPath: string): void {
  const lines = pdfPageTexts(pdfPath).flatMap(bodyLines).map(compact);
  const splits = lines.flatMap((line, i) => {
    const next = lines[i + 1] ?? '';
    return /\d$/.test(line) && /^\d/.test(next) ? [`${line.slice(-8)} / ${next.slice(0, 8)}`] : [];
  });
  expect(splits).toEqual([]);
  expect(lines.join('').split(compact(NUMBER_TEXT)).length - 1).toBe(29);
}

/**
 * The signature (signatureTestModel) is not alone on its page: the page that holds it also holds the end of the
 * body (GB/T 9704 §7.3.5), and issuer and date stand on one page.
 */
export function expectSignatureWithBody(pdfPath: string): void {
  const pages = pdfPageTexts(pdfPath).map((page) => bodyLines(page).map(compact));
  const [issuer, date] = SIGNATURE_TEST.lines.map(compact);
  const at = pages.findIndex((lines) => lines.includes(issuer ?? ''));
  expect(at, 'page with the signature').toBeGreaterThanOrEqual(0);
  const onPage = pages[at] ?? [];
  expect(onPage).toContain(date);
  const body = onPage.filter((line) => line !== issuer && line !== date);
  expect(body.length, `body lines on page ${at + 1} with the signature`).toBeGreaterThan(0);
}

/** Every font embedded with a Unicode map, so the Chinese can be printed and read back anywhere. */
export function expectEmbeddedFonts(pdfPath: string): void {
  const fonts = pdfFonts(pdfPath);
  expect(fonts.length).toBeGreaterThan(0);
  for (const font of fonts) {
    expect(font.embedded, `${font.name} embedded`).toBe(true);
    expect(font.unicode, `${font.name} maps to Unicode`).toBe(true);
  }
}

export type { DocumentModel };
