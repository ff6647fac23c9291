/**
 * The saved versions of the document (documents.history), newest first: what made each (drafted, saved,
 * regenerated, signed, restored) and when. "恢复上一版本" is the services' undo, which survives the session: the
 * version before the current one comes back as a new version, so the restoring is itself in the list.
 */
import type { DraftKind } from '../../../../shared/documentsApi';
import { useBridge } from '../../bridge/context';
import { ErrorText } from '../../components/ErrorText';
import { useApi } from '../../components/useApi';
import { useT } from '../../i18n/context';
import type { DictKey } from '../../i18n/dict';
import { formatDateTime } from '../../i18n/format';

const ACTIONS: Record<string, DictKey> = {
  draft: 'docs.versions.draft',
  regenerate: 'docs.versions.regenerate',
  save: 'docs.versions.save',
  sign: 'docs.versions.sign',
  unsign: 'docs.versions.unsign',
  undo: 'docs.versions.undo',
};

/** Versions listed; older ones stay in the case database and the audit log. */
const SHOWN = 12;

export function VersionsPanel({ caseId, kind, revision, canRestore, dirty, onRestore }: {
  caseId: string;
  kind: DraftKind;
  revision: number;
  canRestore: boolean;
  dirty: boolean;
  onRestore(): void;
}) {
  const bridge = useBridge();
  const { t, lang } = useT();
  const history = useApi(() => bridge.call('documents.history', { caseId, kind }), [bridge, caseId, kind, revision]);
  const versions = history.data ?? [];
  const actionName = (action: string) => {
    const key = ACTIONS[action];
    return key ? t(key) : action;
  };
  return (
    <section className="panel doc-versions" aria-labelledby="doc-versions-h" data-testid="doc-versions">
      <div className="doc-checks-head">
        <h3 id="doc-versions-h">{t('docs.versions.heading')}</h3>
        <button
          type="button"
          className="btn btn-small"
          disabled={!canRestore || versions.length < 2}
          onClick={() => (!dirty || window.confirm(t('docs.leaveConfirm'))) && onRestore()}
          data-testid="restore-previous"
          title={t('docs.versions.restoreHint')}
        >
          {t('docs.versions.restore')}
        </button>
      </div>
      {history.error && <ErrorText error={history.error} onRetry={history.reload} />}
      <ol className="doc-version-list">
        {versions.slice(0, SHOWN).map((v) => (
          <li key={v.version} data-testid="doc-version" data-version={v.version} data-action={v.action}>
            <span className="doc-version-no">{t('docs.versions.number', { version: v.version })}</span>{' '}
            {actionName(v.action)}
            {v.restores !== null && ` ${t('docs.versions.restores', { version: v.restores })}`}
            <span className="muted small"> · {formatDateTime(v.at, lang)}</span>
          </li>
        ))}
      </ol>
      {versions.length > SHOWN && <p className="muted small">{t('common.moreItems', { n: versions.length - SHOWN })}</p>}
    </section>
  );
}
