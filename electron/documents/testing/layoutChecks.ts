/**
 * What a reader sees on the printed pages, measured from a PDF: the text without the spaces readers insert
 * between CJK and Latin, the lines of the text block, and where each page's number stands.
 */
import { pdfPageTexts, pdfWords, type PdfWord } from './pdfTools';

/** Text with all white space removed: readers add spaces between Chinese and digits, and break lines anywhere. */
export function compact(text: string): string {
  return text.replace(/\s+/g, '');
}

/** The non-empty lines of a page's layout text, without the footer line (the page number's). */
export function bodyLines(pageText: string): string[] {
  return pageText
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l !== '' && !/—\s*\d+\s*—/.test(l));
}

/** Characters on a line, spaces (inserted by the reader around digits) not counted. */
export function lineChars(line: string): number {
  return [...compact(line)].length;
}

export interface PageNumberPlace {
  page: number;
  number: number;
  /** Left edge of the leading dash and right edge of the trailing dash, in points from the page's left. */
  left: number;
  right: number;
  /** Vertical middle of the dashes' boxes, in points from the page's top. */
  middle: number;
}

/** Where "— N —" stands on each page: the words are "—", "N", "—" (or run together, as some readers write them). */
export function pageNumberPlaces(pdfPath: string): PageNumberPlace[] {
  const words = pdfWords(pdfPath);
  const places: PageNumberPlace[] = [];
  const pages = new Set(words.map((w) => w.page));
  for (const page of pages) {
    const onPage = words.filter((w) => w.page === page);
    const joined = findNumber(onPage);
    if (joined) places.push({ page, ...joined });
  }
  return places;
}

function findNumber(words: PdfWord[]): Omit<PageNumberPlace, 'page'> | null {
  for (let i = 0; i < words.length; i++) {
    const one = words[i];
    if (!one) continue;
    const whole = /^—(\d+)—$/.exec(one.text);
    if (whole) return { number: Number(whole[1]), left: one.xMin, right: one.xMax, middle: (one.yMin + one.yMax) / 2 };
    const [dash, num, dash2] = [one, words[i + 1], words[i + 2]];
    if (dash.text === '—' && num && /^\d+$/.test(num.text) && dash2?.text === '—') {
      return { number: Number(num.text), left: dash.xMin, right: dash2.xMax, middle: (dash.yMin + dash.yMax) / 2 };
    }
  }
  return null;
}

export { pdfPageTexts };
