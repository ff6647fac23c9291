/**
 * What a drafter does with a document: draft it (or regenerate some sections from the findings), save edits, sign
 * (定稿: freeze the figures and the fields it prints), unsign, undo. Each is a new version with its audit entry.
 * Reading a document compares a signed one's frozen figures and fields with the case as it is now.
 *
 * The fields are the case's (caseFields.ts): one record shared by every document, so a correction saved from any
 * document's editor reaches every unsigned document. Saving a document writes its sections as a document version
 * and, when they differ, the fields as a case fields version, both as one change.
 */
import { DocumentFields, changedFields, defaultFields } from '../../../shared/documents/fields';
import { changedFigures, figureSnapshot, unresolvedTokens, type FigureTable } from '../../../shared/documents/figureTokens';
import type { DocumentModel } from '../../../shared/documents/model';
import type { DocumentRecord, DraftKind, DraftSection } from '../../../shared/documentsApi';
import { UserError } from '../../../shared/messages';
import type { CaseDb } from '../../store/caseDb';
import { readCaseInfo } from '../../store/caseStore';
import { composeModel } from '../drafts/composeModel';
import { caseFigures, loadDraftContext } from '../drafts/draftContext';
import { DOCUMENT_SPECS, draftSections, regenerateSections } from '../drafts/documentSpecs';
import { fieldVersions, nextChange, readCaseFields, readFieldsVersion, writeCaseFields, type CaseFields } from './caseFields';
import { readDocument, readDocuments, readVersionSections, sectionSteps, writeVersion, type StoredDocument } from './documentRows';
import { contentOrigin, undoTarget } from './undoSteps';

const title = (kind: DraftKind) => DOCUMENT_SPECS[kind].title;
/** What a conflict on the case's fields names (they belong to no single document). */
const FIELDS_TITLE = '文书要素（全案共用）';

/**
 * The document as the API gives it: with the signed figures and fields that changed since, and the tokens that do
 * not resolve. `caseFields`: the case's current fields (read when not given).
 */
