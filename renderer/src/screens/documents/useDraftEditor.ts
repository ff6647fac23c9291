/**
 * One document being edited: the saved record from the services, the drafter's working copy (fields and section
 * texts) with its undo history, and the calls that change the saved record (save, regenerate, sign, unsign).
 *
 * Edits stay in the page until saved (Ctrl+S); regenerating, signing and checking act on the saved document, so
 * they save unsaved edits first. A regenerated section is an undoable step: Ctrl+Z brings the drafter's text back.
 *
 * The fields are the case's, shared by every document: a save sends them with the case fields' version the edit
 * started from (the services refuse it when another document changed them meanwhile), and a document opened later
 * shows them as saved. Ctrl+Z / Ctrl+Shift+Z step through this page's unsaved edits (fields and texts alike); the
 * services' undo (restorePrevious) steps back the newest saved change to what this document prints — its own
 * sections, or the shared fields (then for every unsigned document).
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { DocumentFields } from '../../../../shared/documents/fields';
import type { DocumentRecord, DraftKind } from '../../../../shared/documentsApi';
import { useBridge } from '../../bridge/context';
import { toUiError, type UiError } from '../../bridge/errors';
import { edit, redo, reset, startHistory, undo, type History } from './editHistory';

export interface Draft {
  fields: DocumentFields;
  /** Section texts by section id. */
  texts: Record<string, string>;
}

export function draftOf(record: DocumentRecord): Draft {
  return { fields: record.fields, texts: Object.fromEntries(record.sections.map((s) => [s.id, s.text])) };
}

function sameDraft(a: Draft, b: Draft): boolean {
  return JSON.stringify(a.fields) === JSON.stringify(b.fields) && JSON.stringify(a.texts) === JSON.stringify(b.texts);
}

export type Busy = null | 'loading' | 'saving' | 'drafting' | 'regenerating' | 'signing';

export interface DraftEditor {
  record: DocumentRecord | null;
  draft: Draft | null;
  dirty: boolean;
  busy: Busy;
  error: UiError | null;
  canUndo: boolean;
  canRedo: boolean;
  /** Bumped whenever the saved record changes: what the checks and the preview reload on. */
  savedRevision: number;
  setText(sectionId: string, text: string): void;
  setFields(update: (fields: DocumentFields) => DocumentFields, place: string): void;
  undo(): void;
  redo(): void;
  /** Saves unsaved edits (nothing when none); resolves with the saved record, or null when it failed. */
  save(): Promise<DocumentRecord | null>;
  draftNew(): Promise<void>;
  regenerate(sectionId: string): Promise<void>;
  sign(): Promise<void>;
  unsign(): Promise<void>;
  /** The services' undo (documents.undo): the version before the saved one comes back as a new version. Unsaved edits are dropped. */
  restorePrevious(): Promise<void>;
  clearError(): void;
}

