/**
 * 文书: the Documents screen (issue 7). The case's documents at the top; below, the one opened: its fields and
 * sections to edit with the checks beside them, or its print preview; sign, export and print.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { DraftKind } from '../../../../shared/documentsApi';
import { useBridge } from '../../bridge/context';
import { toUiError, type UiError } from '../../bridge/errors';
import { ErrorText } from '../../components/ErrorText';
import { useApi } from '../../components/useApi';
import { useFocusOnMount } from '../../components/useFocusOnMount';
import { useT } from '../../i18n/context';
import type { JobStore } from '../../jobs';
import { DocumentList } from './DocumentList';
import { DocumentWorkspace } from './DocumentWorkspace';
import '../findings/findings.css';
import './documents.css';

export function DocumentsScreen({ caseId, jobs, onBack }: { caseId: string; jobs: JobStore; onBack: () => void }) {
  const bridge = useBridge();
  const { t } = useT();
  const heading = useFocusOnMount<HTMLHeadingElement>();
  const detail = useApi(() => bridge.call('cases.get', { caseId }), [bridge, caseId]);
  const [selected, setSelected] = useState<DraftKind | null>(null);
  // Bumped when a document is saved anywhere on the screen: the list reloads its states and warnings.
  const [revision, setRevision] = useState(0);
  const [opened, setOpened] = useState(0);
  const [drafting, setDrafting] = useState<DraftKind | null>(null);
  const [error, setError] = useState<UiError | null>(null);
  const changed = useCallback(() => setRevision((r) => r + 1), []);
  const [warnings, setWarnings] = useState<Partial<Record<DraftKind, number>>>({});
  const counted = useCallback((kind: DraftKind, n: number) => setWarnings((w) => (w[kind] === n ? w : { ...w, [kind]: n })), []);
  // Unsaved edits live in the open editor: leaving it (another document, back to the case, closing) asks first.
  const dirty = useRef(false);
  const setDirty = useCallback((d: boolean) => {
    dirty.current = d;
  }, []);
  const mayLeave = () => !dirty.current || window.confirm(t('docs.leaveConfirm'));
  useEffect(() => {
    const guard = (e: BeforeUnloadEvent) => {
      if (dirty.current) e.preventDefault();
    };
    window.addEventListener('beforeunload', guard);
    return () => window.removeEventListener('beforeunload', guard);
  }, []);

  const draft = async (kind: DraftKind) => {
    if (!mayLeave()) return;
    setDrafting(kind);
    setError(null);
    try {
      await bridge.call('documents.draft', { caseId, kind });
      dirty.current = false;
      setSelected(kind);
      setOpened((n) => n + 1);
      changed();
    } catch (e) {
      setError(toUiError(e));
    } finally {
      setDrafting(null);
    }
  };

  const info = detail.data?.info;
  return (
    <section className="screen documents-screen">
      <div className="screen-head">
        <button type="button" className="btn btn-back" onClick={() => mayLeave() && onBack()}>
          ← {t('docs.back')}
        </button>
      </div>
      <header className="panel case-header">
        <h1 ref={heading} tabIndex={-1}>
          {t('docs.heading')}
          {info && <span className="muted doc-case-line"> · {info.number} · {info.partyName}</span>}
        </h1>
        <p className="muted small">{t('docs.intro')}</p>
      </header>
      {error && <ErrorText error={error} />}
      <DocumentList
        caseId={caseId}
        jobs={jobs}
        revision={revision}
        selected={selected}
        drafting={drafting}
        onOpen={(kind) => {
          if (kind === selected || !mayLeave()) return;
          dirty.current = false;
          setSelected(kind);
        }}
        onDraft={(kind) => void draft(kind)}
        warnings={warnings}
        onCounted={counted}
      />
      {selected && (
        <DocumentWorkspace
          key={`${selected}\n${opened}`}
          caseId={caseId}
          kind={selected}
          partyName={info?.partyName ?? ''}
          onChanged={changed}
          onChecked={counted}
          onDirtyChange={setDirty}
        />
      )}
    </section>
  );
}
