/** Reading a PDF back in tests with poppler-utils: its text, fonts, page size, word positions, page images. */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

function poppler(tool: string, args: string[]): string {
  try {
    return execFileSync(tool, args, { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') {
      throw new Error(`${tool} is not installed: apt-get install poppler-utils (CI installs it)`);
    }
    throw err;
  }
}

/** The text: `layout` keeps the page's columns (pdftotext -layout), `raw` the content stream's order. */
export function pdfText(pdfPath: string, mode: 'layout' | 'raw' = 'layout'): string {
  return poppler('pdftotext', [`-${mode}`, '-enc', 'UTF-8', pdfPath, '-']);
}

/** The layout text of each page (pages are separated by form feeds). */
export function pdfPageTexts(pdfPath: string): string[] {
  const pages = pdfText(pdfPath, 'layout').split('\f');
  if (pages.at(-1)?.trim() === '') pages.pop();
  return pages;
}

export interface PdfFont {
  name: string;
  type: string;
  embedded: boolean;
  unicode: boolean;
}

/** The fonts of the PDF, as pdffonts lists them. */
export function pdfFonts(pdfPath: string): PdfFont[] {
  const lines = poppler('pdffonts', [pdfPath]).split('\n').slice(2).filter((l) => l.trim());
  return lines.map((line) => {
    // name, type (may hold spaces: "Type 3", "CID TrueType"), encoding, emb, sub, uni, object, id.
    const m = /^(\S+)\s+(.+?)\s{2,}(\S.*?)\s+(yes|no)\s+(yes|no)\s+(yes|no)\s+\d+\s+\d+\s*$/.exec(line);
    if (!m) throw new Error(`unexpected pdffonts line: ${line}`);
    return { name: m[1] ?? '', type: m[2] ?? '', embedded: m[4] === 'yes', unicode: m[6] === 'yes' };
  });
}

/** Size of the first page in points. */
export function pdfPageSize(pdfPath: string): { width: number; height: number; pages: number } {
  const info = poppler('pdfinfo', [pdfPath]);
  const size = /Page size:\s+([\d.]+) x ([\d.]+) pts/.exec(info);
  const pages = /Pages:\s+(\d+)/.exec(info);
  if (!size || !pages) throw new Error(`pdfinfo gave no page size for ${pdfPath}`);
  return { width: Number(size[1]), height: Number(size[2]), pages: Number(pages[1]) };
}

export interface PdfWord {
  page: number;
  text: string;
  xMin: number;
  yMin: number;
  xMax: number;
  yMax: number;
}

/** Every word with its box in points from the page's top left (pdftotext -bbox). */
export function pdfWords(pdfPath: string): PdfWord[] {
  const html = poppler('pdftotext', ['-bbox', pdfPath, '-']);
  const words: PdfWord[] = [];
  let page = 0;
  for (const line of html.split('\n')) {
    if (line.includes('<page ')) page++;
    const m = /<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">(.*)<\/word>/.exec(line);
    if (m) {
      const text = (m[5] ?? '').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&amp;/g, '&');
      words.push({ page, text, xMin: Number(m[1]), yMin: Number(m[2]), xMax: Number(m[3]), yMax: Number(m[4]) });
    }
  }
  return words;
}

/** Renders pages first..last to PNG files `<prefix>-N.png` at `dpi`; returns their paths. */
export function pdfToPngs(pdfPath: string, prefix: string, opts: { first?: number; last?: number; dpi?: number } = {}): string[] {
  fs.mkdirSync(path.dirname(prefix), { recursive: true });
  poppler('pdftoppm', ['-png', '-r', String(opts.dpi ?? 60), '-f', String(opts.first ?? 1), '-l', String(opts.last ?? 2), pdfPath, prefix]);
  const dir = path.dirname(prefix);
  const base = path.basename(prefix);
  return fs
    .readdirSync(dir)
    .filter((f) => f.startsWith(`${base}-`) && f.endsWith('.png'))
    .sort()
    .map((f) => path.join(dir, f));
}
