import { memo, useCallback, useEffect, useMemo, useRef } from 'react';
import type { FindingsOverview } from '../../../shared/findingsApi';
import { useBridge } from '../bridge/context';
import { useT } from '../i18n/context';
import { formatCount, formatDate, formatDateTime } from '../i18n/format';
import { useApi } from '../components/useApi';
import { ErrorText, Loading } from '../components/ErrorText';
import { useFocusOnMount } from '../components/useFocusOnMount';
import type { JobStore } from '../jobs';
import { FacesPanel } from './FacesPanel';
import { ImportPanel } from './ImportPanel';
import { PerDayChart } from './PerDayChart';
import { VerifyPanel } from './VerifyPanel';
import { CameraZoneView } from './findings/CameraZoneView';
import { ChartPanel } from './findings/ChartPanel';
import { TableExport } from './findings/ExportButtons';
import { FindingsContext, type Drill } from './findings/FindingsContext';
import { HeadlineCards } from './findings/HeadlineCards';
import { HeatMapView } from './findings/HeatMapView';
import { PlatformView } from './findings/PlatformView';
import { RepeatVisitorsView } from './findings/RepeatVisitorsView';
import { TimelineView } from './findings/TimelineView';
import './findings/findings.css';

/** Where the page was scrolled when the analyst left it for a drill-down, by case. */
const scrollTops = new Map<string, number>();

