/**
 * The case's document fields (migration 7): one record for the case, shared by every document. Each unsigned
 * document renders with them; a signed one keeps the fields it was signed with (documents.signed_fields). Every
 * change is a version of case_field_versions (one history for the case, whichever document's editor saved it)
 * with its audit entry, written in the caller's transaction.
 */
import { DocumentFields, changedFields } from '../../../shared/documents/fields';
import type { DraftKind } from '../../../shared/documentsApi';
import { appendAudit, currentActor } from '../../audit/auditLog';
import type { CaseDb } from '../../store/caseDb';

export interface CaseFields {
  version: number;
  fields: DocumentFields;
  updatedAt: string;
}

export type FieldsAction = 'draft' | 'regenerate' | 'save' | 'undo';

export function readCaseFields(db: CaseDb): CaseFields | null {
  const row = db.prepare('SELECT version, fields, updated_at FROM case_fields WHERE id = 1').get() as
    | { version: number; fields: string; updated_at: string }
    | undefined;
  // Parsed with today's schema: fields added since they were saved take their defaults.
  return row ? { version: row.version, fields: DocumentFields.parse(JSON.parse(row.fields)), updatedAt: row.updated_at } : null;
}

/**
 * The number of the next saved change, counted across the documents' versions and the fields' versions, so an undo
 * can tell which came last. One save that writes both (sections and fields) is one change.
 */
export function nextChange(db: CaseDb): number {
  const row = db.prepare(
    'SELECT MAX(c) AS c FROM (SELECT MAX(change) AS c FROM document_versions UNION ALL SELECT MAX(change) AS c FROM case_field_versions)',
  ).get() as { c: number | null };
  return (row.c ?? 0) + 1;
}

/**
 * Writes the case's next fields version when `fields` differ from the current ones (the first one creates the
 * record) and audits it as `fields.<action>` with the paths that changed; returns the current record either way.
 */
export function writeCaseFields(
  db: CaseDb, action: FieldsAction, fields: DocumentFields, opts: { kind: DraftKind | null; change: number; restores?: number | null },
): CaseFields {
  return db.transaction(() => {
    const current = readCaseFields(db);
    const parsed = DocumentFields.parse(fields);
    if (current && JSON.stringify(current.fields) === JSON.stringify(parsed)) return current;
    const now = new Date().toISOString();
    const actor = currentActor();
    const version = (current?.version ?? 0) + 1;
    const json = JSON.stringify(parsed);
    db.prepare('INSERT INTO case_fields (id, version, fields, updated_at) VALUES (1, ?, ?, ?) ON CONFLICT (id) DO UPDATE SET version = excluded.version, fields = excluded.fields, updated_at = excluded.updated_at')
      .run(version, json, now);
    db.prepare('INSERT INTO case_field_versions (version, action, fields, kind, at, actor, restores, change) VALUES (?, ?, ?, ?, ?, ?, ?, ?)')
      .run(version, action, json, opts.kind, now, actor, opts.restores ?? null, opts.change);
    const changed = current ? changedFields(current.fields, parsed).map((c) => ({ field: c.key, from: c.signed, to: c.current })) : [];
    appendAudit(db, `fields.${action}`, { version, kind: opts.kind, changed, ...(opts.restores ? { restores: opts.restores } : {}) }, actor);
    return { version, fields: parsed, updatedAt: now };
  })();
}

export interface FieldsVersionRow {
  version: number;
  change: number;
  restores: number | null;
  /** The fields as JSON after a parse with today's schema (comparable with the current ones). */
  content: string;
}

/** The fields' versions, newest first, for undo. */
export function fieldVersions(db: CaseDb): FieldsVersionRow[] {
  return (db.prepare('SELECT version, change, restores, fields FROM case_field_versions ORDER BY version DESC').all() as
    Array<{ version: number; change: number; restores: number | null; fields: string }>)
    .map((r) => ({ version: r.version, change: r.change, restores: r.restores, content: JSON.stringify(DocumentFields.parse(JSON.parse(r.fields))) }));
}

export function readFieldsVersion(db: CaseDb, version: number): DocumentFields | null {
  const row = db.prepare('SELECT fields FROM case_field_versions WHERE version = ?').get(version) as { fields: string } | undefined;
  return row ? DocumentFields.parse(JSON.parse(row.fields)) : null;
}

/** The fields' history, newest first: what was done, from which document, when and by whom. */
export function readFieldsHistory(db: CaseDb): Array<{ version: number; action: string; kind: string | null; at: string; actor: string; restores: number | null }> {
  return db.prepare('SELECT version, action, kind, at, actor, restores FROM case_field_versions ORDER BY version DESC')
    .all() as Array<{ version: number; action: string; kind: string | null; at: string; actor: string; restores: number | null }>;
}
