/**
 * Captures by hour of day × day of week (the office's clock), Monday at the top as Chinese calendars print the
 * week. Each cell opens the captures counted in it.
 */
import { memo, useMemo, type MouseEvent } from 'react';
import { ResponsiveContainer, Scatter, ScatterChart, Tooltip, XAxis, YAxis, useXAxisScale, useYAxisScale } from 'recharts';
import type { HeatMap } from '../../../../shared/findingsApi';
import { useT } from '../../i18n/context';
import type { DictKey } from '../../i18n/dict';
import { formatCount } from '../../i18n/format';
import { UNWRAPPED_TICK } from './axisInterval';
import { ChartPanel } from './ChartPanel';
import { TableExport } from './ExportButtons';
import { useFindingsCase } from './FindingsContext';
import { attr } from './TimelineView';
import { useChartWidth } from './usePrintWidth';

/** Rows top to bottom: Monday … Sunday (weekday numbers as SQLite's %w gives them, 0 = Sunday). */
export const WEEK_ORDER = [1, 2, 3, 4, 5, 6, 0];
export const WEEKDAY_KEYS: DictKey[] = ['weekday.0', 'weekday.1', 'weekday.2', 'weekday.3', 'weekday.4', 'weekday.5', 'weekday.6'];

/** The heat map's data comes with the overview (findings.overview). */
export function HeatMapView({ map }: { map: HeatMap }) {
  const { t } = useT();
  return (
    <ChartPanel name="heatmap" title={t('findings.heat.heading')} hint={t('findings.heat.hint')} provenance={map.provenance}
      tools={<TableExport table={{ table: 'heatmap' }} testId="export-heatmap-table" />}>
      {() => <HeatChart map={map} />}
    </ChartPanel>
  );
}

const CORNERS = [{ x: 0, y: 0 }, { x: 23, y: 6 }];

const HeatChart = memo(function HeatChart({ map }: { map: HeatMap }) {
  const { t } = useT();
  const { ref, width } = useChartWidth<HTMLDivElement>();
  return (
    <div ref={ref} className="chart-box findings-chart heat-box" data-testid="heatmap-chart" role="figure" aria-label={t('findings.heat.heading')}>
      {width !== null && (
      <ResponsiveContainer width={width} height={260}>
        <ScatterChart margin={{ top: 8, right: 16, bottom: 8, left: 8 }}>
          <XAxis type="number" dataKey="x" domain={[-0.5, 23.5]} ticks={Array.from({ length: 24 }, (_, h) => h)} interval={0}
            tick={{ fontSize: 11, fill: '#4b5563', ...UNWRAPPED_TICK }} tickFormatter={(h: number) => String(h)} tickLine={false} />
          <YAxis type="number" dataKey="y" domain={[-0.5, 6.5]} reversed ticks={[0, 1, 2, 3, 4, 5, 6]} interval={0} width={48}
            tick={{ fontSize: 12, fill: '#111827' }} tickLine={false} tickFormatter={(row: number) => t(WEEKDAY_KEYS[WEEK_ORDER[row] ?? 0]!)} />
          <Tooltip cursor={false} content={() => null} />
          <Scatter data={CORNERS} isAnimationActive={false} shape={() => <g />} />
          <HeatCells map={map} />
        </ScatterChart>
      </ResponsiveContainer>
      )}
    </div>
  );
});

/**
 * The cells as one piece of SVG markup (parsed by the browser in one go) with their hover text as SVG titles, and
 * one click handler on the group that finds the cell from its data attributes.
 */
function HeatCells({ map }: { map: HeatMap }) {
  const x = useXAxisScale();
  const y = useYAxisScale();
  const { t } = useT();
  const { onDrill } = useFindingsCase();
  const markup = useMemo(() => {
    if (!x || !y) return null;
    let max = 1;
    for (const c of map.cells) if (c.captures > max) max = c.captures;
    const w = Math.abs((x(1) as number) - (x(0) as number));
    const h = Math.abs((y(1) as number) - (y(0) as number));
    return map.cells
      .map((cell) => {
        const row = WEEK_ORDER.indexOf(cell.weekday);
        const share = Math.sqrt(cell.captures / max);
        const label = t('findings.heat.cell', { weekday: t(WEEKDAY_KEYS[cell.weekday]!), hour: cell.hour, n: formatCount(cell.captures) });
        const fill = `rgb(${Math.round(219 - 190 * share)}, ${Math.round(234 - 156 * share)}, ${Math.round(254 - 116 * share)})`;
        return (
          `<rect class="heat-cell" x="${(x(cell.hour) as number) - w / 2 + 1}" y="${(y(row) as number) - h / 2 + 1}"` +
          ` width="${Math.max(w - 2, 1)}" height="${Math.max(h - 2, 1)}" rx="2" fill="${fill}"` +
          ` data-weekday="${cell.weekday}" data-hour="${cell.hour}" data-captures="${cell.captures}"><title>${attr(label)}</title></rect>`
        );
      })
      .join('');
  }, [x, y, map, t]);
  if (markup === null) return null;
  const onClick = (e: MouseEvent<SVGGElement>) => {
    const rect = (e.target as Element).closest?.('.heat-cell');
    if (!rect) return;
    const weekday = Number(rect.getAttribute('data-weekday'));
    const hour = Number(rect.getAttribute('data-hour'));
    onDrill({ filter: { weekday, hour }, label: t('drill.heat', { weekday: t(WEEKDAY_KEYS[weekday]!), hour }) });
  };
  return <g className="heat-cells" onClick={onClick} dangerouslySetInnerHTML={{ __html: markup }} />;
}
