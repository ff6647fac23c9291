import { useEffect, useId, useRef, useState } from 'react';
import { ImportReport as ImportReportSchema, type SheetPreviewItem } from '../../../shared/api';
import { useBridge } from '../bridge/context';
import { toUiError, type UiError } from '../bridge/errors';
import { useT } from '../i18n/context';
import { ErrorText } from '../components/ErrorText';
import { JobProgress } from '../components/JobProgress';
import { isTerminal, useJobPoll, useJobStore, type JobStore } from '../jobs';
import { ColumnMapping } from './ColumnMapping';
import { ImportReportView } from './ImportReportView';

/** A sheet the services cannot read without a column mapping. */
const needsMapping = (s: SheetPreviewItem) => s.kind === 'unknown' && !s.error;

export function ImportPanel({ caseId, jobs, onImported }: { caseId: string; jobs: JobStore; onImported: () => void }) {
  const bridge = useBridge();
  const { t } = useT();
  useJobStore(jobs);
  const [path, setPath] = useState('');
  const [starting, setStarting] = useState(false);
  const [cancelling, setCancelling] = useState(false);
  const [actionError, setActionError] = useState<UiError | null>(null);
  /** The column-mapping step, open for `path` with these sheets. */
  const [mapping, setMapping] = useState<{ path: string; sheets: SheetPreviewItem[]; reason: UiError | null } | null>(null);
  const inputId = useId();
  const hintId = `${inputId}-hint`;

  const jobId = jobs.activeJobId(caseId);
  const job = jobs.get(jobId);
  const running = Boolean(jobId) && (!job || job.state === 'running');

  // Tell the overview once per finished job (not again when the panel is re-mounted on a finished job).
  const notified = useRef<string | undefined>(job && isTerminal(job.state) ? job.id : undefined);
  const startedPath = useRef<string>('');
  useEffect(() => {
    if (job && job.state === 'done' && notified.current !== job.id) {
      notified.current = job.id;
      onImported();
    }
    if (job && isTerminal(job.state)) setCancelling(false);
    // An import refused for a sheet's headers opens the mapping step for it.
    if (job && job.state === 'failed' && job.error?.code === 'import.sheetColumns' && notified.current !== job.id) {
      notified.current = job.id;
      const p = startedPath.current || path.trim();
      const reason = { code: job.error.code, params: job.error.params ?? {}, message: job.error.message ?? '' };
      bridge.call('import.preview', { path: p }).then(
        (sheets) => {
          if (sheets.some(needsMapping)) {
            jobs.setActive(caseId, undefined);
            setMapping({ path: p, sheets, reason });
          }
        },
        () => undefined,
      );
    }
  }, [job, onImported, bridge, jobs, caseId, path]);

  useJobPoll(bridge, jobs, jobId, running);

  async function runImport(p: string, profile?: string) {
    const { jobId: id } = await bridge.call('import.start', { caseId, path: p, ...(profile ? { profile } : {}) });
    startedPath.current = p;
    setMapping(null);
    jobs.setActive(caseId, id);
    bridge.call('jobs.get', { jobId: id }).then(
      (status) => jobs.put(status),
      () => undefined,
    );
  }

  async function start() {
    const p = path.trim();
    if (!p || running || starting) return;
    setStarting(true);
    setActionError(null);
    setMapping(null);
    try {
      // Sheets whose headers are not recognised need the mapping step first; otherwise import at once.
      const sheets = await bridge.call('import.preview', { path: p });
      if (sheets.some(needsMapping)) setMapping({ path: p, sheets, reason: null });
      else await runImport(p);
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

  const parsed = job?.state === 'done' ? ImportReportSchema.safeParse(job.result) : null;
  const report = parsed?.success ? parsed.data : null;
  const jobError: UiError | null =
    mapping
      ? null
      : parsed && !parsed.success
        ? { code: 'import.failed', params: {}, message: t('import.reportUnreadable') }
      : job && (job.state === 'failed' || job.state === 'cancelled')
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
            aria-describedby={hintId}
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
        <p className="hint" id={hintId}>
          {t('import.path.hint')}
        </p>
      </form>

      {running && (
        <JobProgress
          job={job}
          title={t('import.running')}
          testIdPrefix="import"
          cancelling={cancelling}
          onCancel={() => void cancel()}
        />
      )}

      {mapping && !running && (
        <ColumnMapping
          key={mapping.path}
          path={mapping.path}
          sheets={mapping.sheets}
          reason={mapping.reason}
          onImport={(profile) => runImport(mapping.path, profile)}
          onClose={() => setMapping(null)}
        />
      )}

      {actionError && <ErrorText error={actionError} testId="import-error" />}
      {!actionError && jobError && <ErrorText error={jobError} testId="import-error" />}
      {report && <ImportReportView report={report} onDismiss={() => jobs.setActive(caseId, undefined)} />}
    </section>
  );
}
