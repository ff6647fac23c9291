/**
 * 各摄像头抓拍数量: one horizontal bar per camera in the platform's device list (cameras that never captured stay
 * in, at zero, so "N of M cameras captured" can be read off the chart), grouped by zone, value printed at the bar's
 * end, and the zones' totals under the chart.
 */
import { niceScale } from './niceScale';
import { CHART_WIDTH, chartFrame, escapeXml, round, text, type ChartSvg } from './svgText';

export interface CameraFigures {
  id: string;
  name: string;
  zone: string;
  captures: number;
}

export interface ZoneFigures {
  zone: string;
  cameras: number;
  captures: number;
}

export interface CameraChartInput {
  caseNumber: string;
  cameras: readonly CameraFigures[];
  zones: readonly ZoneFigures[];
  computedAt?: string;
}

const ROW = 26;
const LABEL_W = 230;
const TOP = 78;

export function cameraLabel(c: CameraFigures): string {
  const name = c.name && c.name !== c.id ? ` ${c.name}` : '';
  return `${c.id}${name}${c.zone ? `（${c.zone}）` : ''}`;
}

export function zoneLabel(zone: string): string {
  return zone || '未标区域';
}

export function cameraCapturesChart(input: CameraChartInput): ChartSvg {
  // Zone by zone, in the order of the zones' figures (most captures first), cameras by id within a zone.
  const zoneOrder = new Map(input.zones.map((z, i) => [z.zone, i]));
  const cameras = [...input.cameras].sort((a, b) => (zoneOrder.get(a.zone) ?? 1e9) - (zoneOrder.get(b.zone) ?? 1e9) || a.id.localeCompare(b.id));
  const total = cameras.reduce((s, c) => s + c.captures, 0);
  const capturing = cameras.filter((c) => c.captures > 0).length;
  const scale = niceScale(Math.max(1, ...cameras.map((c) => c.captures)));
  const plotLeft = LABEL_W;
  const plotW = CHART_WIDTH - plotLeft - 70;
  const plotH = Math.max(1, cameras.length) * ROW;
  const zoneLines = Math.ceil(input.zones.length / 3);
  const height = TOP + plotH + 46 + zoneLines * 18 + 28;
  const x = (v: number) => plotLeft + (v / scale.max) * plotW;
  const parts: string[] = [];

  parts.push(text(0, 46, `设备清单中共有摄像头${cameras.length}个，其中${capturing}个有抓拍记录，合计抓拍${total}次。`, 'font-size="15" fill="#000000" class="chart-summary"'));

  for (const t of scale.ticks) {
    parts.push(`<line x1="${round(x(t))}" y1="${TOP - 4}" x2="${round(x(t))}" y2="${TOP + plotH}" stroke="${t === 0 ? '#000000' : '#cccccc'}" stroke-width="${t === 0 ? 1 : 0.6}"/>`);
    parts.push(text(x(t), TOP + plotH + 15, String(t), 'font-size="13" text-anchor="middle" fill="#000000" class="tick"'));
  }
  parts.push(text(plotLeft + plotW / 2, TOP + plotH + 32, '抓拍数（次）', 'font-size="13" text-anchor="middle" fill="#000000"'));

  cameras.forEach((c, i) => {
    const top = TOP + i * ROW;
    const w = x(c.captures) - plotLeft;
    parts.push(text(plotLeft - 8, top + ROW / 2 + 4, cameraLabel(c), 'font-size="14" text-anchor="end" fill="#000000" class="camera-label"'));
    parts.push(
      `<rect class="camera-bar" data-camera="${escapeXml(c.id)}" data-captures="${c.captures}" x="${plotLeft}" y="${round(top + 4)}" width="${round(w)}" height="${ROW - 8}" fill="#4a6fa5"><title>${escapeXml(`${cameraLabel(c)}：${c.captures}次`)}</title></rect>`,
    );
    parts.push(text(plotLeft + w + 5, top + ROW / 2 + 4, String(c.captures), 'font-size="13" fill="#000000" class="bar-value"'));
  });

  // Zone totals, three to a line.
  const zy = TOP + plotH + 52;
  parts.push(text(0, zy, '按区域：', 'font-size="14" font-weight="bold" fill="#000000"'));
  input.zones.forEach((z, i) => {
    const col = i % 3;
    const row = Math.floor(i / 3);
    parts.push(
      text(60 + col * 240, zy + row * 18, `${zoneLabel(z.zone)} ${z.captures}次（摄像头${z.cameras}个）`, `font-size="14" fill="#000000" class="zone-total" data-zone="${escapeXml(z.zone)}" data-captures="${z.captures}"`),
    );
  });

  return chartFrame({
    title: '各摄像头抓拍数量',
    caseNumber: input.caseNumber,
    note: `数据来源：本案取证数据（设备清单与抓拍记录）${input.computedAt ? `，统计时间 ${input.computedAt}` : ''}`,
    height,
    body: parts.join(''),
  });
}
