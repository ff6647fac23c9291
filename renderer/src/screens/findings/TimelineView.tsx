/**
 * Camera activity over the whole period: one row per camera, one cell per bucket that holds captures, darker for
 * more. Drag across the chart to zoom into a span (from months down to minutes; the service picks the bucket
 * size), "缩小"/"全部时段" to go back out; click a cell to open the captures in it.
 */
import { memo, useCallback, useMemo, useState, type MouseEvent, type PointerEvent } from 'react';
import { ResponsiveContainer, Scatter, ScatterChart, Tooltip, XAxis, YAxis, useXAxisScale, useYAxisScale } from 'recharts';
import type { Stats } from '../../../../shared/api';
import type { Timeline } from '../../../../shared/findingsApi';
import { useBridge } from '../../bridge/context';
import { ErrorText, Loading } from '../../components/ErrorText';
import { useApi } from '../../components/useApi';
import { useT } from '../../i18n/context';
import { formatCount } from '../../i18n/format';
import { CameraSpanTable } from './CameraSpanTable';
import { UNWRAPPED_TICK } from './axisInterval';
import { ChartPanel } from './ChartPanel';
import { zoneColour } from './CameraZoneView';
import { ScaleProbe, useDragZoom, type Span } from './dragZoom';
import { useFindingsCase } from './FindingsContext';
import { zonedDateTime, zonedTick, zonedTicks } from './zonedTime';
import { useChartWidth } from './usePrintWidth';

const ROW = 26;

const lastSpan = new Map<string, Span>();

/** `initial`: the whole period's timeline, as the overview fetched it; zooming asks the service again. */
export function TimelineView({ stats, initial }: { stats: Stats; initial: Timeline }) {
  const bridge = useBridge();
  const { caseId } = useFindingsCase();
  const { t } = useT();
  // The zoom outlives the view, so coming back from the captures of a cell shows the same span.
  const [span, setSpanState] = useState<Span | null>(() => lastSpan.get(caseId) ?? null);
  const setSpan = useCallback(
    (next: Span | null) => {
      if (next) lastSpan.set(caseId, next);
      else lastSpan.delete(caseId);
      setSpanState(next);
    },
    [caseId],
  );
  const data = useApi(
    () => (span ? bridge.call('findings.timeline', { caseId, ...span, buckets: 240 }) : Promise.resolve(initial)),
    [bridge, caseId, span?.fromMs, span?.toMs, initial],
  );
  // While a zoomed span loads, the last one stays in view.
  const timeline = data.data ?? (span ? undefined : initial);
  const zoomOut = () => {
    if (!timeline) return;
    const mid = (timeline.fromMs + timeline.toMs) / 2;
    const half = (timeline.toMs - timeline.fromMs) * 1.5;
    const first = timeline.period.firstMs ?? timeline.fromMs;
    const last = (timeline.period.lastMs ?? timeline.toMs) + 1;
    const next = { fromMs: Math.max(first, Math.round(mid - half)), toMs: Math.min(last, Math.round(mid + half)) };
    setSpan(next.fromMs <= first && next.toMs >= last ? null : next);
  };
  const bucketLabel = timeline ? bucketText(timeline.bucketMs, t) : '';
  const zones = useMemo(() => stats.zones.map((z) => z.zone), [stats]);
  return (
    <ChartPanel
      name="timeline"
      title={t('findings.timeline.heading')}
      hint={t('findings.timeline.hint')}
      provenance={timeline?.provenance}
      exportNote={timeline ? `${zonedDateTime(timeline.fromMs, timeline.timezone)} – ${zonedDateTime(timeline.toMs, timeline.timezone)} · ${bucketLabel}` : undefined}
      tools={
        <div className="chart-tools no-print">
          <button type="button" className="btn btn-small" onClick={() => setSpan(null)} disabled={span === null} data-testid="timeline-all">
            {t('findings.timeline.all')}
          </button>
          <button type="button" className="btn btn-small" onClick={zoomOut} disabled={span === null} data-testid="timeline-out">
            {t('findings.timeline.out')}
          </button>
          {timeline && (
            <span className="muted small" data-testid="timeline-span" data-bucket-ms={timeline.bucketMs} data-from-ms={timeline.fromMs} data-to-ms={timeline.toMs}>
              {t('findings.timeline.span', {
                from: zonedDateTime(timeline.fromMs, timeline.timezone),
                to: zonedDateTime(timeline.toMs, timeline.timezone),
                bucket: bucketLabel,
              })}
            </span>
          )}
        </div>
      }
    >
      {() => (
        <>
          {data.error && <ErrorText error={data.error} onRetry={data.reload} />}
          {!timeline && !data.error && <Loading />}
          {timeline && <TimelineChart timeline={timeline} zones={zones} onZoom={setSpan} />}
          <CameraSpanTable stats={stats} />
        </>
      )}
    </ChartPanel>
  );
}

