/**
 * One person's visits (the People screen links here with the person's id): every capture on a time line, one row
 * per camera, visits shaded; the visits table beside it. Drag to zoom from the whole period down to minutes; a
 * visit's row opens the captures of that visit.
 */
import { memo, useMemo, useRef, useState } from 'react';
import { ReferenceArea, ResponsiveContainer, Scatter, ScatterChart, Tooltip, XAxis, YAxis } from 'recharts';
import type { PersonVisits } from '../../../../shared/findingsApi';
import { useBridge } from '../../bridge/context';
import { ErrorText, Loading } from '../../components/ErrorText';
import { useApi } from '../../components/useApi';
import { useFocusOnMount } from '../../components/useFocusOnMount';
import { useT } from '../../i18n/context';
import type { DictKey } from '../../i18n/dict';
import { formatCount, formatDateTime } from '../../i18n/format';
import { ChartPanel } from './ChartPanel';
import { ScaleProbe, useDragZoom, type Span } from './dragZoom';
import { TableExport } from './ExportButtons';
import { FindingsContext, useFindingsCase, type Drill } from './FindingsContext';
import { zonedDateTime } from './zonedTime';
import { usePrintWidth } from './usePrintWidth';

const ROLE_KEYS: Record<string, DictKey> = { staff: 'visits.role.staff', visitor: 'visits.role.visitor', unknown: 'visits.role.unknown' };

export function PersonVisitsView({ caseId, personId, onBack, onDrill }: {
  caseId: string;
  personId: number;
  onBack: () => void;
  onDrill: (drill: Drill) => void;
}) {
  const bridge = useBridge();
  const detail = useApi(() => bridge.call('cases.get', { caseId }), [bridge, caseId]);
  const caseNumber = useRef('');
  caseNumber.current = detail.data?.info.number ?? '';
  const timezone = detail.data?.info.timezone ?? 'Asia/Shanghai';
  const { t } = useT();
  const heading = useFocusOnMount<HTMLHeadingElement>();
  const [gap, setGap] = useState(30);
  const data = useApi(() => bridge.call('findings.personVisits', { caseId, personId, gapMinutes: gap }), [bridge, caseId, personId, gap]);
  const visits = data.data;
  const ctx = useMemo(() => ({ caseId, caseNumber: () => caseNumber.current, onDrill }), [caseId, onDrill]);
  return (
    <FindingsContext.Provider value={ctx}>
      <section className="screen" data-testid="person-visits" data-person-id={personId}>
        <div className="screen-head">
          <button type="button" className="btn btn-back" onClick={onBack} data-testid="visits-back">
            ← {t('visits.back')}
          </button>
        </div>
        <header className="panel">
          <h1 ref={heading} tabIndex={-1}>
            {t('visits.heading', { label: visits?.person.label ?? `#${personId}` })}
          </h1>
          {visits && (
            <p className="muted">
              {t(ROLE_KEYS[visits.person.role] ?? 'visits.role.unknown')}
              {!visits.person.active && ` · ${t('visits.inactive')}`}
              {' · '}
              {t('visits.summary', { visits: visits.visits.length, captures: visits.captures.length })}
            </p>
          )}
          <label className="field-inline no-print">
            {t('visits.gap')}{' '}
            <input type="number" min={1} max={1440} value={gap} data-testid="visits-gap"
              onChange={(e) => {
                const n = Math.round(Number(e.target.value));
                if (n >= 1 && n <= 1440) setGap(n);
              }} />
          </label>
        </header>
        {data.error && <ErrorText error={data.error} onRetry={data.reload} />}
        {!visits && !data.error && <Loading />}
        {visits && <VisitsPanels visits={visits} timezone={timezone} />}
      </section>
    </FindingsContext.Provider>
  );
}

