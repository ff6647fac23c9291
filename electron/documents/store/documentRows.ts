/**
 * The documents table and its history (migrations 6 and 7): reading a kind's document, and writing a new version of
 * it with its audit entry in the same transaction, so the log and the document never disagree.
 *
 * A document's fields are the case's (caseFields.ts) while it is a draft, and the fields it was signed with
 * (signed_fields) once signed. The fields column of a document and of its versions keeps the fields as of that
 * version, for the record; nothing reads them back as the document's fields.
 */
import { DocumentFields } from '../../../shared/documents/fields';
import { DraftSection, type DraftKind } from '../../../shared/documentsApi';
import { appendAudit, currentActor } from '../../audit/auditLog';
import type { CaseDb } from '../../store/caseDb';
import { nextChange, readCaseFields } from './caseFields';
import type { VersionStep } from './undoSteps';

export interface StoredDocument {
  id: number;
  kind: DraftKind;
  version: number;
  /** What the document renders with: the case's fields while a draft, the signed ones once signed. */
  fields: DocumentFields;
  /** The fields frozen when signed (null while a draft). */
  signedFields: DocumentFields | null;
  sections: DraftSection[];
  state: 'draft' | 'signed';
  signedFigures: Record<string, string | null> | null;
  signedAt: string | null;
  createdAt: string;
  updatedAt: string;
}

interface DocumentRow {
  id: number; kind: DraftKind; version: number; fields: string; sections: string; state: 'draft' | 'signed';
  signed_figures: string | null; signed_fields: string | null; signed_at: string | null; created_at: string; updated_at: string;
}

function fromRow(row: DocumentRow, caseFields: DocumentFields | null): StoredDocument {
  // Parsed with today's schema: fields added since they were saved take their defaults.
  const signedFields = row.state === 'signed' ? DocumentFields.parse(JSON.parse(row.signed_fields ?? row.fields)) : null;
  return {
    id: row.id,
    kind: row.kind,
    version: row.version,
    fields: signedFields ?? caseFields ?? DocumentFields.parse(JSON.parse(row.fields)),
    signedFields,
    sections: DraftSection.array().parse(JSON.parse(row.sections)),
    state: row.state,
    signedFigures: row.signed_figures ? (JSON.parse(row.signed_figures) as Record<string, string | null>) : null,
    signedAt: row.signed_at,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

export function readDocument(db: CaseDb, kind: DraftKind): StoredDocument | null {
  const row = db.prepare('SELECT * FROM documents WHERE kind = ?').get(kind) as DocumentRow | undefined;
  return row ? fromRow(row, readCaseFields(db)?.fields ?? null) : null;
}

export function readDocuments(db: CaseDb): StoredDocument[] {
  const caseFields = readCaseFields(db)?.fields ?? null;
  return (db.prepare('SELECT * FROM documents ORDER BY id').all() as DocumentRow[]).map((row) => fromRow(row, caseFields));
}

export type VersionAction = 'draft' | 'regenerate' | 'save' | 'sign' | 'unsign' | 'undo';

export interface DocumentContent {
  /** The fields as of this version (the case's, or the signed ones): kept for the record. */
  fields: DocumentFields;
  sections: DraftSection[];
  state: 'draft' | 'signed';
  signedFigures: Record<string, string | null> | null;
  /** The fields frozen by signing; null for a draft. */
  signedFields: DocumentFields | null;
}

/**
 * Writes the kind's next version (the first one creates the document) and its audit entry; `audit` adds details
 * to the entry (regenerated sections, the figures frozen…). `change`: the number of the saved change it belongs to
 * (caseFields.ts nextChange), shared with a fields version the same save writes.
 */
export function writeVersion(
  db: CaseDb, kind: DraftKind, action: VersionAction, content: DocumentContent, audit: Record<string, unknown> = {},
  restores: number | null = null, change?: number,
): StoredDocument {
  return db.transaction(() => {
    const now = new Date().toISOString();
    const actor = currentActor();
    const current = readDocument(db, kind);
    const version = (current?.version ?? 0) + 1;
    const fields = JSON.stringify(content.fields);
    const sections = JSON.stringify(content.sections);
    const signedFigures = content.signedFigures ? JSON.stringify(content.signedFigures) : null;
    const signedFields = content.state === 'signed' && content.signedFields ? JSON.stringify(content.signedFields) : null;
    const signedAt = content.state === 'signed' ? (current?.state === 'signed' ? current.signedAt : now) : null;
    if (current) {
      db.prepare('UPDATE documents SET version = ?, fields = ?, sections = ?, state = ?, signed_figures = ?, signed_fields = ?, signed_at = ?, updated_at = ? WHERE id = ?')
        .run(version, fields, sections, content.state, signedFigures, signedFields, signedAt, now, current.id);
    } else {
      db.prepare('INSERT INTO documents (kind, version, fields, sections, state, signed_figures, signed_fields, signed_at, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)')
        .run(kind, version, fields, sections, content.state, signedFigures, signedFields, signedAt, now, now);
    }
    const saved = readDocument(db, kind)!;
    const changeNo = change ?? nextChange(db);
    db.prepare('INSERT INTO document_versions (document_id, version, action, fields, sections, state, at, actor, restores, change) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)')
      .run(saved.id, version, action, fields, sections, content.state, now, actor, restores, changeNo);
    appendAudit(db, `document.${action}`, { kind, version, ...audit }, actor);
    return saved;
  })();
}

/** The sections of an earlier version, for undo. */
export function readVersionSections(db: CaseDb, documentId: number, version: number): DraftSection[] | null {
  const row = db.prepare('SELECT sections FROM document_versions WHERE document_id = ? AND version = ?').get(documentId, version) as
    | { sections: string }
    | undefined;
  return row ? DraftSection.array().parse(JSON.parse(row.sections)) : null;
}

/**
 * A document's versions newest first as undo steps over its sections (its fields are the case's, with a history
 * of their own): stored JSON is compared after a parse with today's schema, as the current content was read.
 */
export function sectionSteps(db: CaseDb, documentId: number): VersionStep[] {
  return (db.prepare('SELECT version, change, restores, sections FROM document_versions WHERE document_id = ? ORDER BY version DESC')
    .all(documentId) as Array<{ version: number; change: number | null; restores: number | null; sections: string }>)
    .map((r) => ({
      version: r.version, change: r.change ?? 0, restores: r.restores,
      content: JSON.stringify(DraftSection.array().parse(JSON.parse(r.sections))),
    }));
}

/** Every version of a document, newest first: what was done, when and by whom (the editor's history and undo). */
export function readHistory(db: CaseDb, documentId: number): Array<{ version: number; action: VersionAction; at: string; actor: string; restores: number | null }> {
  return db.prepare('SELECT version, action, at, actor, restores FROM document_versions WHERE document_id = ? ORDER BY version DESC')
    .all(documentId) as Array<{ version: number; action: VersionAction; at: string; actor: string; restores: number | null }>;
}