function bucketText(ms: number, t: ReturnType<typeof useT>['t']): string {
  if (ms >= 86_400_000) return t('findings.bucket.days', { n: ms / 86_400_000 });
  if (ms >= 3_600_000) return t('findings.bucket.hours', { n: ms / 3_600_000 });
  return t('findings.bucket.minutes', { n: ms / 60_000 });
}

const TimelineChart = memo(function TimelineChart({ timeline, zones, onZoom }: { timeline: Timeline; zones: string[]; onZoom: (span: Span) => void }) {
  const { t } = useT();
  const { onDrill } = useFindingsCase();
  const rows = timeline.cameras;
  const rowOf = useMemo(() => new Map(rows.map((c, i) => [c.id, i])), [rows]);
  const height = rows.length * ROW + 48;
  const corners = [{ x: timeline.fromMs, y: 0 }, { x: timeline.toMs, y: Math.max(rows.length - 1, 0) }];
  const drill = useCallback(
    (cell: Timeline['cells'][number]) => {
      const camera = rows[rowOf.get(cell.cameraId) ?? 0];
      const label = `${camera?.name ?? cell.cameraId} ${zonedDateTime(cell.startMs, timeline.timezone)} – ${zonedDateTime(cell.startMs + timeline.bucketMs, timeline.timezone)}`;
      onDrill({ filter: { cameraId: cell.cameraId, fromMs: cell.startMs, toMs: cell.startMs + timeline.bucketMs }, label: t('drill.span', { what: label }) });
    },
    [onDrill, rows, rowOf, timeline, t],
  );
  const zoom = useDragZoom(onZoom);
  const { ref, width } = useChartWidth<HTMLDivElement>();
  const ticks = useMemo(() => zonedTicks(timeline.fromMs, timeline.toMs, timeline.timezone), [timeline]);
  // Labels as fine as the ticks are apart (days, hours or minutes).
  const tickStep = ticks.length > 1 ? ticks[1]! - ticks[0]! : timeline.bucketMs;
  return (
    <div ref={ref} className="chart-box findings-chart timeline-box" style={{ minHeight: height }} data-testid="timeline-chart" role="figure"
      aria-label={t('findings.timeline.heading')} {...zoom.handlers}>
      {zoom.selection}
      {width !== null && (
      <ResponsiveContainer width={width} height={height}>
        <ScatterChart margin={{ top: 8, right: 16, bottom: 8, left: 8 }}>
          <XAxis type="number" dataKey="x" domain={[timeline.fromMs, timeline.toMs]} allowDataOverflow scale="linear"
            ticks={ticks} interval={0} tick={{ fontSize: 11, fill: '#4b5563', ...UNWRAPPED_TICK }} tickFormatter={(v: number) => zonedTick(v, timeline.timezone, tickStep)} />
          <YAxis type="number" dataKey="y" domain={[-0.5, rows.length - 0.5]} reversed width={120} allowDecimals={false}
            ticks={rows.map((_, i) => i)} interval={0} tick={{ fontSize: 11, fill: '#111827' }} tickLine={false}
            tickFormatter={(i: number) => rows[i]?.name ?? ''} />
          <Tooltip cursor={false} content={() => null} />
          <Scatter data={corners} isAnimationActive={false} shape={() => <g />} />
          <TimelineCells timeline={timeline} rowOf={rowOf} zones={zones} onCell={drill} />
          <ScaleProbe probe={zoom.probe} />
        </ScatterChart>
      </ResponsiveContainer>
      )}
    </div>
  );
});

