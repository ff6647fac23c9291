/**
 * What a drafter does with a document: draft it (or regenerate some sections from the findings), save edits, sign
 * (定稿: freeze the figures it prints), unsign, undo. Each is a new version with its audit entry. Reading a
 * document compares a signed one's frozen figures with the case as it is now.
 */
import { DocumentFields, defaultFields } from '../../../shared/documents/fields';
import { changedFigures, figureSnapshot, unresolvedTokens, type FigureTable } from '../../../shared/documents/figureTokens';
import type { DocumentModel } from '../../../shared/documents/model';
import type { DocumentRecord, DraftKind, DraftSection } from '../../../shared/documentsApi';
import { UserError } from '../../../shared/messages';
import type { CaseDb } from '../../store/caseDb';
import { readCaseInfo } from '../../store/caseStore';
import { composeModel } from '../drafts/composeModel';
import { caseFigures, loadDraftContext } from '../drafts/draftContext';
import { DOCUMENT_SPECS, draftSections, regenerateSections } from '../drafts/documentSpecs';
import { readDocument, readDocuments, readVersion, undoTarget, writeVersion, type StoredDocument } from './documentRows';

const title = (kind: DraftKind) => DOCUMENT_SPECS[kind].title;

/** The document as the API gives it: with the signed figures that changed since, and the tokens that do not resolve. */
export function toRecord(doc: StoredDocument, table: FigureTable): DocumentRecord {
  const unresolved: Record<string, string[]> = {};
  for (const s of doc.sections) {
    const keys = unresolvedTokens(s.text, table);
    if (keys.length) unresolved[s.id] = keys;
  }
  return {
    id: doc.id, kind: doc.kind, state: doc.state, version: doc.version, fields: doc.fields, sections: doc.sections,
    createdAt: doc.createdAt, updatedAt: doc.updatedAt, signedAt: doc.signedAt,
    figureChanges: doc.signedFigures ? changedFigures(doc.signedFigures, table) : [],
    unresolved,
  };
}

function mustRead(db: CaseDb, kind: DraftKind): StoredDocument {
  const doc = readDocument(db, kind);
  if (!doc) throw new UserError('documents.notDrafted', { title: title(kind) });
  return doc;
}

function mustBeDraft(doc: StoredDocument): void {
  if (doc.state === 'signed') throw new UserError('documents.signed', { title: title(doc.kind) });
}

export function getDocument(db: CaseDb, kind: DraftKind): DocumentRecord | null {
  const doc = readDocument(db, kind);
  return doc ? toRecord(doc, caseFigures(db).table) : null;
}

export function listDocuments(db: CaseDb): DocumentRecord[] {
  const docs = readDocuments(db);
  if (docs.length === 0) return [];
  const { table } = caseFigures(db);
  return docs.map((d) => toRecord(d, table));
}

/** The fields a new document starts from: the most recently saved document's (one case, one set of facts), else defaults. */
export function startingFields(db: CaseDb): DocumentFields {
  const latest = readDocuments(db).sort((a, b) => b.updatedAt.localeCompare(a.updatedAt))[0];
  if (latest) return latest.fields;
  const { stats } = caseFigures(db);
  return defaultFields(readCaseInfo(db), stats.period.last);
}

/**
 * Drafts the kind from the case when it has no document; otherwise regenerates the named sections (all of them
 * with `all`) and keeps the drafter's text in the others. `fields` replaces the document's fields first.
 */
export function draftDocument(db: CaseDb, kind: DraftKind, opts: { sections?: string[]; all?: boolean; fields?: DocumentFields } = {}): DocumentRecord {
  const existing = readDocument(db, kind);
  if (existing) mustBeDraft(existing);
  const fields = DocumentFields.parse(opts.fields ?? existing?.fields ?? startingFields(db));
  const ctx = loadDraftContext(db, fields);
  let sections: DraftSection[];
  let regenerated: string[];
  if (!existing || opts.all) {
    sections = draftSections(kind, ctx);
    regenerated = sections.map((s) => s.id);
  } else {
    regenerated = opts.sections ?? [];
    sections = regenerateSections(kind, existing.sections, regenerated, ctx);
  }
  const doc = writeVersion(db, kind, existing ? 'regenerate' : 'draft', { fields, sections, state: 'draft', signedFigures: null }, { sections: regenerated });
  return toRecord(doc, ctx.table);
}