export function useDraftEditor(caseId: string, kind: DraftKind, onSaved?: () => void): DraftEditor {
  const bridge = useBridge();
  const [record, setRecord] = useState<DocumentRecord | null>(null);
  const [history, setHistory] = useState<History<Draft> | null>(null);
  const [busy, setBusy] = useState<Busy>('loading');
  const [error, setError] = useState<UiError | null>(null);
  const [savedRevision, setSavedRevision] = useState(0);
  // The latest values for callbacks that run after an await (the state they closed over may be stale by then).
  const latest = useRef({ record, history });
  latest.current = { record, history };
  const onSavedRef = useRef(onSaved);
  onSavedRef.current = onSaved;

  const adopt = useCallback((next: DocumentRecord, asStep: string | null) => {
    setRecord(next);
    setHistory((h) => {
      const value = draftOf(next);
      if (!h) return startHistory(value);
      return asStep ? edit(h, value, asStep, Date.now()) : reset(h, value);
    });
    setSavedRevision((r) => r + 1);
    onSavedRef.current?.();
  }, []);

  useEffect(() => {
    let live = true;
    setBusy('loading');
    bridge.call('documents.get', { caseId, kind }).then(
      (doc) => {
        if (!live) return;
        setRecord(doc);
        setHistory(doc ? startHistory(draftOf(doc)) : null);
        setBusy(null);
      },
      (e: unknown) => {
        if (!live) return;
        setError(toUiError(e));
        setBusy(null);
      },
    );
    return () => {
      live = false;
    };
  }, [bridge, caseId, kind]);

  const dirty = useMemo(() => (record && history ? !sameDraft(draftOf(record), history.present) : false), [record, history]);

  /** Runs one call to the services with the busy state and the error shown; null when it failed. */
  const run = useCallback(async <T,>(what: Exclude<Busy, null>, work: () => Promise<T>): Promise<T | null> => {
    setBusy(what);
    setError(null);
    try {
      return await work();
    } catch (e) {
      setError(toUiError(e));
      return null;
    } finally {
      setBusy(null);
    }
  }, []);

  const save = useCallback(async (): Promise<DocumentRecord | null> => {
    const { record: saved, history: h } = latest.current;
    if (!saved || !h) return null;
    if (sameDraft(draftOf(saved), h.present)) return saved;
    const sections = Object.entries(h.present.texts).map(([id, text]) => ({ id, text }));
    const next = await run('saving', () =>
      bridge.call('documents.save', {
        caseId, kind, fields: h.present.fields, sections, baseVersion: saved.version, fieldsBaseVersion: saved.fieldsVersion,
      }),
    );
    if (next) adopt(next, null);
    return next;
  }, [adopt, bridge, caseId, kind, run]);

  const draftNew = useCallback(async () => {
    const next = await run('drafting', () => bridge.call('documents.draft', { caseId, kind }));
    if (next) adopt(next, null);
  }, [adopt, bridge, caseId, kind, run]);

  const regenerate = useCallback(async (sectionId: string) => {
    const saved = await save();
    if (!saved) return;
    const fields = latest.current.history?.present.fields;
    const next = await run('regenerating', () => bridge.call('documents.draft', { caseId, kind, sections: [sectionId], fields }));
    if (next) adopt(next, `regenerate:${sectionId}`);
  }, [adopt, bridge, caseId, kind, run, save]);

  const sign = useCallback(async () => {
    if (!(await save())) return;
    const next = await run('signing', () => bridge.call('documents.sign', { caseId, kind }));
    if (next) adopt(next, null);
  }, [adopt, bridge, caseId, kind, run, save]);

  const unsign = useCallback(async () => {
    const next = await run('signing', () => bridge.call('documents.unsign', { caseId, kind }));
    if (next) adopt(next, null);
  }, [adopt, bridge, caseId, kind, run]);

  const restorePrevious = useCallback(async () => {
    const next = await run('saving', () => bridge.call('documents.undo', { caseId, kind }));
    if (next) adopt(next, null);
  }, [adopt, bridge, caseId, kind, run]);

  const signed = record?.state === 'signed';
  const setText = useCallback((sectionId: string, text: string) => {
    if (signed) return;
    setHistory((h) => (h ? edit(h, { ...h.present, texts: { ...h.present.texts, [sectionId]: text } }, `section:${sectionId}`, Date.now()) : h));
  }, [signed]);
  const setFields = useCallback((update: (fields: DocumentFields) => DocumentFields, place: string) => {
    if (signed) return;
    setHistory((h) => (h ? edit(h, { ...h.present, fields: update(h.present.fields) }, `field:${place}`, Date.now()) : h));
  }, [signed]);

  return {
    record,
    draft: history?.present ?? null,
    dirty,
    busy,
    error,
    canUndo: !signed && (history?.past.length ?? 0) > 0,
    canRedo: !signed && (history?.future.length ?? 0) > 0,
    savedRevision,
    setText,
    setFields,
    undo: useCallback(() => !signed && setHistory((h) => (h ? undo(h) : h)), [signed]),
    redo: useCallback(() => !signed && setHistory((h) => (h ? redo(h) : h)), [signed]),
    save,
    draftNew,
    regenerate,
    sign,
    unsign,
    restorePrevious,
    clearError: useCallback(() => setError(null), []),
  };
}