function VisitsPanels({ visits, timezone }: { visits: PersonVisits; timezone: string }) {
  const { t, lang } = useT();
  const { onDrill } = useFindingsCase();
  const [span, setSpan] = useState<Span | null>(null);
  const time = (iso: string) => <time dateTime={iso}>{formatDateTime(iso, lang)}</time>;
  const drillVisit = (v: PersonVisits['visits'][number]) =>
    onDrill({
      filter: { personId: visits.person.id, fromMs: v.startMs, toMs: v.endMs + 1 },
      label: t('drill.visit', { label: visits.person.label, n: v.index }),
    });
  return (
    <>
      <ChartPanel name="person-visits" title={t('visits.chart', { label: visits.person.label })} hint={t('visits.hint')} provenance={visits.provenance}
        tools={
          <div className="chart-tools no-print">
            <button type="button" className="btn btn-small" onClick={() => setSpan(null)} disabled={span === null}>
              {t('findings.timeline.all')}
            </button>
          </div>
        }>
        {() => <VisitChart visits={visits} timezone={timezone} span={span} onZoom={setSpan} />}
      </ChartPanel>
      <section className="panel findings-panel" aria-labelledby="visits-table-h">
        <div className="findings-panel-head">
          <h2 id="visits-table-h">{t('visits.table')}</h2>
          <TableExport table={{ table: 'visits', personId: visits.person.id }} testId="export-visits-table" />
        </div>
        <div className="table-wrap">
          <table className="data-table" data-testid="visits-table">
            <thead>
              <tr>
                <th scope="col" className="num">{t('visits.col.index')}</th>
                <th scope="col">{t('visits.col.start')}</th>
                <th scope="col">{t('visits.col.end')}</th>
                <th scope="col" className="num">{t('visits.col.captures')}</th>
                <th scope="col">{t('visits.col.cameras')}</th>
              </tr>
            </thead>
            <tbody>
              {visits.visits.map((v) => (
                <tr key={v.index} data-testid="visit-row">
                  <td className="num">
                    <button type="button" className="link-button" onClick={() => drillVisit(v)}>
                      {v.index}
                    </button>
                  </td>
                  <td>{time(v.start)}</td>
                  <td>{time(v.end)}</td>
                  <td className="num">{formatCount(v.captures)}</td>
                  <td className="mono small">{v.cameras.join(' ')}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>
    </>
  );
}

const VisitChart = memo(function VisitChart({ visits, timezone, span, onZoom }: { visits: PersonVisits; timezone: string; span: Span | null; onZoom: (s: Span) => void }) {
  const { t } = useT();
  const zoom = useDragZoom(onZoom);
  const printWidth = usePrintWidth();
  const cameras = useMemo(() => [...new Set(visits.captures.map((c) => c.cameraId))].sort(), [visits]);
  const first = visits.captures[0]?.ms ?? 0;
  const last = visits.captures.at(-1)?.ms ?? first;
  const pad = Math.max(60_000, (last - first) * 0.02);
  const domain: [number, number] = span ? [span.fromMs, span.toMs] : [first - pad, last + pad];
  const points = visits.captures.map((c) => ({ x: c.ms, y: cameras.indexOf(c.cameraId), id: c.id }));
  const spanMs = domain[1] - domain[0];
  const tick = (ms: number) => zonedDateTime(ms, timezone).slice(spanMs > 3 * 86_400_000 ? 5 : spanMs > 86_400_000 ? 5 : 11, spanMs > 3 * 86_400_000 ? 10 : 16);
  const height = cameras.length * 28 + 60;
  return (
    <div className="chart-box findings-chart" style={{ minHeight: height }} data-testid="visits-chart" role="figure" aria-label={t('visits.chart', { label: visits.person.label })} {...zoom.handlers}>
      {zoom.selection}
      <ResponsiveContainer width={printWidth} height={height}>
        <ScatterChart margin={{ top: 8, right: 16, bottom: 8, left: 8 }}>
          <XAxis type="number" dataKey="x" domain={domain} allowDataOverflow tickCount={8} tick={{ fontSize: 11, fill: '#4b5563' }} tickFormatter={tick} />
          <YAxis type="number" dataKey="y" domain={[-0.5, cameras.length - 0.5]} reversed ticks={cameras.map((_, i) => i)} interval={0} width={64}
            tick={{ fontSize: 11 }} tickFormatter={(i: number) => cameras[i] ?? ''} />
          <Tooltip cursor={false} isAnimationActive={false} formatter={(v, name) => (name === 'x' ? zonedDateTime(Number(v), timezone, true) : cameras[Number(v)] ?? '')} />
          {visits.visits.map((v) => (
            <ReferenceArea key={v.index} x1={v.startMs - 30_000} x2={v.endMs + 30_000} y1={-0.5} y2={cameras.length - 0.5}
              fill="#c2410c" fillOpacity={0.1} stroke="#c2410c" strokeOpacity={0.4} ifOverflow="hidden" />
          ))}
          <Scatter data={points} fill="#2f5d8a" isAnimationActive={false} />
          <ScaleProbe probe={zoom.probe} />
        </ScatterChart>
      </ResponsiveContainer>
    </div>
  );
});