/** Saves the drafter's fields and section texts; sections keep their place and kind, only their text changes. */
export function saveDocument(
  db: CaseDb, kind: DraftKind, input: { fields: DocumentFields; sections: Array<{ id: string; text: string }>; baseVersion?: number },
): DocumentRecord {
  const doc = mustRead(db, kind);
  mustBeDraft(doc);
  if (input.baseVersion !== undefined && input.baseVersion !== doc.version) {
    throw new UserError('documents.versionChanged', { title: title(kind), current: doc.version, base: input.baseVersion });
  }
  const texts = new Map(input.sections.map((s) => [s.id, s.text]));
  const unknown = [...texts.keys()].filter((id) => !doc.sections.some((s) => s.id === id));
  if (unknown.length) throw new UserError('args.invalid', { details: `no such section in ${kind}: ${unknown.join(', ')}` });
  const sections = doc.sections.map((s) => (texts.has(s.id) ? { ...s, text: texts.get(s.id)! } : s));
  const edited = doc.sections.filter((s, i) => s.text !== sections[i]!.text).map((s) => s.id);
  const saved = writeVersion(db, kind, 'save', { fields: DocumentFields.parse(input.fields), sections, state: 'draft', signedFigures: null }, { edited });
  return toRecord(saved, caseFigures(db).table);
}

/** 定稿: freezes the value of every figure the document prints, so a later change of the case can be reported. */
export function signDocument(db: CaseDb, kind: DraftKind): DocumentRecord {
  const doc = mustRead(db, kind);
  mustBeDraft(doc);
  const { table } = caseFigures(db);
  const snapshot = figureSnapshot(doc.sections.map((s) => s.text), table);
  const signed = writeVersion(db, kind, 'sign', { fields: doc.fields, sections: doc.sections, state: 'signed', signedFigures: snapshot }, { figures: snapshot });
  return toRecord(signed, table);
}

export function unsignDocument(db: CaseDb, kind: DraftKind): DocumentRecord {
  const doc = mustRead(db, kind);
  if (doc.state !== 'signed') return toRecord(doc, caseFigures(db).table);
  const { table } = caseFigures(db);
  const changes = doc.signedFigures ? changedFigures(doc.signedFigures, table) : [];
  const draft = writeVersion(db, kind, 'unsign', { fields: doc.fields, sections: doc.sections, state: 'draft', signedFigures: null }, { figureChanges: changes });
  return toRecord(draft, table);
}

/** Brings back the content before the last change, as a new version (so the undo is in the history too). */
export function undoDocument(db: CaseDb, kind: DraftKind): DocumentRecord {
  const doc = mustRead(db, kind);
  mustBeDraft(doc);
  const target = undoTarget(db, doc);
  const content = target === null ? null : readVersion(db, doc.id, target);
  if (target === null || !content) throw new UserError('documents.nothingToUndo', { title: title(kind) });
  const restored = writeVersion(db, kind, 'undo', { fields: content.fields, sections: content.sections, state: 'draft', signedFigures: null }, { restores: target }, target);
  return toRecord(restored, caseFigures(db).table);
}

/**
 * A signed document prints what was signed: its frozen figures over the case's current ones (provenance kept). The
 * changes are reported by toRecord, never printed silently.
 */
export function printedFigures(doc: StoredDocument, table: FigureTable): FigureTable {
  if (!doc.signedFigures) return table;
  const frozen: FigureTable = { ...table };
  for (const [key, value] of Object.entries(doc.signedFigures)) frozen[key] = { value, provenance: table[key]?.provenance ?? null };
  return frozen;
}

/** The document as the renderers print it: a draft's figures as the case gives them now, a signed one's as signed. */
export function documentModel(db: CaseDb, kind: DraftKind): DocumentModel {
  const doc = mustRead(db, kind);
  const { table } = caseFigures(db);
  return composeModel(kind, readCaseInfo(db), doc.fields, doc.sections, printedFigures(doc, table));
}
