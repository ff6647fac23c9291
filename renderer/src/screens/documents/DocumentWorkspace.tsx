/**
 * One document open for work: toolbar (save, undo, redo, sign, export, print), the figure- and field-change warning
 * of a signed document, and either the editor (fields and sections beside the checks) or the print preview.
 * Keyboard: Ctrl+S saves, Ctrl+Z undoes, Ctrl+Shift+Z (or Ctrl+Y) redoes, anywhere inside the workspace.
 */
import { useCallback, useEffect, useMemo, useState, type KeyboardEvent } from 'react';
import { figureTable } from '../../../../shared/documents/figureTokens';
import type { DraftKind } from '../../../../shared/documentsApi';
import { useBridge } from '../../bridge/context';
import { toUiError, type UiError } from '../../bridge/errors';
import { ErrorText, Loading } from '../../components/ErrorText';
import { useApi } from '../../components/useApi';
import { useT } from '../../i18n/context';
import { formatDateTime } from '../../i18n/format';
import { ChecksPanel, focusFieldGroup, focusSection, type CheckFinding } from './ChecksPanel';
import { ExportBar } from './ExportBar';
import { FieldsForm } from './FieldsForm';
import { FigureChangesBanner } from './FigureChangesBanner';
import { kindTitle } from './kinds';
import { PreviewPane } from './PreviewPane';
import { SectionEditor } from './SectionEditor';
import { useDraftEditor } from './useDraftEditor';
import { VersionsPanel } from './VersionsPanel';

type Tab = 'edit' | 'preview';

