/**
 * Migration 6: the case documents (issue 7). One document per kind (decision, notice, report, evidence): its fields
 * and section texts (with figure tokens) as the drafter last saved them, whether it is signed (定稿) and, when it
 * is, the figures it printed then, so a later change of the case shows as a warning. Every save is also a row of
 * document_versions, so an edit can be undone and the history read.
 */
export const MIGRATION_006 = `
  CREATE TABLE documents (
    id INTEGER PRIMARY KEY,
    kind TEXT NOT NULL UNIQUE CHECK (kind IN ('decision', 'notice', 'report', 'evidence')),
    version INTEGER NOT NULL,
    fields TEXT NOT NULL,                -- JSON DocumentFields (shared/documents/fields.ts)
    sections TEXT NOT NULL,              -- JSON DraftSection[] (shared/documentsApi.ts)
    state TEXT NOT NULL DEFAULT 'draft' CHECK (state IN ('draft', 'signed')),
    signed_figures TEXT,                 -- JSON { figure key: printed value } frozen when signed
    signed_at TEXT,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
  );

  CREATE TABLE document_versions (
    document_id INTEGER NOT NULL REFERENCES documents(id),
    version INTEGER NOT NULL,
    action TEXT NOT NULL,                -- 'draft' | 'regenerate' | 'save' | 'sign' | 'unsign' | 'undo'
    fields TEXT NOT NULL,
    sections TEXT NOT NULL,
    state TEXT NOT NULL,
    at TEXT NOT NULL,
    actor TEXT NOT NULL,
    restores INTEGER,                    -- for 'undo': the version whose content it brought back
    PRIMARY KEY (document_id, version)
  );
`;
