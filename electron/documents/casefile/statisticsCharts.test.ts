/**
 * The charts against the findings test case (electron/findings/testing/handCase.ts), figures counted by hand:
 * per day 4 / 3 / 1 captures and 2 / 1 / 0 visitors; cameras CAM01 2, CAM02 3, CAM03 3, CAM04 0; zones 大厅 6,
 * 入口 2, 洽谈区 0; hours: Sunday 9:00 ×2, 10:00 ×2, Monday 14:00 ×3, Tuesday 20:00 ×1.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Stats } from '../../../shared/api';
import type { HeatMap } from '../../../shared/findingsApi';
import { escapeXml } from '../../../shared/documents/charts';
import { heatMap } from '../../findings/heatMap';
import { computeStats } from '../../findings/stats';
import { writeHandCase } from '../../findings/testing/handCase';
import { withCase } from '../../store/caseStore';
import { caseCharts, chartBlocks, computedAtZh } from './statisticsCharts';

const NUMBER = '禹市监处罚〔2022〕12号';
let stats: Stats;
let heat: HeatMap;
let unclustered: Stats;
beforeAll(() => {
  const caseDir = writeHandCase();
  ({ stats, heat } = withCase(caseDir, (db) => ({ stats: computeStats(db), heat: heatMap(db) })));
  unclustered = withCase(writeHandCase({ clustered: false }), (db) => computeStats(db));
});

/** Every element of a class with its data-* attributes. */
function elements(svg: string, cls: string): Record<string, string>[] {
  return [...svg.matchAll(new RegExp(`<[a-z]+ class="${cls}"([^>]*)>`, 'gu'))].map((m) =>
    Object.fromEntries([...m[1]!.matchAll(/data-([a-z]+)="([^"]*)"/gu)].map((a) => [a[1]!, a[2]!])),
  );
}
function texts(svg: string, cls: string): string[] {
  return [...svg.matchAll(new RegExp(`<text [^>]*class="${cls}"[^>]*>([^<]*)</text>`, 'gu'))].map((m) => m[1]!);
}

describe('statistics charts', () => {
  it('draw captures and visitors per day as counted by hand, and as the findings say', () => {
    const { svg } = caseCharts(NUMBER, stats, heat).daily;
    const bars = elements(svg, 'day-bar');
    expect(bars).toEqual([
      { date: '2021-04-18', captures: '4', visitors: '2' },
      { date: '2021-04-19', captures: '3', visitors: '1' },
      { date: '2021-04-20', captures: '1', visitors: '0' },
    ]);
    expect(bars.map((b) => Number(b.captures))).toEqual(stats.perDay.map((d) => d.captures));
    expect(texts(svg, 'bar-value')).toEqual(['4', '3', '1']);
    expect(texts(svg, 'chart-summary')).toEqual(['2021年4月18日至2021年4月20日，共3天，其中3天有抓拍，合计抓拍8次；', '单日最多4次（2021年4月18日）。']);
    expect(svg).toContain('class="visitor-line"');
  });

  it('leave out the visitors line before faces are grouped, and fill days without captures with zero', () => {
    const gap: Stats = { ...unclustered, perDay: [unclustered.perDay[0]!, unclustered.perDay[2]!] };
    const { svg } = caseCharts(NUMBER, gap, heat).daily;
    expect(elements(svg, 'day-bar')).toEqual([
      { date: '2021-04-18', captures: '4' },
      { date: '2021-04-19', captures: '0' },
      { date: '2021-04-20', captures: '1' },
    ]);
    expect(svg).not.toContain('visitor-line');
    expect(svg).toContain('人脸尚未归并为人员');
  });

  it('draw every camera of the device list, the silent one at zero, and the zones’ totals', () => {
    const { svg } = caseCharts(NUMBER, stats, heat).cameras;
    // Zones by captures (大厅, 入口, 洽谈区), cameras by id within each.
    expect(elements(svg, 'camera-bar')).toEqual([
      { camera: 'CAM02', captures: '3' },
      { camera: 'CAM03', captures: '3' },
      { camera: 'CAM01', captures: '2' },
      { camera: 'CAM04', captures: '0' },
    ]);
    expect(texts(svg, 'camera-label')).toEqual(['CAM02 大厅1（大厅）', 'CAM03 大厅2（大厅）', 'CAM01 入口1（入口）', 'CAM04 洽谈区1（洽谈区）']);
    expect(texts(svg, 'zone-total')).toEqual(['大厅 6次（摄像头2个）', '入口 2次（摄像头1个）', '洽谈区 0次（摄像头1个）']);
    expect(texts(svg, 'chart-summary')[0]).toBe('设备清单中共有摄像头4个，其中3个有抓拍记录，合计抓拍8次。');
    const byCamera = new Map(elements(svg, 'camera-bar').map((b) => [b.camera, Number(b.captures)]));
    for (const c of stats.cameras) expect(byCamera.get(c.id)).toBe(c.captures);
  });

  it('put each capture in its hour and weekday, with totals that add up', () => {
    const { svg } = caseCharts(NUMBER, stats, heat).heatMap;
    const filled = elements(svg, 'heat-cell').filter((c) => c.captures !== '0');
    expect(filled).toEqual([
      { weekday: '1', hour: '14', captures: '3' },
      { weekday: '2', hour: '20', captures: '1' },
      { weekday: '0', hour: '9', captures: '2' },
      { weekday: '0', hour: '10', captures: '2' },
    ]);
    expect(elements(svg, 'heat-cell')).toHaveLength(7 * 24);
    expect(texts(svg, 'row-total')).toEqual(['3', '1', '0', '0', '0', '0', '4']); // 周一 … 周日
    expect(texts(svg, 'grand-total')).toEqual(['8']);
    expect(texts(svg, 'chart-summary')[0]).toBe('合计抓拍8次；最集中的时段为周一14时至15时（3次）。');
    const fromFindings = heat.cells.map((c) => ({ weekday: String(c.weekday), hour: String(c.hour), captures: String(c.captures) }));
    expect(new Set(filled.map((c) => JSON.stringify(c)))).toEqual(new Set(fromFindings.map((c) => JSON.stringify(c))));
  });

  it('carry the case number, Chinese labels, a CJK font and the A4 text width on every chart', () => {
    for (const chart of Object.values(caseCharts(NUMBER, stats, heat))) {
      expect(chart.widthMm).toBe(156);
      expect(chart.heightMm).toBeLessThan(225);
      expect(chart.svg).toContain(`案号：${escapeXml(NUMBER)}`);
      expect(chart.svg).toMatch(/^<svg [^>]*width="156mm"[^>]*font-family="'Noto Sans CJK SC'/u);
    }
  });

  it('escape what the case gives them: a camera name cannot become markup', () => {
    const hostile: Stats = { ...stats, cameras: [{ ...stats.cameras[0]!, name: '<script>&"' }] };
    const { svg } = caseCharts('〔2022〕<1>号', hostile, heat).cameras;
    expect(svg).not.toContain('<script>');
    expect(svg).toContain('&lt;script&gt;&amp;&quot;');
    expect(svg).toContain('〔2022〕&lt;1&gt;号');
  });

  it('say when the figures were counted, on the case’s clock', () => {
    expect(computedAtZh('2026-11-23T06:00:28.261Z', 'Asia/Shanghai')).toBe('2026年11月23日 14:00');
    expect(computedAtZh('2021-12-31T16:30:00Z', 'Asia/Shanghai')).toBe('2022年1月1日 00:30');
  });

  it('go into the case file as pictures with captions 图1–图3', () => {
    const blocks = chartBlocks(caseCharts(NUMBER, stats, heat), stats);
    const images = blocks.filter((b) => b.kind === 'image');
    expect(images.map((b) => b.kind === 'image' && b.caption)).toEqual(['图1　每日抓拍数量及访客人数', '图2　各摄像头抓拍数量', '图3　抓拍时段分布（星期 × 小时）']);
    for (const b of images) if (b.kind === 'image') expect(b.dataUrl).toMatch(/^data:image\/svg\+xml;base64,/u);
  });
});
