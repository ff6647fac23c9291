/**
 * 人员: the People screen (issue 5). The case's people as clustering found them and the analyst corrected them:
 * the counts with their range at the top, then the list, the merge suggestions and the staff suggestions; a
 * person's page with every face. Every decision is recorded by the services (and the audit log), can be undone
 * and redone, and survives re-clustering.
 */
import { useCallback, useEffect, useId, useState, type ReactNode } from 'react';
import type { ReviewAction } from '../../../../shared/identitiesApi';
import type { ApiResult } from '../../../../shared/api';
import { useBridge } from '../../bridge/context';
import { toUiError, type UiError } from '../../bridge/errors';
import { ErrorText, Loading } from '../../components/ErrorText';
import { JobProgress } from '../../components/JobProgress';
import { useApi } from '../../components/useApi';
import { useFocusOnMount } from '../../components/useFocusOnMount';
import { jobErrorOf, useJob } from '../../components/useJob';
import { useT } from '../../i18n/context';
import type { DictKey } from '../../i18n/dict';
import { formatCount, formatDateTime } from '../../i18n/format';
import { analyzeKey, isTerminal, type JobStore } from '../../jobs';
import { MergeSuggestions } from './MergeSuggestions';
import { PersonList, type ListView } from './PersonList';
import { PersonPage } from './PersonPage';
import { SensitivityView } from './SensitivityView';
import { StaffSuggestions } from './StaffSuggestions';
import { useShortcuts } from './shortcuts';
import { roleKey, type Done, type ReviewResult } from './common';
import './people.css';

type Tab = 'list' | 'merge' | 'staff';
type Summary = ApiResult<'identities.summary'>;

/** The job store key of a case's clustering. */
export const clusterKey = (caseId: string) => `cluster\u0000${caseId}`;

