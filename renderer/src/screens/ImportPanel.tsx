import { useEffect, useId, useRef, useState, type ReactNode } from 'react';
import type { ImportReport, JobStatus } from '../../../shared/api';
import { useBridge } from '../bridge/context';
import { toUiError, type UiError } from '../bridge/errors';
import { useT } from '../i18n/context';
import { formatCount } from '../i18n/format';
import { ErrorText } from '../components/ErrorText';
import { isTerminal, useJobStore, type JobStore } from '../jobs';

const POLL_MS = 1500;
const LIST_LIMIT = 200;

export function ImportPanel({ caseId, jobs, onImported }: { caseId: string; jobs: JobStore; onImported: () => void }) {
  const bridge = useBridge();
  const { t, tMaybe } = useT();
  useJobStore(jobs);
  const [path, setPath] = useState('');
  const [starting, setStarting] = useState(false);
  const [cancelling, setCancelling] = useState(false);
  const [actionError, setActionError] = useState<UiError | null>(null);
  const inputId = useId();

  const jobId = jobs.activeJobId(caseId);
  const job = jobs.get(jobId);
  const running = Boolean(jobId) && (!job || job.state === 'running');

  // Tell the overview once per finished job (not again when the panel is re-mounted on a finished job).
  const notified = useRef<string | undefined>(job && isTerminal(job.state) ? job.id : undefined);
  useEffect(() => {
    if (job && job.state === 'done' && notified.current !== job.id) {
      notified.current = job.id;
      onImported();
    }
    if (job && isTerminal(job.state)) setCancelling(false);
  }, [job, onImported]);

  // Events drive the progress; a poll covers events lost while the connection was down.
  useEffect(() => {
    if (!jobId || !running) return;
    const timer = setInterval(() => {
      if (Date.now() - jobs.lastUpdate(jobId) < POLL_MS) return;
      bridge.call('jobs.get', { jobId }).then(
        (status) => jobs.put(status),
        () => {
          /* transient: the next tick retries */
        },
      );
    }, POLL_MS);
    return () => clearInterval(timer);
  }, [bridge, jobs, jobId, running]);

  async function start() {
    const p = path.trim();
    if (!p || running || starting) return;
    setStarting(true);
    setActionError(null);
    try {
      const { jobId: id } = await bridge.call('import.start', { caseId, path: p });
      jobs.setActive(caseId, id);
      bridge.call('jobs.get', { jobId: id }).then(
        (status) => jobs.put(status),
        () => undefined,
      );
    } catch (err) {
      setActionError(toUiError(err));
    } finally {
      setStarting(false);
    }
  }

  async function cancel() {
    if (!jobId) return;
    setCancelling(true);
    try {
      await bridge.call('jobs.cancel', { jobId });
      const status = await bridge.call('jobs.get', { jobId });
      jobs.put(status);
    } catch (err) {
      setActionError(toUiError(err));
      setCancelling(false);
    }
  }

  async function pick() {
    if (!bridge.pickPaths) return;
    try {
      const [picked] = await bridge.pickPaths('folder');
      if (picked) setPath(picked);
    } catch (err) {
      setActionError(toUiError(err));
    }
  }

  const jobError: UiError | null =
    job && (job.state === 'failed' || job.state === 'cancelled')
      ? job.error
        ? { code: job.error.code, params: job.error.params ?? {}, message: job.error.message ?? '' }
        : job.state === 'cancelled'
          ? { code: 'import.cancelled', params: {}, message: t('import.cancelledNoError') }
          : { code: 'import.failed', params: {}, message: t('import.failedNoError') }
      : null;

  return (
    <section className="panel import-panel" aria-labelledby={`${inputId}-h`}>
      <h2 id={`${inputId}-h`}>{t('import.heading')}</h2>
      <form
        className="import-form"
        onSubmit={(e) => {
          e.preventDefault();
          void start();
        }}
      >
        <label htmlFor={inputId}>{t('import.path')}</label>
        <div className="field-row">
          <input
            id={inputId}
            type="text"
            className="path-input"
            data-testid="import-path"
            value={path}
            onChange={(e) => setPath(e.target.value)}
            placeholder={t('import.path.placeholder')}
            spellCheck={false}
            autoComplete="off"
            disabled={running}
          />
          {bridge.pickPaths && (
            <button type="button" className="btn" onClick={pick} disabled={running}>
              {t('import.pick')}
            </button>
          )}
          <button
            type="submit"
            className="btn btn-primary"
            data-testid="import-start"
            disabled={running || starting || !path.trim()}
          >
            {starting ? t('import.starting') : t('import.start')}
          </button>
        </div>
      </form>

      {running && (
        <div className="import-progress" aria-live="polite">
          <div className="progress-line">
            <span className="phase">
              {t('import.running')}
              {job?.phase ? ` · ${tMaybe(`import.phase.${job.phase}`, job.phase)}` : ''}
            </span>
            <span className="count">
              {job && job.total > 0
                ? t('import.progress', { done: formatCount(job.done), total: formatCount(job.total) })
                : job && job.done > 0
                  ? t('import.progressUnknown', { done: formatCount(job.done) })
                  : ''}
            </span>
          </div>
          <div className="field-row">
            <progress
              data-testid="import-progress"
              aria-label={t('import.running')}
              {...(job && job.total > 0 ? { value: Math.min(job.done, job.total), max: job.total } : {})}
            />
            <button
              type="button"
              className="btn"
              data-testid="import-cancel"
              onClick={cancel}
              disabled={cancelling || !jobId}
            >
              {cancelling ? t('import.cancelling') : t('import.cancel')}
            </button>
          </div>
        </div>
      )}

      {actionError && <ErrorText error={actionError} testId="import-error" />}
      {!actionError && jobError && <ErrorText error={jobError} testId="import-error" />}
      {job?.state === 'done' && job.result && (
        <ImportReportView report={job.result} onDismiss={() => jobs.setActive(caseId, undefined)} />
      )}
    </section>
  );
}

