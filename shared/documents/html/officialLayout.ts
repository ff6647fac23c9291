/**
 * The GB/T 9704-2012 page of an official document, in the units each renderer needs.
 *
 * One source for the HTML/PDF renderer (CSS in mm and pt) and the DOCX writer (twips, half-points), so the printed
 * PDF and the editable Word file have the same page. Pure numbers, no Node, no DOM.
 */

const MM_PER_INCH = 25.4;
const PT_PER_INCH = 72;
const TWIPS_PER_PT = 20;

export function mmToPt(mm: number): number {
  return (mm / MM_PER_INCH) * PT_PER_INCH;
}

/** Twips (1/20 pt, Word's unit for margins and indents), rounded as Word stores them. */
export function mmToTwips(mm: number): number {
  return Math.round(mmToPt(mm) * TWIPS_PER_PT);
}

/** A4 with GB/T 9704 margins: 天头 37 mm, 订口 28 mm; the 156 × 225 mm text block leaves 26 mm right, 35 mm bottom. */
export const PAGE_MM = {
  width: 210,
  height: 297,
  top: 37,
  bottom: 35,
  left: 28,
  right: 26,
} as const;

export const TEXT_BLOCK_MM = {
  width: PAGE_MM.width - PAGE_MM.left - PAGE_MM.right,
  height: PAGE_MM.height - PAGE_MM.top - PAGE_MM.bottom,
} as const;

/** 22 lines of 28 characters on a page. */
export const GRID = { lines: 22, chars: 28 } as const;

/** Font sizes in points: 2号 22 pt, 3号 16 pt, 4号 14 pt, 小四 12 pt. */
export const SIZE_PT = {
  title: 22,
  body: 16,
  pageNumber: 14,
  /** Tables and captions: evidence tables carry hashes and paths that 3号 would break into many lines. */
  small: 12,
} as const;

const TEXT_BLOCK_TWIPS = {
  // From the page and margins in twips, as Word computes the text block (11906 − 1588 − 1474 = 8844).
  width: mmToTwips(PAGE_MM.width) - mmToTwips(PAGE_MM.left) - mmToTwips(PAGE_MM.right),
  height: mmToTwips(PAGE_MM.height) - mmToTwips(PAGE_MM.top) - mmToTwips(PAGE_MM.bottom),
};

/**
 * Line pitch in twips: the 225 mm block is 12756 twips, / 22 = 579.8. Rounded down (579 = 28.95 pt), because 580
 * × 22 = 12760 overflows the block by 4 twips and Word would then fit only 21 lines.
 */
export const LINE_PITCH_TWIPS = Math.floor(TEXT_BLOCK_TWIPS.height / GRID.lines);
export const LINE_PITCH_PT = LINE_PITCH_TWIPS / TWIPS_PER_PT;

/** Character pitch: 156 mm = 442.2 pt / 28 = 15.79 pt, narrower than the 16 pt body font. */
export const CHAR_PITCH_PT = TEXT_BLOCK_TWIPS.width / TWIPS_PER_PT / GRID.chars;

/**
 * CSS letter-spacing for the same 28 characters in a browser. A little tighter than the exact −0.207 pt so rounding
 * to device pixels never pushes the 28th character onto the next line (28 × 15.79 = 442.1 pt < 442.2 pt, while 29
 * characters need 458 pt).
 */
export const CSS_LETTER_SPACING_PT = Math.floor((CHAR_PITCH_PT - SIZE_PT.body) * 100) / 100;

/**
 * Page number (GB/T 9704 §7.5): 4号 宋体, an em dash each side, the dashes 7 mm below the text block, one
 * character in from the block's outer edge; odd pages right, even pages left.
 */
export const PAGE_NUMBER = {
  belowTextBlockMm: 7,
  /** One 4号 character of indent from the outer edge of the text block. */
  insetPt: SIZE_PT.pageNumber,
  dash: '—',
} as const;

export function pageNumberText(page: number | string): string {
  return `${PAGE_NUMBER.dash} ${page} ${PAGE_NUMBER.dash}`;
}

/**
 * Font families, the official (Chinese Windows / WPS) name first, then the open fonts installed on Linux
 * (fonts-noto-cjk, fonts-arphic-ukai). DOCX names only the first (a run names one font); CSS uses the whole list.
 */
export const FONT_STACKS = {
  fangsong: ['FangSong_GB2312', '仿宋_GB2312', 'FangSong', '仿宋', 'Noto Serif CJK SC'],
  /** 小标宋 has no open equivalent: the fallback is Noto Serif CJK SC Bold, a heavy Song like 小标宋. */
  xiaobiaosong: ['FZXiaoBiaoSong-B05S', '方正小标宋简体', 'Noto Serif CJK SC'],
  heiti: ['SimHei', '黑体', 'Noto Sans CJK SC'],
  kaiti: ['KaiTi_GB2312', '楷体_GB2312', 'KaiTi', '楷体', 'AR PL UKai CN'],
  songti: ['SimSun', '宋体', 'Noto Serif CJK SC'],
} as const;

export type FontRole = keyof typeof FONT_STACKS;

/** The font a DOCX run names: the official one, which Word and WPS on a Chinese Windows have. */
export function officialFont(role: FontRole): string {
  return FONT_STACKS[role][0];
}

/**
 * Width of a text in grid characters: CJK and full-width forms take one, ASCII and half-width forms half.
 * Used to centre the issuing body over the date in the signature.
 */
export function gridWidth(text: string): number {
  let width = 0;
  for (const ch of text) {
    const code = ch.codePointAt(0) ?? 0;
    width += code < 0x1100 || (code >= 0xff61 && code <= 0xffdc) ? 0.5 : 1;
  }
  return width;
}

/**
 * Right indents (in grid characters) of the signature lines: the lines are centred on each other (the issuing
 * body centred over the date) and the widest stands `right` characters from the right edge: 4 with a seal, 2
 * without (GB/T 9704 §7.3.5).
 */
export function signatureRightIndents(lines: readonly string[], seal: boolean): number[] {
  const right = seal ? 4 : 2;
  const widest = Math.max(0, ...lines.map(gridWidth));
  return lines.map((line) => right + (widest - gridWidth(line)) / 2);
}

/** Blank grid lines above the signature: room for the seal, which overlaps the signature from above. */
export function signatureSpaceLines(seal: boolean): number {
  return seal ? 3 : 1;
}

/** Page range of a table-of-contents entry: "3" or "3–5"; blank while pages are not yet known. */
export function tocPages(entry: { page: number | null; pages?: number }): string {
  if (entry.page === null) return '';
  const last = entry.page + (entry.pages ?? 1) - 1;
  return last > entry.page ? `${entry.page}–${last}` : String(entry.page);
}