export function PeopleScreen({ caseId, jobs, onBack }: { caseId: string; jobs: JobStore; onBack: () => void }) {
  const bridge = useBridge();
  const { t, tn, tMaybe, lang } = useT();
  const heading = useFocusOnMount<HTMLHeadingElement>();
  const [rev, setRev] = useState(0);
  const bump = useCallback(() => setRev((r) => r + 1), []);
  const summary = useApi(() => bridge.call('identities.summary', { caseId }), [bridge, caseId, rev]);
  const detail = useApi(() => bridge.call('cases.get', { caseId }), [bridge, caseId]);
  const [tab, setTab] = useState<Tab>('list');
  const [personId, setPersonId] = useState<number | null>(null);
  const [view, setView] = useState<ListView>({ sort: 'captures', role: 'all' });
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<UiError | null>(null);
  const [status, setStatus] = useState<Done | null>(null);
  const [help, setHelp] = useState(false);
  const [mergeTotal, setMergeTotal] = useState<number | null>(null);
  const [staffTotal, setStaffTotal] = useState<number | null>(null);
  const [exported, setExported] = useState<{ path: string; rows: number } | null>(null);
  const uid = useId();

  // Clustering as a job, kept in the app's job store so it survives leaving the screen.
  const ctl = useJob(bridge, jobs, clusterKey(caseId));
  const { job } = ctl;
  // A face analysis started from the overview groups the faces again when it ends: while it runs, decisions wait.
  const analysis = useJob(bridge, jobs, analyzeKey(caseId));
  const analysing = analysis.running;
  const running = ctl.running || analysing;
  const ends = [job, analysis.job].map((j) => (j && isTerminal(j.state) ? `${j.id}:${j.state}` : '')).join('|');
  const [seenEnds, setSeenEnds] = useState(ends);
  useEffect(() => {
    if (ends !== seenEnds) {
      setSeenEnds(ends);
      bump();
    }
  }, [ends, seenEnds, bump]);
  const cluster = () =>
    ctl.start(async () => {
      const { jobId } = await bridge.call('identities.cluster.start', { caseId });
      ctl.adopt(jobId);
    });
  const jobError = jobErrorOf(job, {
    cancelled: { code: 'identities.cancelled', params: {}, message: t('people.cluster.cancelled') },
    failed: { code: 'identities.failed', params: {}, message: t('people.cluster.failed') },
  });

  const review = useCallback(
    async (action: ReviewAction, done?: Done): Promise<ReviewResult | null> => {
      setBusy(true);
      setError(null);
      try {
        const res = await bridge.call('identities.review', { caseId, action });
        setStatus(done ?? null);
        return res;
      } catch (e) {
        setError(toUiError(e));
        return null;
      } finally {
        setBusy(false);
        bump();
      }
    },
    [bridge, caseId, bump],
  );

  const s = summary.data;
  /** 合并 R000003 · R000007: what an undo or redo will act on, in the analyst's words. */
  const decisionText = (d: { kind: string; summary: string }) =>
    `${tMaybe(`people.kind.${d.kind}`, d.kind)} ${d.summary
      .split(' · ')
      .map((part) => tMaybe(`people.role.${part}`, part))
      .join(' · ')}`;
  const phaseText = (phase: string) => tMaybe(`analyze.phase.${phase}`, tMaybe(`import.phase.${phase}`, phase));
  const statusText = (d: Done) => {
    const params = { ...d.params };
    if (typeof params.role === 'string') params.role = tMaybe(roleKey(params.role as never), params.role);
    if (d.decision) params.what = decisionText(d.decision);
    return t(d.key, params);
  };
  const step = async (which: 'undo' | 'redo') => {
    const what = which === 'undo' ? s?.undo : s?.redo;
    if (!what || busy || running) return;
    setBusy(true);
    setError(null);
    try {
      const res = await bridge.call(which === 'undo' ? 'identities.undo' : 'identities.redo', { caseId });
      setStatus(res.seq === null ? { key: 'people.done.nothing' } : { key: which === 'undo' ? 'people.done.undo' : 'people.done.redo', decision: what });
    } catch (e) {
      setError(toUiError(e));
    } finally {
      setBusy(false);
      bump();
    }
  };

  const exportAs = async (format: 'csv' | 'xlsx') => {
    setBusy(true);
    setError(null);
    setExported(null);
    try {
      setExported(await bridge.call('identities.export', { caseId, format }));
    } catch (e) {
      setError(toUiError(e));
    } finally {
      setBusy(false);
    }
  };

  useShortcuts({
    'ctrl+z': () => void step('undo'),
    'ctrl+shift+z': () => void step('redo'),
    'ctrl+y': () => void step('redo'),
    '?': () => setHelp((h) => !h),
  });

  const openPerson = useCallback((id: number) => setPersonId(id), []);
  const closePerson = useCallback(() => setPersonId(null), []);
  const ready = Boolean(s?.run);
  const info = detail.data?.info;

  return (
    <section className="pp-screen" data-testid="people-screen" aria-labelledby={`${uid}-h`} aria-busy={busy || running}>
      <div className="pp-top">
        <div className="pp-titlebar">
          <button type="button" className="btn btn-back" data-testid="people-back" onClick={onBack}>
            ← {t('people.back')}
          </button>
          <h1 id={`${uid}-h`} ref={heading} tabIndex={-1}>
            {t('people.heading')}
            {info && <span className="pp-case muted">{info.number}</span>}
          </h1>
          <div className="header-spacer" />
          <div className="pp-tools" role="toolbar" aria-label={t('people.tools')}>
            <button
              type="button"
              className="btn btn-small"
              data-testid="people-undo"
              disabled={!s?.undo || busy || running}
              title={s?.undo ? t('people.undo.title', { what: decisionText(s.undo) }) : t('people.undo.none')}
              onClick={() => void step('undo')}
            >
              ↶ {t('people.undo')}
              {s?.undo && <span className="pp-what" data-testid="people-undo-what">{decisionText(s.undo)}</span>}
            </button>
            <button
              type="button"
              className="btn btn-small"
              data-testid="people-redo"
              disabled={!s?.redo || busy || running}
              title={s?.redo ? t('people.redo.title', { what: decisionText(s.redo) }) : t('people.redo.none')}
              onClick={() => void step('redo')}
            >
              ↷ {t('people.redo')}
              {s?.redo && <span className="pp-what" data-testid="people-redo-what">{decisionText(s.redo)}</span>}
            </button>
            <span className="pp-sep" />
            <button
              type="button"
              className="btn btn-small"
              data-testid="people-recluster-tool"
              disabled={!ready || running || ctl.starting}
              title={t('people.cluster.againTitle')}
              onClick={() => void cluster()}
            >
              {t('people.cluster.again')}
            </button>
            <button type="button" className="btn btn-small" data-testid="people-export-csv" disabled={!ready || busy} onClick={() => void exportAs('csv')}>
              {t('people.export.csv')}
            </button>
            <button type="button" className="btn btn-small" data-testid="people-export-xlsx" disabled={!ready || busy} onClick={() => void exportAs('xlsx')}>
              {t('people.export.xlsx')}
            </button>
            <button type="button" className="btn btn-small" data-testid="people-help-toggle" aria-expanded={help} onClick={() => setHelp((h) => !h)}>
              {t('people.help')} <kbd>?</kbd>
            </button>
          </div>
        </div>

        {summary.error && <ErrorText error={summary.error} onRetry={summary.reload} testId="people-summary-error" />}
        {!s && summary.loading && <Loading />}
        {s && <SummaryBar s={s} />}
        {s && <SensitivityView s={s} />}

        {s && !s.run && !running && (
          <div className="pp-notice" data-testid="people-none">
            <span>{t('people.none')}</span>
            <button type="button" className="btn btn-primary btn-small" data-testid="people-cluster" disabled={ctl.starting} onClick={() => void cluster()}>
              {t('people.cluster.start')}
            </button>
          </div>
        )}
        {s?.run && s.stale && !running && (
          <div className="pp-notice pp-warn" data-testid="people-stale" role="status">
            <span>{t('people.stale', { at: formatDateTime(s.run.finishedAt ?? s.run.startedAt, lang) })}</span>
            <button type="button" className="btn btn-primary btn-small" data-testid="people-recluster" disabled={ctl.starting} onClick={() => void cluster()}>
              {t('people.cluster.again')}
            </button>
          </div>
        )}
        {analysing && (
          <div className="pp-notice" data-testid="people-analysing" role="status">
            <span>{t('people.analysing', { phase: phaseText(analysis.job?.phase ?? 'queued') })}</span>
          </div>
        )}
        {ctl.running && (
          <JobProgress
            job={job}
            title={t('people.cluster.title')}
            testIdPrefix="cluster"
            cancelling={ctl.cancelling}
            onCancel={() => void ctl.cancel()}
            confirmText={t('people.cluster.confirmCancel')}
          />
        )}
        {ctl.actionError && <ErrorText error={ctl.actionError} testId="cluster-error" />}
        {jobError && !running && <ErrorText error={jobError} testId="cluster-error" onRetry={() => void cluster()} />}
        {error && <ErrorText error={error} testId="people-review-error" />}
        {exported && (
          <p className="pp-exported" data-testid="people-exported" role="status">
            {tn('people.export.done', { n: formatCount(exported.rows), path: <code data-testid="people-export-path">{exported.path}</code> })}
          </p>
        )}
        {help && <ShortcutHelp onClose={() => setHelp(false)} />}
        <p className="pp-status small" data-testid="people-status" role="status" aria-live="polite">
          {status && statusText(status)}
        </p>
      </div>

      {ready && (
        <>
          {personId === null && (
            <div className="pp-tabs" role="tablist" aria-label={t('people.heading')}>
              {(['list', 'merge', 'staff'] as Tab[]).map((k) => {
                const n = k === 'list' ? s?.persons : k === 'merge' ? mergeTotal : staffTotal;
                return (
                  <button
                    key={k}
                    type="button"
                    role="tab"
                    aria-selected={tab === k}
                    className={`pp-tab${tab === k ? ' on' : ''}`}
                    data-testid={`people-tab-${k}`}
                    onClick={() => setTab(k)}
                  >
                    {t(`people.tab.${k}` as DictKey)}
                    {n !== null && n !== undefined && <span className="pp-tab-n">{formatCount(n)}</span>}
                  </button>
                );
              })}
            </div>
          )}
          <div className="pp-body">
            <PersonList
              caseId={caseId}
              rev={rev}
              active={personId === null && tab === 'list'}
              busy={busy || running}
              view={view}
              onView={setView}
              review={review}
              onOpen={openPerson}
            />
            <MergeSuggestions
              caseId={caseId}
              rev={rev}
              active={personId === null && tab === 'merge'}
              busy={busy || running}
              review={review}
              onOpen={openPerson}
              onTotal={setMergeTotal}
            />
            <StaffSuggestions
              caseId={caseId}
              rev={rev}
              active={personId === null && tab === 'staff'}
              busy={busy || running}
              review={review}
              onOpen={openPerson}
              onTotal={setStaffTotal}
            />
            {personId !== null && (
              <PersonPage
                key={personId}
                caseId={caseId}
                personId={personId}
                rev={rev}
                busy={busy || running}
                review={review}
                onBack={closePerson}
                onOpenPerson={openPerson}
              />
            )}
          </div>
        </>
      )}
    </section>
  );
}

