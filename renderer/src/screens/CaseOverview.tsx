import { useCallback, useId, type ReactNode } from 'react';
import type { Stats } from '../../../shared/api';
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

export function CaseOverview({
  caseId,
  jobs,
  onBack,
  onOpenDay,
  onOpenPeople,
}: {
  caseId: string;
  jobs: JobStore;
  onBack: () => void;
  onOpenDay: (date: string) => void;
  onOpenPeople?: () => void;
}) {
  const bridge = useBridge();
  const { t, lang } = useT();
  const detail = useApi(() => bridge.call('cases.get', { caseId }), [bridge, caseId]);
  const stats = useApi(() => bridge.call('stats.get', { caseId }), [bridge, caseId]);
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

  return (
    <section className="screen">
      <div className="screen-head">
        <button type="button" className="btn btn-back" onClick={onBack}>
          ← {t('overview.back')}
        </button>
        {onOpenPeople && (
          <div className="toolbar">
            <button type="button" className="btn" data-testid="open-people" onClick={onOpenPeople}>
              {t('people.open')}
            </button>
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
      <FacesPanel caseId={caseId} jobs={jobs} summary={faces} />

      {stats.error && <ErrorText error={stats.error} onRetry={stats.reload} />}
      {stats.loading && !stats.data && <Loading />}
      {stats.data && <StatsView stats={stats.data} onOpenDay={onOpenDay} />}

      {detail.data && detail.data.sources.length > 0 && (
        <section className="panel">
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

function StatCard({ label, testId, children, title }: { label: string; testId: string; children: ReactNode; title?: string }) {
  const id = useId();
  return (
    <div className="stat-card" role="group" aria-labelledby={id}>
      <div className="stat-label" id={id}>
        {label}
      </div>
      <div className="stat-value" data-testid={testId} title={title}>
        {children}
      </div>
    </div>
  );
}

function StatsView({ stats, onOpenDay }: { stats: Stats; onOpenDay: (date: string) => void }) {
  const { t, lang } = useT();
  const timeValue = (iso: string | null) =>
    iso ? <time dateTime={iso}>{formatDateTime(iso, lang)}</time> : t('common.none');

  return (
    <>
      <section className="panel">
        <h2>{t('stats.heading')}</h2>
        <div className="stat-grid">
          <StatCard label={t('stats.captures')} testId="stat-captures">
            {formatCount(stats.captures)}
          </StatCard>
          <StatCard label={t('stats.cameras')} testId="stat-cameras">
            {formatCount(stats.cameras.length)}
          </StatCard>
          <StatCard label={t('stats.first')} testId="stat-first" title={stats.period.first ?? undefined}>
            {timeValue(stats.period.first)}
          </StatCard>
          <StatCard label={t('stats.last')} testId="stat-last" title={stats.period.last ?? undefined}>
            {timeValue(stats.period.last)}
          </StatCard>
          <StatCard label={t('stats.days')} testId="stat-days">
            {formatCount(stats.daysActive)}
          </StatCard>
          {stats.capturesWithoutImage > 0 && (
            <StatCard label={t('stats.withoutImage')} testId="stat-without-image">
              {formatCount(stats.capturesWithoutImage)}
            </StatCard>
          )}
        </div>
        <p className="muted small">{t('stats.timezone', { tz: stats.timezone })}</p>
        {stats.captures === 0 && <p className="empty">{t('stats.empty')}</p>}
      </section>

      {stats.perDay.length > 0 && (
        <section className="panel">
          <h2>{t('chart.heading')}</h2>
          <p className="muted small no-print">{t('chart.hint')}</p>
          <PerDayChart perDay={stats.perDay} onOpenDay={onOpenDay} />
        </section>
      )}

      <div className="two-col">
        {stats.perDay.length > 0 && (
          <section className="panel">
            <h2 id="per-day-h">{t('perDay.heading')}</h2>
            <div className="table-wrap table-scroll">
              <table className="data-table" data-testid="per-day-table" aria-labelledby="per-day-h">
                <thead>
                  <tr>
                    <th scope="col">{t('perDay.col.date')}</th>
                    <th scope="col" className="num">
                      {t('perDay.col.captures')}
                    </th>
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
    </>
  );
}