function ImportReportView({ report, onDismiss }: { report: ImportReport; onDismiss: () => void }) {
  const { t } = useT();
  const row = (key: Parameters<typeof t>[0], value: number, testId?: string, warn = false) => (
    <div className={`report-item${warn && value > 0 ? ' warn' : ''}`}>
      <dt>{t(key)}</dt>
      <dd data-testid={testId}>{formatCount(value)}</dd>
    </div>
  );
  return (
    <div className="import-report" data-testid="import-report" role="status">
      <div className="report-head">
        <h3>{t('import.report.heading')}</h3>
        <button type="button" className="btn btn-small" onClick={onDismiss}>
          {t('import.report.dismiss')}
        </button>
      </div>
      <dl className="report-source">
        <dt>{t('import.report.source')}</dt>
        <dd>
          <code>{report.path}</code>
        </dd>
        {report.sha256 && (
          <>
            <dt>{t('import.report.sha256')}</dt>
            <dd>
              <code>{report.sha256}</code>
            </dd>
          </>
        )}
      </dl>
      <dl className="report-grid">
        {row('import.report.filesSeen', report.filesSeen, 'import-report-files-seen')}
        {row('import.report.filesStored', report.filesStored, 'import-report-files-stored')}
        {row('import.report.duplicateFiles', report.duplicateFiles, 'import-report-duplicates')}
        {row('import.report.captures', report.captures, 'import-report-captures')}
        {row('import.report.sheets', report.sheets.length, 'import-report-sheets')}
        {row('import.report.skipped', report.skipped.length, 'import-report-skipped', true)}
        {row('import.report.rowsWithoutFile', report.rowsWithoutFile.length, 'import-report-rows-without-file', true)}
        {row('import.report.filesWithoutRow', report.filesWithoutRow.length, 'import-report-files-without-row', true)}
        {row('import.report.badRows', report.badRows.length, 'import-report-bad-rows', true)}
      </dl>
      <ReportList
        title={t('import.report.sheets')}
        items={report.sheets}
        render={(s) => t('import.report.sheetLine', { path: s.path, encoding: s.encoding, rows: s.rows })}
      />
      <ReportList title={t('import.report.skipped')} items={report.skipped} render={(s) => `${s.path} — ${s.reason}`} />
      <ReportList
        title={t('import.report.rowsWithoutFile')}
        items={report.rowsWithoutFile}
        render={(r) => t('import.report.rowLine', { sheet: r.sheet, row: r.row, text: r.path })}
      />
      <ReportList title={t('import.report.filesWithoutRow')} items={report.filesWithoutRow} render={(p) => p} />
      <ReportList
        title={t('import.report.badRows')}
        items={report.badRows}
        render={(r) => t('import.report.rowLine', { sheet: r.sheet, row: r.row, text: r.reason })}
      />
    </div>
  );
}

function ReportList<T>({ title, items, render }: { title: string; items: T[]; render: (item: T) => ReactNode }) {
  const { t, lang } = useT();
  if (items.length === 0) return null;
  return (
    <details className="report-list">
      <summary>
        {lang === 'zh' ? `${title}（${formatCount(items.length)}）` : `${title} (${formatCount(items.length)})`}
      </summary>
      <ul>
        {items.slice(0, LIST_LIMIT).map((item, i) => (
          <li key={i}>{render(item)}</li>
        ))}
        {items.length > LIST_LIMIT && <li className="muted">{t('common.moreItems', { n: items.length - LIST_LIMIT })}</li>}
      </ul>
    </details>
  );
}

export type { JobStatus };