export function DocumentWorkspace({ caseId, kind, partyName, onChanged, onChecked, onDirtyChange }: {
  caseId: string;
  kind: DraftKind;
  partyName: string;
  /** The saved document changed (drafted, saved, regenerated, signed). */
  onChanged: () => void;
  /** The checks ran: how many warnings (not notes) they gave. */
  onChecked: (kind: DraftKind, warnings: number) => void;
  onDirtyChange: (dirty: boolean) => void;
}) {
  const bridge = useBridge();
  const { t, lang } = useT();
  const editor = useDraftEditor(caseId, kind, onChanged);
  const [tab, setTab] = useState<Tab>('edit');
  // The figures' values and provenance for the chips: the case's, which saving a document does not change.
  const overview = useApi(() => bridge.call('findings.overview', { caseId }), [bridge, caseId]);
  const table = useMemo(() => (overview.data ? figureTable(overview.data.stats, overview.data.platform) : undefined), [overview.data]);

  const [checks, setChecks] = useState<{ findings: CheckFinding[]; revision: number } | null>(null);
  const [checking, setChecking] = useState(false);
  const [checkError, setCheckError] = useState<UiError | null>(null);
  const drafted = editor.record !== null;
  const runChecks = useCallback(async (revision: number) => {
    setChecking(true);
    setCheckError(null);
    try {
      const findings = await bridge.call('documents.check', { caseId, kind, lang });
      setChecks({ findings, revision });
      onChecked(kind, findings.filter((f) => f.severity === 'warning').length);
    } catch (e) {
      setCheckError(toUiError(e));
    } finally {
      setChecking(false);
    }
  }, [bridge, caseId, kind, lang, onChecked]);
  // The checks follow the saved document (and the UI language): run again after every save.
  useEffect(() => {
    if (drafted) void runChecks(editor.savedRevision);
  }, [drafted, editor.savedRevision, runChecks]);

  // Checks read the saved document: unsaved edits are saved first, and the save itself runs them (above).
  useEffect(() => onDirtyChange(editor.dirty), [editor.dirty, onDirtyChange]);

  const checkNow = () => (editor.dirty ? void editor.save() : void runChecks(editor.savedRevision));

  const onKeyDown = (e: KeyboardEvent) => {
    if (!(e.ctrlKey || e.metaKey) || e.altKey) return;
    const key = e.key.toLowerCase();
    if (key === 's') {
      e.preventDefault();
      void editor.save();
    } else if (key === 'z' && !e.shiftKey) {
      e.preventDefault();
      editor.undo();
    } else if ((key === 'z' && e.shiftKey) || key === 'y') {
      e.preventDefault();
      editor.redo();
    }
  };

  if (editor.busy === 'loading') return <Loading />;
  const { record, draft } = editor;
  if (!record || !draft) {
    return (
      <section className="panel doc-empty" data-testid="doc-not-drafted">
        <h2>{kindTitle(kind, t)}</h2>
        <p className="muted">{t('docs.list.notDrafted')}</p>
        {editor.error && <ErrorText error={editor.error} />}
        <button type="button" className="btn btn-primary" disabled={editor.busy !== null} onClick={() => void editor.draftNew()} data-testid="draft-document">
          {editor.busy === 'drafting' ? t('docs.drafting') : t('docs.draft')}
        </button>
      </section>
    );
  }

  const signed = record.state === 'signed';
  const busy = editor.busy !== null;
  const binding = { fields: draft.fields, readOnly: signed, setFields: editor.setFields };
  return (
    <section className="doc-workspace" onKeyDown={onKeyDown} aria-labelledby="doc-title" data-testid="doc-workspace" data-kind={kind} data-state={record.state}>
      <div className="doc-toolbar panel">
        <h2 id="doc-title" className="doc-title">
          {kindTitle(kind, t)}
          <span className={`doc-state doc-state-${record.state}`} data-testid="doc-state">
            {t(signed ? 'docs.state.signed' : 'docs.state.draft')}
          </span>
        </h2>
        <div className="toolbar">
          <button type="button" className="btn btn-primary" disabled={signed || busy || !editor.dirty} onClick={() => void editor.save()} data-testid="save-document" title="Ctrl+S">
            {editor.busy === 'saving' ? t('docs.saving') : t('docs.save')}
          </button>
          <button type="button" className="btn" disabled={!editor.canUndo} onClick={editor.undo} data-testid="undo-edit" title="Ctrl+Z">
            {t('docs.undo')}
          </button>
          <button type="button" className="btn" disabled={!editor.canRedo} onClick={editor.redo} data-testid="redo-edit" title="Ctrl+Shift+Z">
            {t('docs.redo')}
          </button>
          {signed ? (
            <button type="button" className="btn" disabled={busy} onClick={() => void editor.unsign()} data-testid="unsign-document">
              {t('docs.unsign')}
            </button>
          ) : (
            <button
              type="button"
              className="btn"
              disabled={busy}
              onClick={() => window.confirm(t('docs.signConfirm')) && void editor.sign()}
              data-testid="sign-document"
            >
              {t('docs.sign')}
            </button>
          )}
        </div>
        <p className="muted small doc-save-state" role="status" data-testid="doc-save-state" data-dirty={editor.dirty}>
          {editor.dirty ? t('docs.unsaved') : t('docs.saved', { version: record.version })} · {t('docs.shortcuts')}
        </p>
        <ExportBar caseId={caseId} kind={kind} beforeExport={async () => (await editor.save()) !== null} />
        {editor.error && <ErrorText error={editor.error} />}
      </div>

      {signed && (
        <p className="doc-signed-note" data-testid="doc-signed-note">
          {t('docs.signedNote', { at: formatDateTime(record.signedAt ?? record.updatedAt, lang) })}
        </p>
      )}
      <FigureChangesBanner changes={record.figureChanges} fieldChanges={record.fieldChanges} />

      <div className="doc-tabs" role="tablist" aria-label={kindTitle(kind, t)}>
        {(['edit', 'preview'] as const).map((id) => (
          <button
            key={id}
            type="button"
            role="tab"
            id={`doc-tab-${id}`}
            aria-selected={tab === id}
            aria-controls={`doc-panel-${id}`}
            className={`doc-tab${tab === id ? ' on' : ''}`}
            onClick={() => setTab(id)}
            data-testid={`doc-tab-${id}`}
          >
            {t(id === 'edit' ? 'docs.tab.edit' : 'docs.tab.preview')}
          </button>
        ))}
      </div>

      {tab === 'edit' ? (
        <div className="doc-edit" role="tabpanel" id="doc-panel-edit" aria-labelledby="doc-tab-edit">
          <div className="doc-edit-main">
            <FieldsForm b={binding} partyName={partyName} />
            <section className="doc-sections" aria-labelledby="doc-sections-h">
              <h3 id="doc-sections-h">{t('docs.sections.heading')}</h3>
              <p className="muted small">{t('docs.section.tokenHint')}</p>
              {record.sections.map((section) => (
                <SectionEditor
                  key={section.id}
                  kind={kind}
                  section={section}
                  text={draft.texts[section.id] ?? ''}
                  table={table}
                  readOnly={signed}
                  busy={busy}
                  onChange={(text) => editor.setText(section.id, text)}
                  onRegenerate={() => void editor.regenerate(section.id)}
                />
              ))}
            </section>
          </div>
          <aside className="doc-edit-side">
            <ChecksPanel
              findings={checks?.findings ?? null}
              kind={kind}
              sections={record.sections}
              running={checking}
              stale={editor.dirty || (checks !== null && checks.revision !== editor.savedRevision)}
              error={checkError}
              onRun={checkNow}
              onSelect={focusSection}
              onSelectFields={focusFieldGroup}
            />
            <VersionsPanel
              caseId={caseId}
              kind={kind}
              revision={editor.savedRevision}
              canRestore={!signed && !busy}
              dirty={editor.dirty}
              onRestore={() => void editor.restorePrevious()}
            />
          </aside>
        </div>
      ) : (
        <div role="tabpanel" id="doc-panel-preview" aria-labelledby="doc-tab-preview">
          <PreviewPane caseId={caseId} kind={kind} revision={editor.savedRevision} dirty={editor.dirty} />
        </div>
      )}
    </section>
  );
}
