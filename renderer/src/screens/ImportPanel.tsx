import { useEffect, useId, useRef, useState } from 'react';
import { ImportReport as ImportReportSchema, type SheetPreviewItem } from '../../../shared/api';
import { useBridge } from '../bridge/context';
import { toUiError, type UiError } from '../bridge/errors';
import { useT } from '../i18n/context';
import { ErrorText } from '../components/ErrorText';
import { JobProgress } from '../components/JobProgress';
import { jobErrorOf, useJob } from '../components/useJob';
import { isTerminal, type JobStore } from '../jobs';
import { ColumnMapping } from './ColumnMapping';
import { ImportReportView } from './ImportReportView';

/** A sheet the services cannot read without a column mapping. */
const needsMapping = (s: SheetPreviewItem) => s.kind === 'unknown' && !s.error;

export function ImportPanel({ caseId, jobs, onImported }: { caseId: string; jobs: JobStore; onImported: () => void }) {
  const bridge = useBridge();
  const { t } = useT();
  const [path, setPath] = useState('');
  /** The column-mapping step, open for `path` with these sheets. */
  const [mapping, setMapping] = useState<{ path: string; sheets: SheetPreviewItem[]; reason: UiError | null } | null>(null);
  const inputId = useId();
  const hintId = `${inputId}-hint`;

  // Imports are kept under the case id itself.
  const ctl = useJob(bridge, jobs, caseId);
  const { job, running, starting, cancelling, actionError } = ctl;

  // Tell the overview once per finished job (not again when the panel is re-mounted on a finished job).
  const notified = useRef<string | undefined>(job && isTerminal(job.state) ? job.id : undefined);
  const startedPath = useRef<string>('');
  useEffect(() => {
    if (job && job.state === 'done' && notified.current !== job.id) {
      notified.current = job.id;
      onImported();
    }
    // An import refused for a sheet's headers opens the mapping step for it.
    if (job && job.state === 'failed' && job.error?.code === 'import.sheetColumns' && notified.current !== job.id) {
      notified.current = job.id;
      const p = startedPath.current || path.trim();
      const reason = { code: job.error.code, params: job.error.params ?? {}, message: job.error.message ?? '' };
      bridge.call('import.preview', { path: p }).then(
        (sheets) => {
          if (sheets.some(needsMapping)) {
            ctl.dismiss();
            setMapping({ path: p, sheets, reason });
          }
        },
        () => undefined,
      );
    }
  }, [job, onImported, bridge, jobs, caseId, path]);

  async function runImport(p: string, profile?: string) {
    const { jobId: id } = await bridge.call('import.start', { caseId, path: p, ...(profile ? { profile } : {}) });
    startedPath.current = p;
    setMapping(null);
    ctl.adopt(id);
  }

  function start() {
    const p = path.trim();
    if (!p || running || starting) return;
    setMapping(null);
    return ctl.start(async () => {
      // Sheets whose headers are not recognised need the mapping step first; otherwise import at once.
      const sheets = await bridge.call('import.preview', { path: p });
      if (sheets.some(needsMapping)) setMapping({ path: p, sheets, reason: null });
      else await runImport(p);
    });
  }

  /** Electron only: a seizure is a folder, or a single file (a ZIP, a sheet, a clip). */
  async function pick(kind: 'folder' | 'file') {
    if (!bridge.pickPaths) return;
    try {
      const [picked] = await bridge.pickPaths(kind);
      if (picked) setPath(picked);
    } catch (err) {
      ctl.setActionError(toUiError(err));
    }
  }

  const parsed = job?.state === 'done' ? ImportReportSchema.safeParse(job.result) : null;
  const report = parsed?.success ? parsed.data : null;
  const jobError: UiError | null = mapping
    ? null
    : parsed && !parsed.success
      ? { code: 'import.failed', params: {}, message: t('import.reportUnreadable') }
      : jobErrorOf(job, {
          cancelled: { code: 'import.cancelled', params: {}, message: t('import.cancelledNoError') },
          failed: { code: 'import.failed', params: {}, message: t('import.failedNoError') },
        });

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
            <>
              <button type="button" className="btn" onClick={() => void pick('folder')} disabled={running}>
                {t('import.pick')}
              </button>
              <button type="button" className="btn" onClick={() => void pick('file')} disabled={running}>
                {t('import.pickFile')}
              </button>
            </>
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
          onCancel={() => void ctl.cancel()}
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
      {report && <ImportReportView report={report} onDismiss={ctl.dismiss} />}
    </section>
  );
}
