/**
 * 每日抓拍数量及访客人数: captures per day as bars, distinct visitors per day (persons not confirmed staff) as a
 * line, one slot per day given (the caller passes every calendar day, so closures and outages show as gaps).
 * Each bar carries its figures as data attributes and a <title>, so the numbers can be read back.
 */
import { niceScale } from './niceScale';
import { CHART_WIDTH, chartFrame, escapeXml, round, text, type ChartSvg } from './svgText';

export interface DayFigures {
  /** YYYY-MM-DD, the case zone's local date. */
  date: string;
  captures: number;
  /** Distinct visitors that day; null before faces are grouped into persons. */
  visitors: number | null;
}

export interface DailyChartInput {
  caseNumber: string;
  /**
   * Every calendar day of the period, days without captures as zero (shared/calendarDays.ts fillCalendarDays),
   * so closures and outages show as gaps; the chart draws the days it is given.
   */
  days: readonly DayFigures[];
  /** When the figures were computed (shown in the note). */
  computedAt?: string;
}

const HEIGHT = 540;
const PLOT = { left: 62, right: 16, top: 100, bottom: 92 };

export function monthDayLabel(date: string, withYear: boolean): string {
  const [y, m, d] = date.split('-').map(Number);
  return `${withYear ? `${y}年` : ''}${m}月${d}日`;
}

export function dailyCapturesChart(input: DailyChartInput): ChartSvg {
  const days = input.days;
  const withVisitors = days.some((d) => d.visitors !== null);
  const total = days.reduce((s, d) => s + d.captures, 0);
  const peak = days.reduce<DayFigures | null>((p, d) => (p === null || d.captures > p.captures ? d : p), null);
  const scale = niceScale(Math.max(1, ...days.map((d) => Math.max(d.captures, d.visitors ?? 0))));
  const plotW = CHART_WIDTH - PLOT.left - PLOT.right;
  const plotH = HEIGHT - PLOT.top - PLOT.bottom;
  const slot = days.length > 0 ? plotW / days.length : plotW;
  const barW = Math.max(0.6, slot * 0.7);
  const y = (v: number) => PLOT.top + plotH - (v / scale.max) * plotH;
  const parts: string[] = [];

  const activeDays = days.filter((d) => d.captures > 0).length;
  // Two lines: a period of several months with a six-digit total does not fit the text block's width in one.
  const summary = days.length === 0
    ? ['本案无抓拍记录。']
    : [
        `${monthDayLabel(days[0]!.date, true)}至${monthDayLabel(days[days.length - 1]!.date, true)}，共${days.length}天，其中${activeDays}天有抓拍，合计抓拍${total}次；`,
        `单日最多${peak!.captures}次（${monthDayLabel(peak!.date, true)}）。`,
      ];
  summary.forEach((line, i) => parts.push(text(0, 46 + i * 19, line, 'font-size="15" fill="#000000" class="chart-summary"')));

  // Grid and value axis.
  for (const t of scale.ticks) {
    parts.push(`<line x1="${PLOT.left}" y1="${round(y(t))}" x2="${PLOT.left + plotW}" y2="${round(y(t))}" stroke="${t === 0 ? '#000000' : '#cccccc'}" stroke-width="${t === 0 ? 1 : 0.6}"/>`);
    parts.push(text(PLOT.left - 6, y(t) + 4, String(t), 'font-size="13" text-anchor="end" fill="#000000" class="tick"'));
  }
  parts.push(text(4, PLOT.top - 10, '次数／人数', 'font-size="13" fill="#000000"'));

  // Bars, one per calendar day.
  days.forEach((d, i) => {
    const x = PLOT.left + i * slot + (slot - barW) / 2;
    const title = `${monthDayLabel(d.date, true)}：抓拍${d.captures}次${d.visitors === null ? '' : `，访客${d.visitors}人`}`;
    parts.push(
      `<rect class="day-bar" data-date="${d.date}" data-captures="${d.captures}"${d.visitors === null ? '' : ` data-visitors="${d.visitors}"`} x="${round(x)}" y="${round(y(d.captures))}" width="${round(barW)}" height="${round(PLOT.top + plotH - y(d.captures))}" fill="#4a6fa5"><title>${escapeXml(title)}</title></rect>`,
    );
    // Values printed above the bars only where they fit (a month or less); longer periods rely on the axis.
    if (days.length <= 31 && d.captures > 0) {
      parts.push(text(x + barW / 2, y(d.captures) - 3, String(d.captures), 'font-size="12" text-anchor="middle" fill="#000000" class="bar-value"'));
    }
  });

  // Visitors as a line over the bars.
  if (withVisitors) {
    const points = days.map((d, i) => `${round(PLOT.left + i * slot + slot / 2)},${round(y(d.visitors ?? 0))}`).join(' ');
    parts.push(`<polyline class="visitor-line" points="${points}" fill="none" stroke="#c0392b" stroke-width="1.6"/>`);
    if (days.length <= 62) {
      days.forEach((d, i) => parts.push(`<circle cx="${round(PLOT.left + i * slot + slot / 2)}" cy="${round(y(d.visitors ?? 0))}" r="2.2" fill="#c0392b"/>`));
    }
  }

  // Date labels: at most ten, the year written on the first and where it changes.
  const step = Math.max(1, Math.ceil(days.length / 10));
  let lastYear = '';
  for (let i = 0; i < days.length; i += step) {
    const d = days[i]!;
    const year = d.date.slice(0, 4);
    const cx = PLOT.left + i * slot + slot / 2;
    parts.push(`<line x1="${round(cx)}" y1="${PLOT.top + plotH}" x2="${round(cx)}" y2="${PLOT.top + plotH + 4}" stroke="#000000" stroke-width="0.8"/>`);
    parts.push(text(cx, PLOT.top + plotH + 18, monthDayLabel(d.date, year !== lastYear), `font-size="12.5" text-anchor="middle" fill="#000000" class="date-label"`));
    lastYear = year;
  }
  parts.push(text(PLOT.left + plotW / 2, PLOT.top + plotH + 40, '日期', 'font-size="13" text-anchor="middle" fill="#000000"'));

  // Legend.
  const ly = HEIGHT - 34;
  parts.push(`<rect x="${PLOT.left}" y="${ly - 9}" width="14" height="10" fill="#4a6fa5"/>`);
  parts.push(text(PLOT.left + 20, ly, '抓拍数（次）', 'font-size="14" fill="#000000"'));
  if (withVisitors) {
    parts.push(`<line x1="${PLOT.left + 140}" y1="${ly - 4}" x2="${PLOT.left + 164}" y2="${ly - 4}" stroke="#c0392b" stroke-width="1.6"/>`);
    parts.push(text(PLOT.left + 170, ly, '访客人数（人，按人脸去重，不含确认的工作人员）', 'font-size="14" fill="#000000"'));
  } else {
    parts.push(text(PLOT.left + 140, ly, '人脸尚未归并为人员，未列访客人数', 'font-size="14" fill="#000000"'));
  }

  return chartFrame({
    title: '每日抓拍数量及访客人数',
    caseNumber: input.caseNumber,
    note: `数据来源：本案取证数据（抓拍记录按当地日期统计）${input.computedAt ? `，统计时间 ${input.computedAt}` : ''}`,
    height: HEIGHT,
    body: parts.join(''),
  });
}