type Cell = Timeline['cells'][number];

const SVG_NS = 'http://www.w3.org/2000/svg';

/** The cell a pointer event is on: found from its data attributes (one handler for all the cells). */
function cellOf(target: EventTarget | null, cells: readonly Cell[]): Cell | undefined {
  const rect = (target as Element | null)?.closest?.('.timeline-cell');
  if (!rect) return undefined;
  const cameraId = rect.getAttribute('data-camera-id');
  const startMs = Number(rect.getAttribute('data-start-ms'));
  return cells.find((c) => c.cameraId === cameraId && c.startMs === startMs);
}

/** Text for an SVG attribute written into markup. */
export function attr(value: string | number): string {
  return String(value).replace(/[&<>"]/gu, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);
}

/**
 * The cells, drawn with the chart's own scales (Recharts 3 renders any child inside the chart's SVG). A whole
 * period holds thousands of cells: they are written as one piece of SVG markup (the browser parses it in one go,
 * where React would create and set up each element on its own), one click handler on the group serves them all,
 * and a cell's hover text (an SVG title) is written when the pointer first reaches it, not drawn for every cell
 * up front.
 */
function TimelineCells({ timeline, rowOf, zones, onCell }: {
  timeline: Timeline;
  rowOf: Map<string, number>;
  zones: string[];
  onCell: (cell: Cell) => void;
}) {
  const x = useXAxisScale();
  const y = useYAxisScale();
  const { t } = useT();
  const markup = useMemo(() => {
    if (!x || !y) return null;
    let max = 1;
    for (const c of timeline.cells) if (c.captures > max) max = c.captures;
    const rowHeight = Math.abs((y(1) as number) - (y(0) as number)) * 0.72;
    const zoneOf = new Map(timeline.cameras.map((c) => [c.id, c.zone]));
    const out: string[] = [];
    for (const cell of timeline.cells) {
      const row = rowOf.get(cell.cameraId) ?? 0;
      const x0 = x(Math.max(cell.startMs, timeline.fromMs)) as number;
      const x1 = x(Math.min(cell.startMs + timeline.bucketMs, timeline.toMs)) as number;
      const cy = y(row) as number;
      const opacity = 0.3 + (0.7 * Math.log1p(cell.captures)) / Math.log1p(max);
      out.push(
        `<rect class="timeline-cell" x="${x0}" y="${cy - rowHeight / 2}" width="${Math.max(x1 - x0 - 0.5, 3)}" height="${rowHeight}"` +
          ` fill="${zoneColour(zones, zoneOf.get(cell.cameraId) ?? '')}" fill-opacity="${opacity}" data-camera-id="${attr(cell.cameraId)}"` +
          ` data-start-ms="${cell.startMs}" data-captures="${cell.captures}"></rect>`,
      );
    }
    return out.join('');
  }, [x, y, timeline, rowOf, zones]);
  if (markup === null) return null;
  const onClick = (e: MouseEvent<SVGGElement>) => {
    const cell = cellOf(e.target, timeline.cells);
    if (cell) onCell(cell);
  };
  const onPointerOver = (e: PointerEvent<SVGGElement>) => {
    const rect = (e.target as Element).closest?.('.timeline-cell');
    const cell = cellOf(rect ?? null, timeline.cells);
    if (!rect || !cell || rect.querySelector('title')) return;
    const title = document.createElementNS(SVG_NS, 'title');
    title.textContent = t('findings.timeline.cell', { from: zonedDateTime(cell.startMs, timeline.timezone), n: formatCount(cell.captures) });
    rect.appendChild(title);
  };
  return <g className="timeline-cells" onClick={onClick} onPointerOver={onPointerOver} dangerouslySetInnerHTML={{ __html: markup }} />;
}
