/**
 * The platform's own counts (its 人员编号 per capture, its authentication sheet) beside ours, with the difference,
 * and per day: the platform's distinct person ids against our distinct persons. The platform's figures are claims
 * to check: its ids split returning visitors and merge look-alikes.
 */
import { memo, useMemo } from 'react';
import { CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { fillCalendarDays } from '../../../../shared/calendarDays';
import type { PlatformComparison } from '../../../../shared/findingsApi';
import { useT } from '../../i18n/context';
import type { DictKey } from '../../i18n/dict';
import { formatCount, formatDate } from '../../i18n/format';
import { ChartPanel } from './ChartPanel';
import { TableExport } from './ExportButtons';
import { ProvenanceTip } from './ProvenanceTip';
import { dateAxisInterval, UNWRAPPED_TICK } from './axisInterval';
import { useChartWidth } from './usePrintWidth';

/** Grid lines not drawn: their coordinates are not computed either (Recharts would measure every tick label). */
const noLines = (): number[] => [];

const ROW_KEYS: Record<string, DictKey> = {
  persons: 'platform.row.persons',
  capturesAssigned: 'platform.row.capturesAssigned',
  capturesUnassigned: 'platform.row.capturesUnassigned',
  authenticated: 'platform.row.authenticated',
};

/** The comparison comes with the overview (findings.overview). */
export function PlatformView({ cmp }: { cmp: PlatformComparison }) {
  const { t } = useT();
  return (
    <ChartPanel name="platform" title={t('findings.platform.heading')} hint={t('findings.platform.hint')}
      tools={<TableExport table={{ table: 'platform' }} testId="export-platform-table" />}>
      {() => (
        <>
          <PlatformTable cmp={cmp} />
          <PlatformChart cmp={cmp} />
        </>
      )}
    </ChartPanel>
  );
}

function PlatformTable({ cmp }: { cmp: PlatformComparison }) {
  const { t } = useT();
  const value = (n: number | null) => (n === null ? <span className="fig-pending">{t('fig.pending')}</span> : formatCount(n));
  return (
    <div className="table-wrap">
      <table className="data-table" data-testid="platform-table">
        <thead>
          <tr>
            <th scope="col">{t('platform.col.item')}</th>
            <th scope="col" className="num">{t('platform.col.platform')}</th>
            <th scope="col" className="num">{t('platform.col.ours')}</th>
            <th scope="col" className="num">{t('platform.col.difference')}</th>
          </tr>
        </thead>
        <tbody>
          {cmp.rows.map((r) => (
            <tr key={r.key} data-testid="platform-row" data-key={r.key}>
              <th scope="row">{t(ROW_KEYS[r.key] ?? 'common.none')}</th>
              <td className="num" data-testid="platform-value">
                <ProvenanceTip provenance={r.platformProvenance ?? undefined}>{value(r.platform)}</ProvenanceTip>
              </td>
              <td className="num" data-testid="ours-value">
                <ProvenanceTip provenance={r.oursProvenance ?? undefined}>{value(r.ours)}</ProvenanceTip>
              </td>
              <td className={`num ${r.difference ? 'diff-nonzero' : ''}`} data-testid="difference-value">
                {r.difference === null ? t('common.none') : r.difference > 0 ? `+${r.difference}` : String(r.difference)}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

const PlatformChart = memo(function PlatformChart({ cmp }: { cmp: PlatformComparison }) {
  const { t, lang } = useT();
  const withPersons = cmp.perDay.some((d) => d.persons !== null);
  // Every calendar day, as the per-day chart above draws them: a closed day is a zero, not a missing tick.
  const data = useMemo(() => fillCalendarDays(cmp.perDay, (date) => ({ date, platformIds: 0, persons: withPersons ? 0 : null })), [cmp, withPersons]);
  const { ref, width } = useChartWidth<HTMLDivElement>();
  return (
    <div ref={ref} className="chart-box findings-chart" data-testid="platform-chart" role="figure" aria-label={t('findings.platform.chart')}>
      {width !== null && (
      <ResponsiveContainer width={width} height={240}>
        <LineChart data={data} margin={{ top: 8, right: 16, bottom: 4, left: 0 }}>
          <CartesianGrid strokeDasharray="2 3" vertical={false} verticalCoordinatesGenerator={noLines} stroke="#d5dbe3" />
          <XAxis dataKey="date" tickFormatter={(d: string) => d.slice(5)} interval={dateAxisInterval(data.length)} tick={{ fontSize: 11, fill: '#4b5563', ...UNWRAPPED_TICK }} />
          <YAxis allowDecimals={false} width={48} interval={0} tick={{ fontSize: 11, fill: '#4b5563' }} />
          <Tooltip isAnimationActive={false} labelFormatter={(d) => formatDate(String(d), lang)} />
          <Legend verticalAlign="top" height={24} iconSize={10} wrapperStyle={{ fontSize: 12 }} />
          <Line dataKey="platformIds" name={t('platform.series.platform')} stroke="#b45309" dot={false} isAnimationActive={false} />
          {withPersons && <Line dataKey="persons" name={t('platform.series.ours')} stroke="#2f5d8a" dot={false} isAnimationActive={false} />}
        </LineChart>
      </ResponsiveContainer>
      )}
    </div>
  );
});
