import { useState, type ReactNode } from 'react';
import type { ImportReport } from '../../../shared/api';
import { useT } from '../i18n/context';
import type { DictKey } from '../i18n/dict';
import { formatCount, formatDateTime } from '../i18n/format';

/** Rows rendered at first in a list; "show more" adds this many again (a skipped list can hold thousands). */
const LIST_STEP = 200;
const TIME_SOURCES = ['sheet', 'filename', 'exif', 'file-time', 'video'] as const;

export function shortHash(sha: string | null | undefined): string {
  return sha ? sha.slice(0, 12) : '—';
}

export function ImportReportView({ report, onDismiss }: { report: ImportReport; onDismiss: () => void }) {
  const { t, tMaybe, lang } = useT();
  const row = (key: DictKey, value: number, testId?: string, warn = false) => (
    <div className={`report-item${warn && value > 0 ? ' warn' : ''}`}>
      <dt>{t(key)}</dt>
      <dd data-testid={testId}>{formatCount(value)}</dd>
    </div>
  );
  const timeSources = [
    ...TIME_SOURCES.filter((k) => (report.timeSources[k] ?? 0) > 0),
    ...Object.keys(report.timeSources).filter((k) => !(TIME_SOURCES as readonly string[]).includes(k) && report.timeSources[k]! > 0),
  ];
  const sep = lang === 'zh' ? '，' : ', ';
  return (
    <div className="import-report" data-testid="import-report" data-kind={report.kind} role="status">
      <div className="report-head">
        <h3>{t('import.report.heading')}</h3>
        <button type="button" className="btn btn-small" onClick={onDismiss}>
          {t('import.report.dismiss')}
        </button>
      </div>
      <dl className="report-source">
        <dt>{t('import.report.source')}</dt>
        <dd>
          <span className="kind-tag" data-testid="import-report-kind">
            {tMaybe(`import.kind.${report.kind}`, report.kind)}
          </span>{' '}
          <code>{report.path}</code>
        </dd>
        {report.receivedSha256 && (
          <>
            <dt>{t('import.report.receivedSha256')}</dt>
            <dd>
              <code data-testid="import-report-received-sha256">{report.receivedSha256}</code>
            </dd>
          </>
        )}
        {report.sha256 && (
          <>
            <dt>{t('import.report.sha256')}</dt>
            <dd>
              <code data-testid="import-report-sha256">{report.sha256}</code>
            </dd>
          </>
        )}
        {report.duplicateOf !== null && (
          <>
            <dt>{t('import.report.duplicateOf')}</dt>
            <dd data-testid="import-report-duplicate-of">{t('import.report.duplicateOfText', { id: report.duplicateOf })}</dd>
          </>
        )}
      </dl>
      <dl className="report-grid">
        {row('import.report.filesSeen', report.filesSeen, 'import-report-files-seen')}
        {row('import.report.filesStored', report.filesStored, 'import-report-files-stored')}
        {row('import.report.filesResumed', report.filesResumed, 'import-report-files-resumed')}
        {row('import.report.duplicateFiles', report.duplicateFiles, 'import-report-duplicates')}
        {row('import.report.captures', report.captures, 'import-report-captures')}
        {row('import.report.sheets', report.sheets.length, 'import-report-sheets')}
        {row('import.report.archives', report.archives.length, 'import-report-archives')}
        {row('import.report.videos', report.videos.length, 'import-report-videos')}
        {row('import.report.authRecords', report.authRecords, 'import-report-auth-records')}
        {row('import.report.authLinked', report.authLinked, 'import-report-auth-linked')}
        {row('import.report.skipped', report.skipped.length, 'import-report-skipped', true)}
        {row('import.report.rowsWithoutFile', report.rowsWithoutFile.length, 'import-report-rows-without-file', true)}
        {row('import.report.filesWithoutRow', report.filesWithoutRow.length, 'import-report-files-without-row', true)}
        {row('import.report.badRows', report.badRows.length, 'import-report-bad-rows', true)}
      </dl>
      {timeSources.length > 0 && (
        <p className="report-times" data-testid="import-report-time-sources">
          <span className="muted">{t('import.report.timeSources')}</span>{' '}
          {timeSources.map((k, i) => (
            <span key={k} data-source={k} data-count={report.timeSources[k]}>
              {i > 0 && sep}
              {t('import.report.timeSourceItem', {
                source: tMaybe(`import.timeSource.${k}`, k),
                n: formatCount(report.timeSources[k] ?? 0),
              })}
            </span>
          ))}
        </p>
      )}
      <ReportList
        title={t('import.report.archives')}
        testId="import-report-archive-list"
        items={report.archives}
        open
        render={(a) => (
          <>
            {a.path} <span className="muted">({t('import.report.archiveLine', { entries: formatCount(a.entries) })}, </span>
            <span className="muted" title={a.sha256}>
              SHA-256 {shortHash(a.sha256)}…)
            </span>
          </>
        )}
      />
      <ReportList
        title={t('import.report.sheets')}
        testId="import-report-sheet-list"
        items={report.sheets}
        open
        render={(s) =>
          t('import.report.sheetLine', {
            path: s.path,
            kind: tMaybe(`mapping.kind.${s.kind}`, s.kind),
            encoding: s.encoding,
            rows: formatCount(s.rows),
          })
        }
      />
      <ReportList
        title={t('import.report.videos')}
        testId="import-report-video-list"
        items={report.videos}
        open
        render={(v) =>
          t('import.report.videoLine', {
            path: v.path,
            frames: formatCount(v.frames),
            duration: v.durationMs === null ? '—' : (v.durationMs / 1000).toFixed(1),
            start: v.start ? formatDateTime(v.start, lang) : t('import.report.videoNoStart'),
            from: v.startSource ? tMaybe(`import.timeSource.${v.startSource}`, v.startSource) : '—',
          })
        }
      />
      <ReportList
        title={t('import.report.skipped')}
        testId="import-report-skipped-list"
        items={report.skipped}
        render={(s) => (
          <>
            {s.path} <span className="muted">— {s.reason}</span>
          </>
        )}
      />
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

/** A collapsible list that renders at most a few hundred rows at a time (scrolls; "show more" adds the next). */
export function ReportList<T>({
  title,
  items,
  render,
  testId,
  open = false,
}: {
  title: string;
  items: T[];
  render: (item: T) => ReactNode;
  testId?: string;
  open?: boolean;
}) {
  const { t, lang } = useT();
  const [limit, setLimit] = useState(LIST_STEP);
  if (items.length === 0) return null;
  return (
    <details className="report-list" data-testid={testId} open={open || undefined}>
      <summary>
        {lang === 'zh' ? `${title}（${formatCount(items.length)}）` : `${title} (${formatCount(items.length)})`}
      </summary>
      <ul>
        {items.slice(0, limit).map((item, i) => (
          <li key={i}>{render(item)}</li>
        ))}
      </ul>
      {items.length > limit && (
        <div className="report-more">
          <span className="muted">{t('common.moreItems', { n: items.length - limit })}</span>
          <button type="button" className="btn btn-small" onClick={() => setLimit((l) => l + LIST_STEP)}>
            {t('common.showMore', { n: Math.min(LIST_STEP, items.length - limit) })}
          </button>
        </div>
      )}
    </details>
  );
}