export function CaseOverview({
  caseId,
  jobs,
  onBack,
  onOpenDay,
  onOpenPeople,
  onOpenDocuments,
  onDrill,
  onOpenPerson,
}: {
  caseId: string;
  jobs: JobStore;
  onBack: () => void;
  onOpenDay: (date: string) => void;
  onOpenPeople?: () => void;
  onOpenDocuments?: () => void;
  /** Opens the captures behind a findings bar or cell. */
  onDrill: (drill: Drill) => void;
  /** Opens a person's visits. */
  onOpenPerson?: (personId: number) => void;
}) {
  const bridge = useBridge();
  const { t, lang } = useT();
  // The figures and every chart's data in one call: the service checks the case's summaries once for all of them.
  // Asked first: the service answers in turn, and the case's details (below) are quick to draw when they come.
  const overview = useApi(() => bridge.call('findings.overview', { caseId }), [bridge, caseId]);
  const detail = useApi(() => bridge.call('cases.get', { caseId }), [bridge, caseId]);
  const stats = { ...overview, data: overview.data?.stats };
  const faces = useApi(() => bridge.call('faces.summary', { caseId }), [bridge, caseId]);
  const heading = useFocusOnMount<HTMLHeadingElement>();
  const reloadStats = stats.reload;
  const reloadDetail = detail.reload;
  const reloadFaces = faces.reload;
  const onImported = useCallback(() => {
    reloadStats();
    reloadDetail();
    reloadFaces();
  }, [reloadStats, reloadDetail, reloadFaces]);

  const info = detail.data?.info;
  // Leaving for the captures behind a bar and coming back returns to the same place on the page.
  const leave = useCallback(() => {
    const main = document.getElementById('main');
    if (main) scrollTops.set(caseId, main.scrollTop);
  }, [caseId]);
  const drill = useCallback((d: Drill) => {
    leave();
    onDrill(d);
  }, [leave, onDrill]);
  const openDay = useCallback((date: string) => {
    leave();
    onOpenDay(date);
  }, [leave, onOpenDay]);
  const openPerson = useCallback((personId: number) => {
    leave();
    onOpenPerson?.(personId);
  }, [leave, onOpenPerson]);
  const caseNumber = useRef('');
  caseNumber.current = info?.number ?? '';
  const findings = useMemo(() => ({ caseId, caseNumber: () => caseNumber.current, onDrill: drill }), [caseId, drill]);
  const statsReady = stats.data !== undefined;
  useEffect(() => {
    const top = scrollTops.get(caseId);
    const main = document.getElementById('main');
    if (!statsReady || top === undefined || !main) return;
    scrollTops.delete(caseId);
    // After the charts below have laid out (they size themselves on the next frames).
    const timer = setTimeout(() => main.scrollTo({ top }), 120);
    return () => clearTimeout(timer);
  }, [caseId, statsReady]);

  return (
    <section className="screen">
      <div className="screen-head">
        <button type="button" className="btn btn-back" onClick={onBack}>
          ← {t('overview.back')}
        </button>
        {(onOpenPeople || onOpenDocuments) && (
          <div className="toolbar">
            {onOpenPeople && (
              <button type="button" className="btn" data-testid="open-people" onClick={onOpenPeople}>
                {t('people.open')}
              </button>
            )}
            {onOpenDocuments && (
              <button type="button" className="btn" data-testid="open-documents" onClick={onOpenDocuments}>
                {t('docs.open')}
              </button>
            )}
          </div>
        )}
      </div>
      <header className="panel case-header">
        <h1 ref={heading} tabIndex={-1}>
          {info ? info.name || t('overview.untitled') : detail.loading ? t('common.loading') : caseId}
        </h1>
        {info && (
          <dl className="case-meta">
            <div>
              <dt>{t('overview.number')}</dt>
              <dd className="case-number" data-testid="case-number-display">
                {info.number}
              </dd>
            </div>
            <div>
              <dt>{t('overview.party')}</dt>
              <dd>{info.partyName}</dd>
            </div>
            {info.creditCode && (
              <div>
                <dt>{t('overview.creditCode')}</dt>
                <dd className="mono">{info.creditCode}</dd>
              </div>
            )}
            {info.handlingUnit && (
              <div>
                <dt>{t('overview.handlingUnit')}</dt>
                <dd>{info.handlingUnit}</dd>
              </div>
            )}
            {info.officers && info.officers.length > 0 && (
              <div>
                <dt>{t('overview.officers')}</dt>
                <dd>{info.officers.join(lang === 'zh' ? '、' : ', ')}</dd>
              </div>
            )}
            <div className="meta-wide">
              <dt>{t('overview.folder')}</dt>
              <dd className="mono small">{caseId}</dd>
            </div>
          </dl>
        )}
        {detail.error && <ErrorText error={detail.error} onRetry={detail.reload} />}
      </header>

      <ImportPanel caseId={caseId} jobs={jobs} onImported={onImported} />
      <VerifyPanel caseId={caseId} jobs={jobs} />
      <FacesPanel caseId={caseId} jobs={jobs} summary={faces} onFinished={reloadStats} />

      {stats.error && <ErrorText error={stats.error} onRetry={stats.reload} />}
      {stats.loading && !stats.data && <Loading />}
      {stats.data && (
        <FindingsContext.Provider value={findings}>
          <StatsView overview={overview.data!} onOpenDay={openDay} onOpenPerson={onOpenPerson ? openPerson : undefined} />
        </FindingsContext.Provider>
      )}

      {detail.data && detail.data.sources.length > 0 && (
        <section className="panel lazy-layout">
          <h2>{t('sources.heading')}</h2>
          <div className="table-wrap">
            <table className="data-table">
              <thead>
                <tr>
                  <th scope="col">{t('sources.col.path')}</th>
                  <th scope="col">{t('sources.col.importedAt')}</th>
                  <th scope="col" className="num">
                    {t('sources.col.files')}
                  </th>
                  <th scope="col" className="num">
                    {t('sources.col.captures')}
                  </th>
                  <th scope="col">{t('sources.col.sha256')}</th>
                </tr>
              </thead>
              <tbody>
                {detail.data.sources.map((s) => (
                  <tr key={s.id}>
                    <td className="mono small break">{s.path}</td>
                    <td>
                      <time dateTime={s.importedAt}>{formatDateTime(s.importedAt, lang)}</time>
                    </td>
                    <td className="num">{formatCount(s.files)}</td>
                    <td className="num">{formatCount(s.captures)}</td>
                    <td className="mono small hash" title={s.sha256}>
                      {s.sha256}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </section>
      )}
    </section>
  );
}

/**
 * The findings of the case: headline figures with their provenance, captures and visitors per day, per camera and
 * zone, camera activity over time, the hour × weekday heat map, the platform's own counts beside ours. Every bar
 * and cell opens the captures behind it; every chart and table exports with the case number on it.
 */
// Memoised: the case details and face summary arrive separately and must not redraw every chart.
const StatsView = memo(function StatsView({ overview, onOpenDay, onOpenPerson }: {
  overview: FindingsOverview;
  onOpenDay: (date: string) => void;
  onOpenPerson?: (personId: number) => void;
}) {
  const { t, lang } = useT();
  const stats = overview.stats;
  const withPersons = stats.perDay.some((d) => d.persons !== null);
  return (
    <>
      <section className="panel findings-panel" data-testid="panel-headline" aria-labelledby="headline-h">
        <div className="findings-panel-head">
          <h2 id="headline-h">{t('stats.heading')}</h2>
          <TableExport table={{ table: 'headline' }} testId="export-headline-table" />
        </div>
        <HeadlineCards stats={stats} />
        <p className="muted small">{t('stats.timezone', { tz: stats.timezone })}</p>
        {stats.captures === 0 && <p className="empty">{t('stats.empty')}</p>}
      </section>

      {stats.perDay.length > 0 && (
        <ChartPanel
          name="per-day"
          title={t(withPersons ? 'findings.perDay.heading' : 'chart.heading')}
          hint={t('chart.hint')}
          provenance={stats.provenance['perDay.captures']}
        >
          {() => <PerDayChart perDay={stats.perDay} onOpenDay={onOpenDay} />}
        </ChartPanel>
      )}

      <div className="two-col">
        {stats.perDay.length > 0 && (
          <section className="panel lazy-layout">
            <div className="findings-panel-head">
              <h2 id="per-day-h">{t('perDay.heading')}</h2>
              <TableExport table={{ table: 'perDay' }} testId="export-per-day-table" />
            </div>
            <div className="table-wrap table-scroll">
              <table className="data-table" data-testid="per-day-table" aria-labelledby="per-day-h">
                <thead>
                  <tr>
                    <th scope="col">{t('perDay.col.date')}</th>
                    <th scope="col" className="num">
                      {t('perDay.col.captures')}
                    </th>
                    {withPersons && <th scope="col" className="num">{t('findings.perDay.persons')}</th>}
                    {withPersons && <th scope="col" className="num">{t('findings.perDay.visitors')}</th>}
                  </tr>
                </thead>
                <tbody>
                  {stats.perDay.map((d) => (
                    <tr key={d.date} data-testid="per-day-row" data-date={d.date}>
                      <th scope="row">
                        <button
                          type="button"
                          className="link-button"
                          onClick={() => onOpenDay(d.date)}
                          aria-label={t('perDay.open', { date: formatDate(d.date, lang) })}
                        >
                          <time dateTime={d.date}>{formatDate(d.date, lang)}</time>
                        </button>
                      </th>
                      <td className="num" data-testid="per-day-count">
                        {formatCount(d.captures)}
                      </td>
                      {withPersons && <td className="num" data-testid="per-day-persons">{formatCount(d.persons ?? 0)}</td>}
                      {withPersons && <td className="num" data-testid="per-day-visitors">{formatCount(d.visitors ?? 0)}</td>}
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </section>
        )}
        {stats.cameras.length > 0 && (
          <section className="panel">
            <h2 id="cameras-h">{t('cameras.heading')}</h2>
            <div className="table-wrap table-scroll">
              <table className="data-table" data-testid="camera-table" aria-labelledby="cameras-h">
                <thead>
                  <tr>
                    <th scope="col">{t('cameras.col.id')}</th>
                    <th scope="col">{t('cameras.col.name')}</th>
                    <th scope="col" className="num">
                      {t('cameras.col.captures')}
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {stats.cameras.map((c) => (
                    <tr key={c.id} data-testid="camera-row" data-camera-id={c.id}>
                      <td className="mono">{c.id}</td>
                      <td>{c.name}</td>
                      <td className="num">{formatCount(c.captures)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </section>
        )}
      </div>

      {stats.captures > 0 && (
        <>
          <CameraZoneView stats={stats} />
          <TimelineView stats={stats} initial={overview.timeline} />
          <HeatMapView map={overview.heatmap} />
          <PlatformView cmp={overview.platform} />
          {overview.repeatVisitors && onOpenPerson && (
            <RepeatVisitorsView repeat={overview.repeatVisitors} timezone={stats.timezone} gapMinutes={stats.visitGapMinutes} onOpenPerson={onOpenPerson} />
          )}
        </>
      )}
    </>
  );
});
