/**
 * Table column widths, the same in HTML and DOCX: the drafter's per cents, widened where a column head would not fit
 * on one line. A narrow 序号 column at 6 % of the 156 mm block (9.4 mm) broke its head into 序 / 号 in both
 * renderers; a reviewer rejects a head set one character a line.
 */
import { SIZE_PT, TEXT_BLOCK_MM, gridWidth, mmToPt } from './officialLayout';

/** Cell padding left and right (the HTML's 1.5 mm; the DOCX's 85-twip cell margins), and a rule's width. */
export const TABLE_CELL_PADDING_MM = 1.5;
const RULE_PT = 0.75;

/** Per cent of the text block a head needs on one line: its characters in the 小四 table face, padding, rule. */
export function headPercent(head: string): number {
  const pt = gridWidth(head) * SIZE_PT.small + 2 * mmToPt(TABLE_CELL_PADDING_MM) + RULE_PT + 1;
  return (pt / mmToPt(TEXT_BLOCK_MM.width)) * 100;
}

/**
 * Column widths in per cent (summing to 100): `widths` scaled to 100 (equal columns without them), each column at
 * least as wide as its head needs; what the narrow ones gain comes from the others in proportion to their room.
 * Where all heads cannot fit, the drafter's widths stand.
 */
export function tableColumnPercents(header: readonly string[], widths?: readonly number[]): number[] {
  const columns = header.length;
  const given = widths && widths.length === columns && widths.every((w) => w > 0) ? widths : Array.from({ length: columns }, () => 1);
  const total = given.reduce((a, b) => a + b, 0);
  const base = given.map((w) => (w / total) * 100);
  const need = header.map(headPercent);
  if (need.reduce((a, b) => a + b, 0) > 100) return base;
  const short = base.reduce((sum, w, i) => sum + Math.max(0, (need[i] ?? 0) - w), 0);
  if (short === 0) return base;
  const room = base.map((w, i) => Math.max(0, w - (need[i] ?? 0)));
  const roomTotal = room.reduce((a, b) => a + b, 0);
  return base.map((w, i) => {
    const min = need[i] ?? 0;
    if (w < min) return +min.toFixed(2);
    return +(w - (short * (room[i] ?? 0)) / roomTotal).toFixed(2);
  });
}
