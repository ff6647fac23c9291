/**
 * The case file (案卷) in the documents list: which volume (正卷 / 副卷 / 正副卷), bystanders' faces masked unless
 * a reviewer asks otherwise (with a warning while the box is ticked), and export as DOCX or PDF, or print.
 *
 * The case file takes tens of seconds (every part is printed to learn its page numbers), so it runs as a job:
 * its progress (Chromium's prints) and Cancel are shown while the rest of the screen stays usable, and the job is
 * kept in the app's job store, so leaving the screen and coming back finds it. Printing makes the PDF: the browser
 * host downloads it for the browser's viewer to print; the app says where it is (a PDF is printed from a PDF
 * reader: Electron's print dialog prints pages, not PDF files).
 */
import { useEffect, useId, useRef, useState } from 'react';
import { CaseFileExportResult } from '../../../../shared/documentsApi';
import { useBridge } from '../../bridge/context';
import { ErrorText } from '../../components/ErrorText';
import { JobProgress } from '../../components/JobProgress';
import { jobErrorOf, useJob } from '../../components/useJob';
import { useT } from '../../i18n/context';
import type { JobStore } from '../../jobs';

type Volume = 'main' | 'secondary' | 'both';
type Action = 'docx' | 'pdf' | 'print';

const VOLUMES: Volume[] = ['main', 'secondary', 'both'];

/** The job store's key of a case's case-file export. */
export const caseFileKey = (caseId: string) => `casefile\u0000${caseId}`;

/** Starts the browser's download of a file the host serves. */
function download(url: string, file: string): void {
  const a = document.createElement('a');
  a.href = url;
  a.download = file.split(/[\\/]/u).pop() ?? '';
  document.body.append(a);
  a.click();
  a.remove();
}

export function CaseFilePanel({ caseId, jobs }: { caseId: string; jobs: JobStore }) {
  const bridge = useBridge();
  const { t } = useT();
  const uid = useId();
  const ctl = useJob(bridge, jobs, caseFileKey(caseId));
  const { job, running, starting, cancelling, actionError } = ctl;
  const [volume, setVolume] = useState<Volume>('main');
  const [unmask, setUnmask] = useState(false);
  // What the last export was for: printing downloads the PDF (browser host) once it is written.
  const [action, setAction] = useState<{ jobId: string; action: Action } | null>(null);
  const handled = useRef<string | null>(null);

  const parsed = job?.state === 'done' ? CaseFileExportResult.safeParse(job.result) : null;
  const result = parsed?.success ? parsed.data : null;
  const url = result && bridge.exportUrl ? bridge.exportUrl(caseId, result.path) : null;
  const printing = action !== null && action.jobId === ctl.jobId && action.action === 'print';
  const jobError = jobErrorOf(job, {
    cancelled: { code: 'documents.caseFile.cancelled', params: {}, message: t('docs.casefile.cancelled') },
    failed: { code: 'documents.caseFile.failed', params: {}, message: t('docs.casefile.failed') },
  });

  useEffect(() => {
    if (!result || !printing || !url || handled.current === ctl.jobId) return;
    handled.current = ctl.jobId ?? null;
    download(url, result.path);
  }, [result, printing, url, ctl.jobId]);

  const start = (what: Action) =>
    ctl.start(async () => {
      const { jobId } = await bridge.call('documents.caseFile.export', {
        caseId, format: what === 'docx' ? 'docx' : 'pdf', volume, unmaskFaces: unmask,
      });
      setAction({ jobId, action: what });
      ctl.adopt(jobId);
    });

  const busy = running || starting;
  const busyLabel = (what: Action) => (busy && action?.action === what && (starting || action.jobId === ctl.jobId));

  return (
    <div className="casefile-panel" data-testid="casefile-panel" data-state={job?.state ?? 'idle'}>
      <p className="muted small casefile-note">{t('docs.casefile.note')}</p>
      <div className="casefile-options">
        <fieldset className="casefile-volumes" disabled={busy}>
          <legend>{t('docs.casefile.volume')}</legend>
          {VOLUMES.map((v) => (
            <label key={v}>
              <input
                type="radio"
                name={`${uid}-volume`}
                value={v}
                checked={volume === v}
                onChange={() => setVolume(v)}
                data-testid={`casefile-volume-${v}`}
              />{' '}
              {t(`docs.casefile.volume.${v}`)}
            </label>
          ))}
        </fieldset>
        <label className="casefile-unmask">
          <input
            type="checkbox"
            checked={unmask}
            disabled={busy}
            onChange={(e) => setUnmask(e.target.checked)}
            aria-describedby={unmask ? `${uid}-unmask-warning` : undefined}
            data-testid="casefile-unmask"
          />{' '}
          {t('docs.casefile.unmask')}
        </label>
      </div>
      {unmask && (
        <p className="banner-warning casefile-unmask-warning" id={`${uid}-unmask-warning`} role="alert" data-testid="casefile-unmask-warning">
          {t('docs.casefile.unmaskWarning')}
        </p>
      )}
      <div className="toolbar">
        <button type="button" className="btn" disabled={busy} onClick={() => void start('docx')} data-testid="casefile-export-docx">
          {busyLabel('docx') ? t('docs.export.busy') : t('docs.export.docx')}
        </button>
        <button type="button" className="btn" disabled={busy} onClick={() => void start('pdf')} data-testid="casefile-export-pdf">
          {busyLabel('pdf') ? t('docs.export.busy') : t('docs.export.pdf')}
        </button>
        <button type="button" className="btn" disabled={busy} onClick={() => void start('print')} data-testid="casefile-print">
          {busyLabel('print') ? t('docs.print.busy') : t('docs.print')}
        </button>
      </div>
      {running && (
        <JobProgress
          job={job}
          title={t('docs.casefile.running')}
          testIdPrefix="casefile"
          cancelling={cancelling}
          onCancel={() => void ctl.cancel()}
          confirmText={t('docs.casefile.confirmCancel')}
        />
      )}
      {result && (
        <p
          className="export-saved muted small"
          role="status"
          data-testid="casefile-saved"
          data-path={result.path}
          data-pages={result.pages}
          data-unmasked={String(result.unmasked)}
        >
          {t('docs.casefile.saved', { path: result.path, pages: result.pages })}
          {url && (
            <>
              {' '}
              <a href={url} download={result.path.split(/[\\/]/u).pop()} data-testid="casefile-download">
                {t('docs.export.download')}
              </a>
            </>
          )}
        </p>
      )}
      {result && printing && (
        <p className="muted small" role="status" data-testid="casefile-print-note">
          {t(bridge.transport === 'browser' ? 'docs.print.browserNote' : 'docs.casefile.printNote')}
        </p>
      )}
      {actionError && <ErrorText error={actionError} testId="casefile-error" />}
      {!actionError && jobError && <ErrorText error={jobError} testId="casefile-error" />}
    </div>
  );
}
