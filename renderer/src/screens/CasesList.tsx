import { useState, type FormEvent, type KeyboardEvent } from 'react';
import { toUiError, type UiError } from '../bridge/errors';
import { useBridge } from '../bridge/context';
import { useT } from '../i18n/context';
import { formatCount, formatDateTime } from '../i18n/format';
import { useApi } from '../components/useApi';
import { ErrorText, Loading } from '../components/ErrorText';
import { useFocusOnMount } from '../components/useFocusOnMount';

export function CasesList({ onOpen, onNew }: { onOpen: (caseId: string) => void; onNew: () => void }) {
  const bridge = useBridge();
  const { t, lang } = useT();
  const cases = useApi(() => bridge.call('cases.list', {}), [bridge]);
  const heading = useFocusOnMount<HTMLHeadingElement>();
  const [openDir, setOpenDir] = useState('');
  const [openError, setOpenError] = useState<UiError | null>(null);

  async function openFolder(dir: string) {
    if (!dir.trim()) return;
    setOpenError(null);
    try {
      const summary = await bridge.call('cases.open', { dir: dir.trim() });
      onOpen(summary.id);
    } catch (err) {
      setOpenError(toUiError(err));
    }
  }

  async function pickAndOpen() {
    const [picked] = (await bridge.pickPaths?.('folder')) ?? [];
    if (picked) await openFolder(picked);
  }

  const onOpenSubmit = (e: FormEvent) => {
    e.preventDefault();
    void openFolder(openDir);
  };

  const onRowKey = (e: KeyboardEvent<HTMLTableRowElement>, id: string) => {
    if (e.key === 'Enter' || e.key === ' ') {
      e.preventDefault();
      onOpen(id);
    } else if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      const row = e.currentTarget;
      const next = (e.key === 'ArrowDown' ? row.nextElementSibling : row.previousElementSibling) as HTMLElement | null;
      next?.focus();
    }
  };

  return (
    <section className="screen">
      <div className="screen-head">
        <h1 ref={heading} tabIndex={-1}>
          {t('cases.heading')}
        </h1>
        <div className="toolbar">
          <button type="button" className="btn btn-primary" data-testid="new-case" onClick={onNew}>
            + {t('cases.new')}
          </button>
        </div>
      </div>

      <form className="open-case" onSubmit={onOpenSubmit}>
        <label htmlFor="open-case-dir">{t('cases.openLabel')}</label>
        <div className="open-case-row">
          <input
            id="open-case-dir"
            data-testid="open-case-dir"
            type="text"
            value={openDir}
            placeholder={t('cases.openPlaceholder')}
            onChange={(e) => setOpenDir(e.target.value)}
            spellCheck={false}
          />
          <button type="submit" className="btn" data-testid="open-case" disabled={!openDir.trim()}>
            {t('cases.open')}
          </button>
          {bridge.pickPaths && (
            <button type="button" className="btn" onClick={() => void pickAndOpen()}>
              {t('cases.openPick')}
            </button>
          )}
        </div>
        {openError && <ErrorText error={openError} testId="open-case-error" />}
      </form>

      {cases.error && <ErrorText error={cases.error} onRetry={cases.reload} />}
      {cases.loading && !cases.data && <Loading />}
      {cases.data && cases.data.length === 0 && <p className="empty">{t('cases.empty')}</p>}
      {cases.data && cases.data.length > 0 && (
        <div className="table-wrap">
          <table className="data-table cases-table">
            <caption>{t('cases.caption', { n: cases.data.length })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('cases.col.number')}</th>
                <th scope="col">{t('cases.col.name')}</th>
                <th scope="col">{t('cases.col.party')}</th>
                <th scope="col" className="num">
                  {t('cases.col.captures')}
                </th>
                <th scope="col">{t('cases.col.created')}</th>
              </tr>
            </thead>
            <tbody>
              {cases.data.map((c) => (
                <tr
                  key={c.id}
                  className="clickable"
                  data-testid="case-row"
                  data-case-id={c.id}
                  tabIndex={0}
                  onClick={() => onOpen(c.id)}
                  onKeyDown={(e) => onRowKey(e, c.id)}
                  title={c.id}
                >
                  <td className="mono-cjk">{c.number}</td>
                  <td>{c.name || <span className="muted">{t('overview.untitled')}</span>}</td>
                  <td>{c.partyName}</td>
                  <td className="num">{formatCount(c.captures)}</td>
                  <td>
                    <time dateTime={c.createdAt}>{formatDateTime(c.createdAt, lang)}</time>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