export function toRecord(db: CaseDb, doc: StoredDocument, table: FigureTable, caseFields: CaseFields | null = readCaseFields(db)): DocumentRecord {
  const unresolved: Record<string, string[]> = {};
  for (const s of doc.sections) {
    const keys = unresolvedTokens(s.text, table);
    if (keys.length) unresolved[s.id] = keys;
  }
  return {
    id: doc.id, kind: doc.kind, state: doc.state, version: doc.version, fields: doc.fields, fieldsVersion: caseFields?.version ?? 0,
    sections: doc.sections, createdAt: doc.createdAt, updatedAt: doc.updatedAt, signedAt: doc.signedAt,
    figureChanges: doc.signedFigures ? changedFigures(doc.signedFigures, table) : [],
    fieldChanges: doc.signedFields && caseFields ? changedFields(doc.signedFields, caseFields.fields) : [],
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
  return doc ? toRecord(db, doc, caseFigures(db).table) : null;
}

export function listDocuments(db: CaseDb): DocumentRecord[] {
  const docs = readDocuments(db);
  if (docs.length === 0) return [];
  const { table } = caseFigures(db);
  const caseFields = readCaseFields(db);
  return docs.map((d) => toRecord(db, d, table, caseFields));
}

/** The case's fields (one case, one set of facts): as last saved from any document, else defaults from the case. */
export function startingFields(db: CaseDb): DocumentFields {
  const saved = readCaseFields(db);
  if (saved) return saved.fields;
  const { stats } = caseFigures(db);
  return defaultFields(readCaseInfo(db), stats.period.last);
}

/**
 * Saves the case's fields from outside any document's editor (the CLI's --fields): every unsigned document renders
 * them from now on. A new version only when they differ; audited as fields.save.
 */
export function saveCaseFields(db: CaseDb, fields: DocumentFields): CaseFields {
  return db.transaction(() => writeCaseFields(db, 'save', DocumentFields.parse(fields), { kind: null, change: nextChange(db) }))();
}

/**
 * Drafts the kind from the case when it has no document; otherwise regenerates the named sections (all of them
 * with `all`) and keeps the drafter's text in the others. `fields` replaces the case's fields first (so every
 * unsigned document takes them); the first draft of a case saves its starting fields as the case's.
 */
export function draftDocument(db: CaseDb, kind: DraftKind, opts: { sections?: string[]; all?: boolean; fields?: DocumentFields } = {}): DocumentRecord {
  return db.transaction(() => draftInTransaction(db, kind, opts))();
}

function draftInTransaction(db: CaseDb, kind: DraftKind, opts: { sections?: string[]; all?: boolean; fields?: DocumentFields }): DocumentRecord {
  const existing = readDocument(db, kind);
  if (existing) mustBeDraft(existing);
  const fields = DocumentFields.parse(opts.fields ?? startingFields(db));
  const change = nextChange(db);
  const action = existing ? 'regenerate' : 'draft';
  const caseFields = writeCaseFields(db, action, fields, { kind, change });
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
  const doc = writeVersion(
    db, kind, action, { fields, sections, state: 'draft', signedFigures: null, signedFields: null }, { sections: regenerated }, null, change,
  );
  return toRecord(db, doc, ctx.table, caseFields);
}

/**
 * Saves the drafter's section texts as the document's next version and the fields as the case's (a fields version
 * when they differ), as one change; sections keep their place and kind, only their text changes. `fieldsBaseVersion`:
 * the case fields' version the edit started from; a save that changes the fields is refused when they changed
 * meanwhile (another document's editor, the CLI), so it cannot silently undo that change.
 */
export function saveDocument(
  db: CaseDb, kind: DraftKind,
  input: { fields: DocumentFields; sections: Array<{ id: string; text: string }>; baseVersion?: number; fieldsBaseVersion?: number },
): DocumentRecord {
  return db.transaction(() => saveInTransaction(db, kind, input))();
}

function saveInTransaction(
  db: CaseDb, kind: DraftKind,
  input: { fields: DocumentFields; sections: Array<{ id: string; text: string }>; baseVersion?: number; fieldsBaseVersion?: number },
): DocumentRecord {
  const doc = mustRead(db, kind);
  mustBeDraft(doc);
  if (input.baseVersion !== undefined && input.baseVersion !== doc.version) {
    throw new UserError('documents.versionChanged', { title: title(kind), current: doc.version, base: input.baseVersion });
  }
  const fields = DocumentFields.parse(input.fields);
  const current = readCaseFields(db);
  if (
    input.fieldsBaseVersion !== undefined && current && input.fieldsBaseVersion !== current.version
    && JSON.stringify(fields) !== JSON.stringify(current.fields)
  ) {
    throw new UserError('documents.versionChanged', { title: FIELDS_TITLE, current: current.version, base: input.fieldsBaseVersion });
  }
  const texts = new Map(input.sections.map((s) => [s.id, s.text]));
  const unknown = [...texts.keys()].filter((id) => !doc.sections.some((s) => s.id === id));
  if (unknown.length) throw new UserError('args.invalid', { details: `no such section in ${kind}: ${unknown.join(', ')}` });
  const sections = doc.sections.map((s) => (texts.has(s.id) ? { ...s, text: texts.get(s.id)! } : s));
  const edited = doc.sections.filter((s, i) => s.text !== sections[i]!.text).map((s) => s.id);
  const change = nextChange(db);
  const caseFields = writeCaseFields(db, 'save', fields, { kind, change });
  const saved = writeVersion(db, kind, 'save', { fields, sections, state: 'draft', signedFigures: null, signedFields: null }, { edited }, null, change);
  return toRecord(db, saved, caseFigures(db).table, caseFields);
}

/**
 * 定稿: freezes the value of every figure the document prints and the fields it prints (the case's now), so a later
 * change of the case, or of the case's fields, can be reported while the signed document keeps printing them.
 */
export function signDocument(db: CaseDb, kind: DraftKind): DocumentRecord {
  const doc = mustRead(db, kind);
  mustBeDraft(doc);
  const { table } = caseFigures(db);
  const snapshot = figureSnapshot(doc.sections.map((s) => s.text), table);
  const signed = writeVersion(
    db, kind, 'sign', { fields: doc.fields, sections: doc.sections, state: 'signed', signedFigures: snapshot, signedFields: doc.fields },
    { figures: snapshot },
  );
  return toRecord(db, signed, table);
}

/** Back to a draft: it renders with the case's figures and fields again; the audit entry records what had changed. */
export function unsignDocument(db: CaseDb, kind: DraftKind): DocumentRecord {
  const doc = mustRead(db, kind);
  if (doc.state !== 'signed') return toRecord(db, doc, caseFigures(db).table);
  const { table } = caseFigures(db);
  const changes = doc.signedFigures ? changedFigures(doc.signedFigures, table) : [];
  const caseFields = readCaseFields(db);
  const fieldChanges = doc.signedFields && caseFields ? changedFields(doc.signedFields, caseFields.fields) : [];
  const fields = caseFields?.fields ?? doc.fields;
  const draft = writeVersion(
    db, kind, 'unsign', { fields, sections: doc.sections, state: 'draft', signedFigures: null, signedFields: null },
    { figureChanges: changes, fieldChanges },
  );
  return toRecord(db, draft, table, caseFields);
}

/**
 * Undo: steps back the newest saved change to what the document prints, as new versions (so the undo is in the
 * history too). A document prints its own sections and the case's fields, each with its history:
 * - the sections step back to the latest earlier version with other text (signing, unsigning and saves that only
 *   changed the fields are stepped over), as before;
 * - the fields step back to the case's previous fields version, whichever document saved it: the fields are
 *   shared, so this undoes the change for every unsigned document (signed ones keep theirs), and says so in the
 *   audit log (fields.undo);
 * - whichever of the two changed last is stepped back; both when one save changed both (as one undo, as before).
 * Each further undo steps further back, change by change.
 */
export function undoDocument(db: CaseDb, kind: DraftKind): DocumentRecord {
  return db.transaction(() => {
    const doc = mustRead(db, kind);
    mustBeDraft(doc);
    const sections = sectionSteps(db, doc.id);
    const fields = fieldVersions(db);
    const sectionsTarget = undoTarget(sections);
    const fieldsTarget = undoTarget(fields);
    if (sectionsTarget === null && fieldsTarget === null) throw new UserError('documents.nothingToUndo', { title: title(kind) });
    const sectionsAt = sectionsTarget === null ? -1 : contentOrigin(sections);
    const fieldsAt = fieldsTarget === null ? -1 : contentOrigin(fields);
    const change = nextChange(db);
    let caseFields = readCaseFields(db);
    if (fieldsTarget !== null && fieldsAt >= sectionsAt) {
      const restored = readFieldsVersion(db, fieldsTarget);
      if (restored) caseFields = writeCaseFields(db, 'undo', restored, { kind, change, restores: fieldsTarget });
    }
    const undoSections = sectionsTarget !== null && sectionsAt >= fieldsAt;
    const content = undoSections ? readVersionSections(db, doc.id, sectionsTarget) : null;
    const restored = writeVersion(
      db, kind, 'undo',
      { fields: caseFields?.fields ?? doc.fields, sections: content ?? doc.sections, state: 'draft', signedFigures: null, signedFields: null },
      { restores: content ? sectionsTarget : null, fieldsRestores: caseFields && fieldsTarget !== null && fieldsAt >= sectionsAt ? fieldsTarget : null },
      content ? sectionsTarget : null, change,
    );
    return toRecord(db, restored, caseFigures(db).table, caseFields);
  })();
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
  // doc.fields: the case's fields for a draft, the signed ones for a signed document.
  return composeModel(kind, readCaseInfo(db), doc.fields, doc.sections, printedFigures(doc, table));
}
