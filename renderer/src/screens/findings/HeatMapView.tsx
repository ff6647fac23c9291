/**
 * Captures by hour of day × day of week (the office's clock), Monday at the top as Chinese calendars print the
 * week. Each cell opens the captures counted in it.
 */
import { memo, useMemo } from 'react';
import { ResponsiveContainer, Scatter, ScatterChart, Tooltip, XAxis, YAxis, useXAxisScale, useYAxisScale } from 'recharts';
import type { HeatMap } from '../../../../shared/findingsApi';
import { useT } from '../../i18n/context';
import type { DictKey } from '../../i18n/dict';
import { formatCount } from '../../i18n/format';
import { ChartPanel } from './ChartPanel';
import { TableExport } from './ExportButtons';
import { useFindingsCase } from './FindingsContext';
import { usePrintWidth } from './usePrintWidth';

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
  const printWidth = usePrintWidth();
  return (
    <div className="chart-box findings-chart heat-box" data-testid="heatmap-chart" role="figure" aria-label={t('findings.heat.heading')}>
      <ResponsiveContainer width={printWidth} height={260}>
        <ScatterChart margin={{ top: 8, right: 16, bottom: 8, left: 8 }}>
          <XAxis type="number" dataKey="x" domain={[-0.5, 23.5]} ticks={Array.from({ length: 24 }, (_, h) => h)} interval={0}
            tick={{ fontSize: 11, fill: '#4b5563' }} tickFormatter={(h: number) => String(h)} tickLine={false} />
          <YAxis type="number" dataKey="y" domain={[-0.5, 6.5]} reversed ticks={[0, 1, 2, 3, 4, 5, 6]} interval={0} width={48}
            tick={{ fontSize: 12, fill: '#111827' }} tickLine={false} tickFormatter={(row: number) => t(WEEKDAY_KEYS[WEEK_ORDER[row] ?? 0]!)} />
          <Tooltip cursor={false} content={() => null} />
          <Scatter data={CORNERS} isAnimationActive={false} shape={() => <g />} />
          <HeatCells map={map} />
        </ScatterChart>
      </ResponsiveContainer>
    </div>
  );
});

function HeatCells({ map }: { map: HeatMap }) {
  const x = useXAxisScale();
  const y = useYAxisScale();
  const { t } = useT();
  const { onDrill } = useFindingsCase();
  const max = useMemo(() => Math.max(1, ...map.cells.map((c) => c.captures)), [map]);
  if (!x || !y) return null;
  const w = Math.abs((x(1) as number) - (x(0) as number));
  const h = Math.abs((y(1) as number) - (y(0) as number));
  return (
    <g className="heat-cells">
      {map.cells.map((cell) => {
        const row = WEEK_ORDER.indexOf(cell.weekday);
        const share = Math.sqrt(cell.captures / max);
        const day = t(WEEKDAY_KEYS[cell.weekday]!);
        const label = t('findings.heat.cell', { weekday: day, hour: cell.hour, n: formatCount(cell.captures) });
        return (
          <rect
            key={`${cell.weekday}-${cell.hour}`}
            className="heat-cell"
            x={(x(cell.hour) as number) - w / 2 + 1}
            y={(y(row) as number) - h / 2 + 1}
            width={Math.max(w - 2, 1)}
            height={Math.max(h - 2, 1)}
            rx={2}
            fill={`rgb(${Math.round(219 - 190 * share)}, ${Math.round(234 - 156 * share)}, ${Math.round(254 - 116 * share)})`}
            data-weekday={cell.weekday}
            data-hour={cell.hour}
            data-captures={cell.captures}
            onClick={() => onDrill({ filter: { weekday: cell.weekday, hour: cell.hour }, label: t('drill.heat', { weekday: day, hour: cell.hour }) })}
          >
            <title>{label}</title>
          </rect>
        );
      })}
    </g>
  );
}
