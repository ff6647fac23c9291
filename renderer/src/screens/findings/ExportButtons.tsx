/**
 * Export a table (CSV, XLSX: written by the service from the same queries, with the case number and the SQL on
 * top) or a chart (SVG, PNG: drawn here, with the case number above it) into the case's exports/ folder.
 * The saved file's path is shown, so the user can find it for the case file.
 */
import { useState, type RefObject } from 'react';
import type { ApiArgs } from '../../../../shared/api';
import { useBridge } from '../../bridge/context';
import { toUiError, type UiError } from '../../bridge/errors';
import { ErrorText } from '../../components/ErrorText';
import { useT } from '../../i18n/context';
import { chartSvg, svgToPngBase64, svgWithHeading } from './chartExport';
import { useFindingsCase } from './FindingsContext';

type TableArgs = Omit<ApiArgs<'findings.exportTable'>, 'caseId' | 'format' | 'lang'>;

function useSaved() {
  const [saved, setSaved] = useState<string | null>(null);
  const [error, setError] = useState<UiError | null>(null);
  const [busy, setBusy] = useState(false);
  const run = (work: () => Promise<string>) => {
    setBusy(true);
    setError(null);
    work().then(
      (path) => {
        setSaved(path);
        setBusy(false);
      },
      (e: unknown) => {
        setError(toUiError(e));
        setBusy(false);
      },
    );
  };
  return { saved, error, busy, run };
}

function Saved({ saved, error }: { saved: string | null; error: UiError | null }) {
  const { t } = useT();
  return (
    <>
      {saved && (
        <span className="export-saved muted small" role="status" data-testid="export-saved">
          {t('export.saved', { path: saved })}
        </span>
      )}
      {error && <ErrorText error={error} />}
    </>
  );
}

export function TableExport({ table, testId }: { table: TableArgs; testId: string }) {
  const bridge = useBridge();
  const { caseId } = useFindingsCase();
  const { t, lang } = useT();
  const { saved, error, busy, run } = useSaved();
  const save = (format: 'csv' | 'xlsx') =>
    run(async () => (await bridge.call('findings.exportTable', { caseId, format, lang, ...table })).path);
  return (
    <div className="export-row no-print" data-testid={testId}>
      <button type="button" className="btn btn-small" disabled={busy} onClick={() => save('csv')} data-testid={`${testId}-csv`}>
        {t('export.csv')}
      </button>
      <button type="button" className="btn btn-small" disabled={busy} onClick={() => save('xlsx')} data-testid={`${testId}-xlsx`}>
        {t('export.xlsx')}
      </button>
      <Saved saved={saved} error={error} />
    </div>
  );
}

export function ChartExport({ name, title, chartRef, note }: { name: string; title: string; chartRef: RefObject<HTMLElement | null>; note?: string }) {
  const bridge = useBridge();
  const { caseId, caseNumber } = useFindingsCase();
  const { t } = useT();
  const { saved, error, busy, run } = useSaved();
  const save = (format: 'svg' | 'png') =>
    run(async () => {
      const svg = chartRef.current ? chartSvg(chartRef.current) : null;
      if (!svg) throw new Error('no chart to export');
      const image = svgWithHeading(svg, { caseNumber: caseNumber(), title, note });
      const data = format === 'svg' ? image.text : await svgToPngBase64(image);
      return (await bridge.call('findings.exportChart', { caseId, name, format, data })).path;
    });
  return (
    <div className="export-row no-print" data-testid={`export-${name}`}>
      <button type="button" className="btn btn-small" disabled={busy} onClick={() => save('png')} data-testid={`export-${name}-png`}>
        {t('export.png')}
      </button>
      <button type="button" className="btn btn-small" disabled={busy} onClick={() => save('svg')} data-testid={`export-${name}-svg`}>
        {t('export.svg')}
      </button>
      <Saved saved={saved} error={error} />
    </div>
  );
}
