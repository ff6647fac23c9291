/**
 * The case file's statistics charts, drawn from the findings (computeStats, heatMap) so every number on them is
 * the number the decision cites: captures per day with visitors, captures per camera and zone, hour × weekday.
 */
import { fillCalendarDays } from '../../../shared/calendarDays';
import type { Stats } from '../../../shared/api';
import type { HeatMap } from '../../../shared/findingsApi';
import type { Block } from '../../../shared/documents/model';
import { cameraCapturesChart, dailyCapturesChart, weekHourHeatMapChart, type ChartSvg } from '../../../shared/documents/charts';

export const CHARTS_TITLE = '抓拍数据统计图表';

export interface CaseCharts {
  daily: ChartSvg;
  cameras: ChartSvg;
  heatMap: ChartSvg;
}

/** 2026-11-23T06:00:28Z → 2026年11月23日 14:00 on the case's clock: when the figures were counted, for the note. */
export function computedAtZh(iso: string, timeZone: string): string {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: 'numeric', day: 'numeric', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' })
      .formatToParts(new Date(iso))
      .map((p) => [p.type, p.value]),
  );
  return `${parts.year}年${Number(parts.month)}月${Number(parts.day)}日 ${parts.hour}:${parts.minute}`;
}

export function caseCharts(caseNumber: string, stats: Stats, heat: HeatMap): CaseCharts {
  const computedAt = computedAtZh(stats.computedAt, stats.timezone);
  const days = fillCalendarDays(
    stats.perDay.map((d) => ({ date: d.date, captures: d.captures, visitors: d.visitors })),
    (date) => ({ date, captures: 0, visitors: stats.identity.state === 'none' ? null : 0 }),
  );
  return {
    daily: dailyCapturesChart({ caseNumber, days, computedAt }),
    cameras: cameraCapturesChart({ caseNumber, cameras: stats.cameras, zones: stats.zones, computedAt }),
    heatMap: weekHourHeatMapChart({ caseNumber, cells: heat.cells, computedAt: computedAtZh(heat.provenance.computedAt, stats.timezone) }),
  };
}

export function svgDataUrl(svg: string): string {
  return `data:image/svg+xml;base64,${Buffer.from(svg, 'utf8').toString('base64')}`;
}

function chartBlock(chart: ChartSvg, caption: string): Block {
  return { kind: 'image', dataUrl: svgDataUrl(chart.svg), widthMm: chart.widthMm, heightMm: chart.heightMm, caption };
}

/** The charts as blocks of one part: a short lead, then the three figures, each captioned 图1–图3. */
export function chartBlocks(charts: CaseCharts, stats: Stats): Block[] {
  const persons = stats.identity.state === 'none'
    ? '人脸尚未归并为人员，图中未列访客人数。'
    : `访客人数为按人脸归并后、未确认为工作人员的人员数（人员归并第${stats.identity.runId}次运行，复核决定${stats.identity.decisions}项）。`;
  return [
    { kind: 'title', text: CHARTS_TITLE },
    {
      kind: 'paragraph',
      runs: [{ text: `以下图表由本案取证数据统计生成，统计时间${computedAtZh(stats.computedAt, stats.timezone)}，数字与案件调查终结报告、行政处罚决定书引用的数字出自同一统计。${persons}` }],
    },
    chartBlock(charts.daily, '图1　每日抓拍数量及访客人数'),
    chartBlock(charts.cameras, '图2　各摄像头抓拍数量'),
    chartBlock(charts.heatMap, '图3　抓拍时段分布（星期 × 小时）'),
  ];
}
