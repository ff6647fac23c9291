/**
 * The documents table and its history (migration 6): reading a kind's document, and writing a new version of it
 * with its audit entry in the same transaction, so the log and the document never disagree.
 */
import { DocumentFields } from '../../../shared/documents/fields';
import { DraftSection, type DraftKind } from '../../../shared/documentsApi';
import { appendAudit, currentActor } from '../../audit/auditLog';
import type { CaseDb } from '../../store/caseDb';

export interface StoredDocument {
  id: number;
  kind: DraftKind;
  version: number;
  fields: DocumentFields;
  sections: DraftSection[];
  state: 'draft' | 'signed';
  signedFigures: Record<string, string | null> | null;
  signedAt: string | null;
  createdAt: string;
  updatedAt: string;
}

interface DocumentRow {
  id: number; kind: DraftKind; version: number; fields: string; sections: string; state: 'draft' | 'signed';
  signed_figures: string | null; signed_at: string | null; created_at: string; updated_at: string;
}

function fromRow(row: DocumentRow): StoredDocument {
  return {
    id: row.id,
    kind: row.kind,
    version: row.version,
    // Parsed with today's schema: fields added since the document was saved take their defaults.
    fields: DocumentFields.parse(JSON.parse(row.fields)),
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
  return row ? fromRow(row) : null;
}

export function readDocuments(db: CaseDb): StoredDocument[] {
  return (db.prepare('SELECT * FROM documents ORDER BY id').all() as DocumentRow[]).map(fromRow);
}

export type VersionAction = 'draft' | 'regenerate' | 'save' | 'sign' | 'unsign' | 'undo';

export interface DocumentContent {
  fields: DocumentFields;
  sections: DraftSection[];
  state: 'draft' | 'signed';
  signedFigures: Record<string, string | null> | null;
}

/**
 * Writes the kind's next version (the first one creates the document) and its audit entry; `audit` adds details
 * to the entry (regenerated sections, the figures frozen…).
 */
export function writeVersion(
  db: CaseDb, kind: DraftKind, action: VersionAction, content: DocumentContent, audit: Record<string, unknown> = {}, restores: number | null = null,
): StoredDocument {
  return db.transaction(() => {
    const now = new Date().toISOString();
    const actor = currentActor();
    const current = readDocument(db, kind);
    const version = (current?.version ?? 0) + 1;
    const fields = JSON.stringify(content.fields);
    const sections = JSON.stringify(content.sections);
    const signedFigures = content.signedFigures ? JSON.stringify(content.signedFigures) : null;
    const signedAt = content.state === 'signed' ? (current?.state === 'signed' ? current.signedAt : now) : null;
    if (current) {
      db.prepare('UPDATE documents SET version = ?, fields = ?, sections = ?, state = ?, signed_figures = ?, signed_at = ?, updated_at = ? WHERE id = ?')
        .run(version, fields, sections, content.state, signedFigures, signedAt, now, current.id);
    } else {
      db.prepare('INSERT INTO documents (kind, version, fields, sections, state, signed_figures, signed_at, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)')
        .run(kind, version, fields, sections, content.state, signedFigures, signedAt, now, now);
    }
    const saved = readDocument(db, kind)!;
    db.prepare('INSERT INTO document_versions (document_id, version, action, fields, sections, state, at, actor, restores) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)')
      .run(saved.id, version, action, fields, sections, content.state, now, actor, restores);
    appendAudit(db, `document.${action}`, { kind, version, ...audit }, actor);
    return saved;
  })();
}

/** The content of an earlier version, for undo. */
export function readVersion(db: CaseDb, documentId: number, version: number): Pick<DocumentContent, 'fields' | 'sections' | 'state'> | null {
  const row = db.prepare('SELECT fields, sections, state FROM document_versions WHERE document_id = ? AND version = ?').get(documentId, version) as
    | { fields: string; sections: string; state: 'draft' | 'signed' }
    | undefined;
  if (!row) return null;
  return {
    fields: DocumentFields.parse(JSON.parse(row.fields)),
    sections: DraftSection.array().parse(JSON.parse(row.sections)),
    state: row.state,
  };
}

/**
 * The version an undo brings back: the latest one before the version the current content came from whose content
 * differs from the current one (an undo's content came from the version it restored, so undoing again steps
 * further back; signing and unsigning change no text and are stepped over). Null when there is none.
 */
export function undoTarget(db: CaseDb, doc: StoredDocument): number | null {
  const row = db.prepare('SELECT restores FROM document_versions WHERE document_id = ? AND version = ?').get(doc.id, doc.version) as { restores: number | null } | undefined;
  const base = row?.restores ?? doc.version;
  const fields = JSON.stringify(doc.fields);
  const sections = JSON.stringify(doc.sections);
  const earlier = db.prepare('SELECT version, fields, sections FROM document_versions WHERE document_id = ? AND version < ? ORDER BY version DESC')
    .iterate(doc.id, base) as Iterable<{ version: number; fields: string; sections: string }>;
  for (const v of earlier) {
    // Stored JSON is compared after a parse with today's schema, as the current content was read.
    if (JSON.stringify(DocumentFields.parse(JSON.parse(v.fields))) !== fields || JSON.stringify(DraftSection.array().parse(JSON.parse(v.sections))) !== sections) {
      return v.version;
    }
  }
  return null;
}

/** Every version of a document, newest first: what was done, when and by whom (the editor's history and undo). */
export function readHistory(db: CaseDb, documentId: number): Array<{ version: number; action: VersionAction; at: string; actor: string; restores: number | null }> {
  return db.prepare('SELECT version, action, at, actor, restores FROM document_versions WHERE document_id = ? ORDER BY version DESC')
    .all(documentId) as Array<{ version: number; action: VersionAction; at: string; actor: string; restores: number | null }>;
}
