/**
 * Per camera and per zone: a bar per camera coloured by zone, and the two tables a decision cites (which cameras
 * captured, from when to when, on how many days; the same by zone). A bar or row opens its captures.
 */
import { memo } from 'react';
import { Bar, BarChart, CartesianGrid, Cell, ResponsiveContainer, Tooltip, XAxis, YAxis, type BarShapeProps } from 'recharts';
import type { Stats } from '../../../../shared/api';
import { useT } from '../../i18n/context';
import { formatCount, formatDateTime } from '../../i18n/format';
import { UNWRAPPED_TICK } from './axisInterval';
import { ChartPanel } from './ChartPanel';
import { TableExport } from './ExportButtons';
import { useFindingsCase } from './FindingsContext';
import { ProvenanceTip } from './ProvenanceTip';
import { useChartWidth } from './usePrintWidth';

type Camera = Stats['cameras'][number];

const ZONE_COLOURS = ['#2f5d8a', '#0f766e', '#b45309', '#7c3aed', '#be123c', '#4d7c0f', '#0369a1', '#a16207'];

/** Grid lines not drawn: their coordinates are not computed either (Recharts would measure every tick label). */
const noLines = (): number[] => [];

export function zoneColour(zones: readonly string[], zone: string): string {
  const i = zones.indexOf(zone);
  return ZONE_COLOURS[(i < 0 ? 0 : i) % ZONE_COLOURS.length]!;
}

function CameraBar(props: BarShapeProps & { zones: readonly string[] }) {
  const camera = props.payload as Camera | undefined;
  const { x, y, width, height } = props;
  if (!camera || x == null || y == null || width == null || height == null) return <g />;
  return (
    <rect
      className="camera-bar"
      x={x}
      y={y}
      width={Math.max(width, 0)}
      height={Math.max(height, 1)}
      fill={zoneColour(props.zones, camera.zone)}
      data-camera-id={camera.id}
      data-captures={camera.captures}
    />
  );
}

export const CameraZoneView = memo(function CameraZoneView({ stats }: { stats: Stats }) {
  const { t, lang } = useT();
  const { onDrill } = useFindingsCase();
  const { ref, width } = useChartWidth<HTMLDivElement>();
  const zones = stats.zones.map((z) => z.zone);
  const zoneName = (zone: string) => zone || t('findings.zone.none');
  const time = (iso: string | null) => (iso ? <time dateTime={iso}>{formatDateTime(iso, lang)}</time> : t('common.none'));
  const drillCamera = (c: Camera) => onDrill({ filter: { cameraId: c.id }, label: t('drill.camera', { camera: `${c.id} ${c.name}` }) });
  const height = Math.max(160, stats.cameras.length * 30 + 40);
  return (
    <>
      <ChartPanel name="cameras" title={t('findings.cameras.heading')} hint={t('findings.cameras.hint')} provenance={stats.provenance.cameras}>
        {() => (
          <div ref={ref} className="chart-box findings-chart" style={{ minHeight: height }} data-testid="camera-chart" role="figure" aria-label={t('findings.cameras.heading')}>
            {width !== null && (
            <ResponsiveContainer width={width} height={height}>
              <BarChart data={stats.cameras} layout="vertical" margin={{ top: 4, right: 24, bottom: 4, left: 8 }}>
                <CartesianGrid strokeDasharray="2 3" horizontal={false} horizontalCoordinatesGenerator={noLines} stroke="#d5dbe3" />
                <XAxis type="number" allowDecimals={false} tick={{ fontSize: 11, fill: '#4b5563', ...UNWRAPPED_TICK }} tickFormatter={(v: number) => formatCount(v)} />
                <YAxis type="category" dataKey="id" width={150} tick={{ fontSize: 12, fill: '#111827' }}
                  tickFormatter={(id: string) => {
                    const c = stats.cameras.find((x) => x.id === id);
                    return c ? `${c.name}（${zoneName(c.zone)}）` : id;
                  }} />
                <Tooltip isAnimationActive={false} cursor={{ fill: 'rgba(47, 93, 138, 0.08)' }}
                  formatter={(v) => [formatCount(Number(v)), t('chart.captures')]} labelFormatter={(id) => String(id)} />
                <Bar dataKey="captures" isAnimationActive={false} shape={(p: BarShapeProps) => <CameraBar {...p} zones={zones} />}
                  onClick={(item) => {
                    const camera = item?.payload as Camera | undefined;
                    if (camera && camera.captures > 0) drillCamera(camera);
                  }}>
                  {stats.cameras.map((c) => (
                    <Cell key={c.id} fill={zoneColour(zones, c.zone)} />
                  ))}
                </Bar>
              </BarChart>
            </ResponsiveContainer>
            )}
          </div>
        )}
      </ChartPanel>

      <section className="panel findings-panel" aria-labelledby="zone-table-h">
        <div className="findings-panel-head">
          <h2 id="zone-table-h">{t('findings.zones.heading')}</h2>
          <TableExport table={{ table: 'zones' }} testId="export-zones-table" />
        </div>
        <div className="table-wrap">
          <table className="data-table" data-testid="zone-table">
            <thead>
              <tr>
                <th scope="col">{t('findings.col.zone')}</th>
                <th scope="col" className="num">{t('findings.col.cameras')}</th>
                <th scope="col" className="num">{t('cameras.col.captures')}</th>
                <th scope="col">{t('findings.col.first')}</th>
                <th scope="col">{t('findings.col.last')}</th>
                <th scope="col" className="num">{t('findings.col.activeDays')}</th>
                <th scope="col" className="num">{t('findings.col.persons')}</th>
              </tr>
            </thead>
            <tbody>
              {stats.zones.map((z) => (
                <tr key={z.zone} data-testid="zone-row" data-zone={z.zone}>
                  <th scope="row">
                    <span className="zone-swatch" style={{ background: zoneColour(zones, z.zone) }} aria-hidden="true" />
                    {zoneName(z.zone)}
                  </th>
                  <td className="num">{formatCount(z.cameras)}</td>
                  <td className="num">
                    {z.captures > 0 ? (
                      <button type="button" className="link-button" onClick={() => onDrill({ filter: { zone: z.zone }, label: t('drill.zone', { zone: zoneName(z.zone) }) })}>
                        {formatCount(z.captures)}
                      </button>
                    ) : (
                      formatCount(z.captures)
                    )}
                  </td>
                  <td>{time(z.first)}</td>
                  <td>{time(z.last)}</td>
                  <td className="num">{formatCount(z.activeDays)}</td>
                  <td className="num">
                    <ProvenanceTip provenance={stats.provenance['zones.persons']}>
                      {z.persons === null ? <span className="fig-pending">{t('fig.pending')}</span> : formatCount(z.persons)}
                    </ProvenanceTip>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>
    </>
  );
});
