/**
 * Migration 7: the document fields become one record of the case (one case, one set of facts). Until now each
 * document kept its own fields, and a correction made in one (the filing date, the fine) never reached the others.
 *
 * - case_fields: the case's fields (a single row), every unsigned document renders with them;
 * - case_field_versions: their history (one for the case, whichever document's editor saved them), for undo;
 * - documents.signed_fields: what a signed (定稿) document was signed with, kept like its figures;
 * - `change` numbers every saved change across both histories (a save that changes a document's sections and the
 *   fields is one change), so an undo can step back the newest change to what a document prints.
 *
 * An existing case takes the fields of its most recently saved document; a signed one keeps its own as its
 * snapshot. documents.fields and document_versions.fields stay: the fields as of that version, for the record.
 */
export const MIGRATION_007 = `
  CREATE TABLE case_fields (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    version INTEGER NOT NULL,
    fields TEXT NOT NULL,                -- JSON DocumentFields (shared/documents/fields.ts)
    updated_at TEXT NOT NULL
  );

  CREATE TABLE case_field_versions (
    version INTEGER PRIMARY KEY,
    action TEXT NOT NULL,                -- 'migrate' | 'draft' | 'regenerate' | 'save' | 'undo'
    fields TEXT NOT NULL,
    kind TEXT,                           -- the document whose editor (or CLI run) saved them, if any
    at TEXT NOT NULL,
    actor TEXT NOT NULL,
    restores INTEGER,                    -- for 'undo': the version whose fields it brought back
    change INTEGER NOT NULL
  );

  ALTER TABLE documents ADD COLUMN signed_fields TEXT;    -- JSON DocumentFields frozen when signed
  ALTER TABLE document_versions ADD COLUMN change INTEGER;

  UPDATE document_versions SET change = rowid;
  UPDATE documents SET signed_fields = fields WHERE state = 'signed';

  INSERT INTO case_fields (id, version, fields, updated_at)
    SELECT 1, 1, fields, updated_at FROM documents ORDER BY updated_at DESC, id DESC LIMIT 1;
  INSERT INTO case_field_versions (version, action, fields, kind, at, actor, restores, change)
    SELECT 1, 'migrate', d.fields, d.kind, d.updated_at, 'migration 7', NULL,
           COALESCE((SELECT MAX(change) FROM document_versions), 0)
    FROM documents d ORDER BY d.updated_at DESC, d.id DESC LIMIT 1;
`;