function SummaryBar({ s }: { s: Summary }) {
  const { t, lang } = useT();
  const item = (key: DictKey, value: ReactNode, testId: string, extra?: { title?: string; cls?: string }) => (
    <div className={`pp-fig${extra?.cls ? ` ${extra.cls}` : ''}`} title={extra?.title}>
      <dt>{t(key)}</dt>
      <dd data-testid={testId}>{value}</dd>
    </div>
  );
  const r = s.range;
  return (
    <dl className="pp-summary" data-testid="people-summary" data-run-id={s.run?.id ?? ''}>
      {item('people.sum.persons', formatCount(s.persons), 'sum-persons', { cls: 'pp-fig-main' })}
      {item('people.sum.staff', formatCount(s.staff), 'sum-staff')}
      {item('people.sum.visitors', formatCount(s.visitors), 'sum-visitors', { title: t('people.sum.visitorsTitle') })}
      {item('people.sum.unknown', formatCount(s.unknown), 'sum-unknown')}
      {item(
        'people.sum.range',
        r ? t('people.sum.rangeValue', { n: formatCount(s.persons), low: formatCount(r.low), high: formatCount(r.high) }) : t('common.none'),
        'sum-range',
        r ? { title: t('people.sum.rangeTitle', { lo: r.lowThreshold.toFixed(3), hi: r.highThreshold.toFixed(3) }) } : undefined,
      )}
      {item('people.sum.setAside', formatCount(s.facesUnassigned), 'sum-set-aside', { title: t('people.sum.setAsideTitle') })}
      {item('people.sum.decisions', formatCount(s.decisions), 'sum-decisions')}
      {s.run &&
        item(
          'people.sum.run',
          <time dateTime={s.run.finishedAt ?? s.run.startedAt}>{formatDateTime(s.run.finishedAt ?? s.run.startedAt, lang)}</time>,
          'sum-run',
          { title: t('people.sum.runTitle', { faces: s.run.faces, clustered: s.run.facesClustered, attached: s.run.facesAttached, threshold: s.run.threshold.toFixed(3) }), cls: 'pp-fig-run' },
        )}
    </dl>
  );
}

