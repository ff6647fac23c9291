/**
 * 抓拍时段分布: captures by hour of day × day of week, in the office's wall-clock time, Monday first (as Chinese
 * calendars print it), every cell's count written in it, row and column totals at the edges. Shades of one blue
 * stay readable when the file is printed in grey.
 */
import { CHART_WIDTH, chartFrame, round, text, type ChartSvg } from './svgText';

export interface HeatCell {
  /** 0 = Sunday … 6 = Saturday (SQLite's %w). */
  weekday: number;
  hour: number;
  captures: number;
}

export interface HeatMapChartInput {
  caseNumber: string;
  cells: readonly HeatCell[];
  computedAt?: string;
}

export const WEEKDAY_LABELS = ['周日', '周一', '周二', '周三', '周四', '周五', '周六'];
/** Rows top to bottom: Monday … Sunday. */
export const WEEKDAY_ROWS = [1, 2, 3, 4, 5, 6, 0];

const LEFT = 44;
const TOP = 100;
const TOTAL_W = 56;
const CELL_H = 30;

/** White → dark blue; the text turns white where the fill gets dark. */
function shade(value: number, max: number): { fill: string; ink: string } {
  if (value === 0) return { fill: '#ffffff', ink: '#999999' };
  const t = Math.sqrt(value / max); // square root: small counts stay visible beside a busy weekend
  const mix = (a: number, b: number) => Math.round(a + (b - a) * t);
  const hex = (n: number) => n.toString(16).padStart(2, '0');
  return { fill: `#${hex(mix(235, 20))}${hex(mix(242, 60))}${hex(mix(250, 130))}`, ink: t > 0.55 ? '#ffffff' : '#000000' };
}

/** Type size for counts of so many digits, so they stay inside a cell 1/24 of the text block wide. */
function fontForDigits(digits: number): number {
  return digits <= 3 ? 12 : digits === 4 ? 10 : digits === 5 ? 8.5 : 7;
}

export function weekHourHeatMapChart(input: HeatMapChartInput): ChartSvg {
  const grid = Array.from({ length: 7 }, () => new Array<number>(24).fill(0));
  for (const c of input.cells) grid[c.weekday]![c.hour]! += c.captures;
  const rowTotals = grid.map((r) => r.reduce((s, v) => s + v, 0));
  const colTotals = Array.from({ length: 24 }, (_, h) => grid.reduce((s, r) => s + r[h]!, 0));
  const total = rowTotals.reduce((s, v) => s + v, 0);
  const max = Math.max(1, ...grid.flat());
  const cellW = (CHART_WIDTH - LEFT - TOTAL_W) / 24;
  const height = TOP + 7 * CELL_H + CELL_H + 40;
  // Long counts get a smaller type so they stay inside their cell.
  const cellFont = fontForDigits(String(max).length);
  const totalsFont = fontForDigits(String(Math.max(...colTotals)).length);
  const parts: string[] = [];

  const busiest = [...grid.entries()].flatMap(([w, r]) => r.map((v, h) => ({ w, h, v }))).sort((a, b) => b.v - a.v || a.w - b.w || a.h - b.h)[0]!;
  parts.push(
    text(0, 46, total === 0 ? '本案无抓拍记录。' : `合计抓拍${total}次；最集中的时段为${WEEKDAY_LABELS[busiest.w]}${busiest.h}时至${busiest.h + 1}时（${busiest.v}次）。`, 'font-size="15" fill="#000000" class="chart-summary"'),
  );

  for (let h = 0; h < 24; h++) parts.push(text(LEFT + h * cellW + cellW / 2, TOP - 8, String(h), 'font-size="12.5" text-anchor="middle" fill="#000000" class="hour-label"'));
  parts.push(text(CHART_WIDTH - TOTAL_W / 2, TOP - 8, '合计', 'font-size="12.5" text-anchor="middle" fill="#000000"'));
  parts.push(text(LEFT, TOP - 26, '时（当地时间，0 表示 0:00—0:59）', 'font-size="12.5" fill="#000000"'));

  WEEKDAY_ROWS.forEach((weekday, row) => {
    const top = TOP + row * CELL_H;
    parts.push(text(LEFT - 8, top + CELL_H / 2 + 4, WEEKDAY_LABELS[weekday]!, 'font-size="14" text-anchor="end" fill="#000000" class="weekday-label"'));
    for (let h = 0; h < 24; h++) {
      const v = grid[weekday]![h]!;
      const { fill, ink } = shade(v, max);
      const x = LEFT + h * cellW;
      parts.push(`<rect class="heat-cell" data-weekday="${weekday}" data-hour="${h}" data-captures="${v}" x="${round(x)}" y="${top}" width="${round(cellW)}" height="${CELL_H}" fill="${fill}" stroke="#bbbbbb" stroke-width="0.5"/>`);
      if (v > 0) parts.push(text(x + cellW / 2, top + CELL_H / 2 + cellFont / 3, String(v), `font-size="${cellFont}" text-anchor="middle" fill="${ink}" class="cell-value"`));
    }
    parts.push(text(CHART_WIDTH - TOTAL_W / 2, top + CELL_H / 2 + 4, String(rowTotals[weekday]), `font-size="12.5" text-anchor="middle" fill="#000000" class="row-total" data-weekday="${weekday}"`));
  });
  const totalsTop = TOP + 7 * CELL_H;
  parts.push(text(LEFT - 8, totalsTop + CELL_H / 2 + 4, '合计', 'font-size="14" text-anchor="end" fill="#000000"'));
  colTotals.forEach((v, h) => parts.push(text(LEFT + h * cellW + cellW / 2, totalsTop + CELL_H / 2 + 4, String(v), `font-size="${totalsFont}" text-anchor="middle" fill="#000000" class="col-total" data-hour="${h}"`)));
  parts.push(text(CHART_WIDTH - TOTAL_W / 2, totalsTop + CELL_H / 2 + 4, String(total), 'font-size="12.5" text-anchor="middle" font-weight="bold" fill="#000000" class="grand-total"'));

  return chartFrame({
    title: '抓拍时段分布（星期 × 小时）',
    caseNumber: input.caseNumber,
    note: `数据来源：本案取证数据（按抓拍记录的当地时间统计）${input.computedAt ? `，统计时间 ${input.computedAt}` : ''}`,
    height,
    body: parts.join(''),
  });
}
