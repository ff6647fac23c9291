/**
 * The case's documents: each kind with its state (草稿 / 定稿), when it was last saved and how many warnings its
 * checks give (counted once, then kept up to date by the open editor); "起草" drafts a kind not drafted yet from
 * the case and its findings, "打开" opens one. The case file (案卷) is bound from the others as saved: its row
 * exports and prints it (CaseFilePanel).
 */
import { useEffect, useRef } from 'react';
import type { ApiResult } from '../../../../shared/api';
import type { DraftKind } from '../../../../shared/documentsApi';
import { useBridge } from '../../bridge/context';
import { ErrorText } from '../../components/ErrorText';
import { useApi } from '../../components/useApi';
import { useT } from '../../i18n/context';
import { formatDateTime } from '../../i18n/format';
import type { JobStore } from '../../jobs';
import { CaseFilePanel } from './CaseFilePanel';
import { DRAFT_KINDS, kindTitle } from './kinds';

type Listed = ApiResult<'documents.list'>[number];

/**
 * Warnings per document: the same checks the editor runs (notes are not counted). Counted here once for the
 * documents the list has not heard of yet; the open document's editor reports its own after every check.
 */
function useWarningCounts(caseId: string, docs: Listed[] | undefined, known: Partial<Record<DraftKind, number>>, onCounted: (kind: DraftKind, warnings: number) => void) {
  const bridge = useBridge();
  const asked = useRef(new Set<DraftKind>());
  useEffect(() => {
    for (const d of docs ?? []) {
      if (known[d.kind] !== undefined || asked.current.has(d.kind)) continue;
      asked.current.add(d.kind);
      bridge.call('documents.check', { caseId, kind: d.kind, lang: 'zh' }).then(
        (findings) => onCounted(d.kind, findings.filter((f) => f.severity === 'warning').length),
        () => asked.current.delete(d.kind),
      );
    }
  }, [bridge, caseId, docs, known, onCounted]);
}

export function DocumentList({ caseId, jobs, revision, selected, onOpen, onDraft, drafting, warnings, onCounted }: {
  caseId: string;
  jobs: JobStore;
  revision: number;
  selected: DraftKind | null;
  onOpen(kind: DraftKind): void;
  onDraft(kind: DraftKind): void;
  drafting: DraftKind | null;
  warnings: Partial<Record<DraftKind, number>>;
  onCounted(kind: DraftKind, warnings: number): void;
}) {
  const bridge = useBridge();
  const { t, lang } = useT();
  const list = useApi(() => bridge.call('documents.list', { caseId }), [bridge, caseId, revision]);
  useWarningCounts(caseId, list.data, warnings, onCounted);
  const byKind = new Map((list.data ?? []).map((d) => [d.kind, d]));

  return (
    <section className="panel doc-list" aria-labelledby="doc-list-h">
      <h2 id="doc-list-h">{t('docs.list.caption')}</h2>
      {list.error && <ErrorText error={list.error} onRetry={list.reload} />}
      <table className="data-table doc-list-table" data-testid="doc-list">
        <thead>
          <tr>
            <th scope="col">{t('docs.list.kind')}</th>
            <th scope="col">{t('docs.list.state')}</th>
            <th scope="col">{t('docs.list.saved')}</th>
            <th scope="col">{t('docs.list.warnings')}</th>
            <th scope="col">{t('docs.list.actions')}</th>
          </tr>
        </thead>
        <tbody>
          {DRAFT_KINDS.map((kind) => {
            const doc = byKind.get(kind);
            return (
              <tr key={kind} className={selected === kind ? 'selected' : undefined} data-testid={`doc-row-${kind}`} data-state={doc?.state ?? 'none'}>
                <th scope="row">{kindTitle(kind, t)}</th>
                <td>
                  {doc ? (
                    <span className={`doc-state doc-state-${doc.state}`}>{t(doc.state === 'signed' ? 'docs.state.signed' : 'docs.state.draft')}</span>
                  ) : (
                    <span className="muted">{list.loading && !list.data ? t('common.loading') : t('docs.list.notDrafted')}</span>
                  )}
                </td>
                <td>{doc ? formatDateTime(doc.updatedAt, lang) : t('common.none')}</td>
                <td data-testid={`doc-warnings-${kind}`}>
                  {!doc || warnings[kind] === undefined ? (
                    t('common.none')
                  ) : (
                    <span className={warnings[kind] > 0 ? 'doc-warn-count' : undefined}>{warnings[kind]}</span>
                  )}
                  {doc && doc.figureChanges + doc.fieldChanges > 0 && (
                    <span className="doc-warn-count" title={t(doc.figureChanges > 0 ? 'docs.changes.heading' : 'docs.fieldChanges.heading')}> Δ{doc.figureChanges + doc.fieldChanges}</span>
                  )}
                </td>
                <td>
                  {doc ? (
                    <button type="button" className="btn btn-small" onClick={() => onOpen(kind)} data-testid={`open-doc-${kind}`}>
                      {t('docs.edit')}
                    </button>
                  ) : (
                    <button type="button" className="btn btn-small btn-primary" disabled={drafting !== null} onClick={() => onDraft(kind)} data-testid={`draft-doc-${kind}`}>
                      {drafting === kind ? t('docs.drafting') : t('docs.draft')}
                    </button>
                  )}
                </td>
              </tr>
            );
          })}
          <tr data-testid="doc-row-casefile">
            <th scope="row">{kindTitle('casefile', t)}</th>
            <td colSpan={4}>
              <CaseFilePanel caseId={caseId} jobs={jobs} />
            </td>
          </tr>
        </tbody>
      </table>
    </section>
  );
}
