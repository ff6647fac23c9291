/**
 * Export (DOCX, PDF into the case's exports/ folder, the path shown; in the browser host also a download) and
 * print: Electron's print dialog through the bridge; the browser host has none, so there printing makes the PDF
 * and downloads it for the browser's own viewer to print.
 */
import { useState } from 'react';
import { documentHtml } from '../../../../shared/documents/html/toHtml';
import type { DraftKind } from '../../../../shared/documentsApi';
import { useBridge } from '../../bridge/context';
import { toUiError, type UiError } from '../../bridge/errors';
import { ErrorText } from '../../components/ErrorText';
import { useT } from '../../i18n/context';

type Format = 'docx' | 'pdf';

interface Saved {
  format: Format;
  path: string;
  url: string | null;
}

/** Starts the browser's download of a file the host serves. */
function download(url: string, path: string): void {
  const a = document.createElement('a');
  a.href = url;
  a.download = path.split(/[\\/]/u).pop() ?? '';
  document.body.append(a);
  a.click();
  a.remove();
}

export function ExportBar({ caseId, kind, beforeExport }: { caseId: string; kind: DraftKind; beforeExport: () => Promise<boolean> }) {
  const bridge = useBridge();
  const { t } = useT();
  const [busy, setBusy] = useState<null | Format | 'print'>(null);
  const [saved, setSaved] = useState<Saved[]>([]);
  // The note's words are looked up when shown, so they follow the UI language.
  const [note, setNote] = useState<{ key: 'docs.print.browserNote' | 'docs.print.failed'; reason?: string } | null>(null);
  const [error, setError] = useState<UiError | null>(null);

  const exportAs = async (format: Format): Promise<Saved | null> => {
    const { path } = await bridge.call('documents.export', { caseId, kind, format });
    const item = { format, path, url: bridge.exportUrl ? bridge.exportUrl(caseId, path) : null };
    setSaved((list) => [item, ...list.filter((s) => s.format !== format)]);
    return item;
  };

  const act = async (what: Format | 'print') => {
    setBusy(what);
    setError(null);
    setNote(null);
    try {
      if (!(await beforeExport())) return;
      if (what !== 'print') {
        await exportAs(what);
      } else if (bridge.printHtml) {
        const { model } = await bridge.call('documents.preview', { caseId, kind });
        const outcome = await bridge.printHtml(documentHtml(model, { forPrint: true }));
        if (!outcome.printed && outcome.reason && outcome.reason !== 'cancelled') setNote({ key: 'docs.print.failed', reason: outcome.reason });
      } else {
        const pdf = await exportAs('pdf');
        setNote({ key: 'docs.print.browserNote' });
        if (pdf?.url) download(pdf.url, pdf.path);
      }
    } catch (e) {
      setError(toUiError(e));
    } finally {
      setBusy(null);
    }
  };

  return (
    <div className="doc-export" data-testid="doc-export">
      <div className="toolbar">
        <button type="button" className="btn" disabled={busy !== null} onClick={() => void act('docx')} data-testid="export-docx">
          {busy === 'docx' ? t('docs.export.busy') : t('docs.export.docx')}
        </button>
        <button type="button" className="btn" disabled={busy !== null} onClick={() => void act('pdf')} data-testid="export-pdf">
          {busy === 'pdf' ? t('docs.export.busy') : t('docs.export.pdf')}
        </button>
        <button type="button" className="btn" disabled={busy !== null} onClick={() => void act('print')} data-testid="print-document">
          {busy === 'print' ? t('docs.print.busy') : t('docs.print')}
        </button>
      </div>
      {saved.map((s) => (
        <p key={s.format} className="export-saved muted small" role="status" data-testid={`export-saved-${s.format}`} data-path={s.path}>
          {t('docs.export.saved', { path: s.path })}
          {s.url && (
            <>
              {' '}
              <a href={s.url} download={s.path.split(/[\\/]/u).pop()} data-testid={`export-download-${s.format}`}>
                {t('docs.export.download')}
              </a>
            </>
          )}
        </p>
      ))}
      {note && (
        <p className="muted small" role="status" data-testid="print-note">
          {t(note.key, { reason: note.reason ?? '' })}
        </p>
      )}
      {error && <ErrorText error={error} />}
    </div>
  );
}