const SHORTCUTS: Array<[string[], DictKey]> = [
  [['M'], 'people.key.merge'],
  [['S'], 'people.key.split'],
  [['T'], 'people.key.staff'],
  [['V'], 'people.key.visitor'],
  [['U'], 'people.key.unknown'],
  [['N'], 'people.key.notSame'],
  [['A', 'R'], 'people.key.acceptReject'],
  [['↑', '↓', '←', '→'], 'people.key.arrows'],
  [['Ctrl/⌘+Click', 'Shift+Click'], 'people.key.select'],
  [['Space'], 'people.key.space'],
  [['Enter'], 'people.key.enter'],
  [['Esc'], 'people.key.esc'],
  [['Ctrl+Z'], 'people.key.undo'],
  [['Ctrl+Shift+Z', 'Ctrl+Y'], 'people.key.redo'],
  [['?'], 'people.key.help'],
];

function ShortcutHelp({ onClose }: { onClose: () => void }) {
  const { t } = useT();
  return (
    <div className="pp-help" data-testid="people-help" role="region" aria-label={t('people.help')}>
      <div className="pp-help-head">
        <h3>{t('people.help')}</h3>
        <button type="button" className="btn btn-small" onClick={onClose}>
          {t('common.close')}
        </button>
      </div>
      <dl>
        {SHORTCUTS.map(([keys, d]) => (
          <div key={d}>
            <dt>
              {keys.map((k) => (
                <kbd key={k}>{k}</kbd>
              ))}
            </dt>
            <dd>{t(d)}</dd>
          </div>
        ))}
      </dl>
    </div>
  );
}
