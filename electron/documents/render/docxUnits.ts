/** The GB/T 9704 page in Word's units (twips, half-points), from the one layout the HTML renderer uses too. */
import {
  CHAR_PITCH_PT,
  GRID,
  LINE_PITCH_TWIPS,
  PAGE_MM,
  SIZE_PT,
  mmToTwips,
} from '../../../shared/documents/html/officialLayout';

export const TWIPS = {
  pageWidth: mmToTwips(PAGE_MM.width),
  pageHeight: mmToTwips(PAGE_MM.height),
  top: mmToTwips(PAGE_MM.top),
  bottom: mmToTwips(PAGE_MM.bottom),
  left: mmToTwips(PAGE_MM.left),
  right: mmToTwips(PAGE_MM.right),
  /** 8844: what Word computes from the page and margins, so the grid's 28 characters fill it exactly. */
  textWidth: mmToTwips(PAGE_MM.width) - mmToTwips(PAGE_MM.left) - mmToTwips(PAGE_MM.right),
  line: LINE_PITCH_TWIPS,
} as const;

/** −0.25 pt, in twips: the run spacing that sets 28 3号 characters on the line (see docxStyles). */
export const BODY_CHARACTER_SPACING_TWIPS = Math.floor(TWIPS.textWidth / GRID.chars - SIZE_PT.body * 20);

/** Grid characters → twips (15.79 pt each). */
export function charsToTwips(chars: number): number {
  return Math.round(chars * CHAR_PITCH_PT * 20);
}

/** Word sizes runs in half-points: 3号 = 32, 2号 = 44, 4号 = 28, 小四 = 24. */
export const HALF_POINTS = {
  title: SIZE_PT.title * 2,
  body: SIZE_PT.body * 2,
  pageNumber: SIZE_PT.pageNumber * 2,
  small: SIZE_PT.small * 2,
  caption: (SIZE_PT.small + 2) * 2,
} as const;

/** Millimetres → the 96-per-inch pixels docx's ImageRun takes (it converts them to EMU). */
export function mmToImagePx(mm: number): number {
  return Math.round((mm / 25.4) * 96);
}
