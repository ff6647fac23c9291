/**
 * One case, one set of facts: the document fields are the case's, shared by every document. A correction saved
 * from the decision's editor reaches the notice; a signed decision keeps the fields it was signed with and reports
 * which changed (old → new); undo steps back the newest change to what a document prints, whether its own text or
 * the shared fields; and a case from before migration 7 (fields per document) takes its latest document's fields.
 */
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { beforeAll, describe, expect, it } from 'vitest';
import { DocumentFields } from '../../../shared/documents/fields';
import { readAudit } from '../../audit/auditLog';
import { caseDbPath } from '../../store/caseDb';
import { importEvidence } from '../../evidence/importEvidence';
import { openCase, withCase } from '../../store/caseStore';
import { newCase, tempDir, writeSmallArchive } from '../../testing/fixtures';
import { readCaseFields } from './caseFields';
import {
  documentModel, draftDocument, getDocument, listDocuments, saveDocument, signDocument, startingFields, undoDocument, unsignDocument,
} from './documentActions';

const text = (doc: { sections: Array<{ id: string; text: string }> }, id: string) => doc.sections.find((s) => s.id === id)!.text;
const printed = (model: unknown) => JSON.stringify(model);

describe('the case fields, shared by every document', () => {
  let root: string;
  let caseDir: string;
  beforeAll(async () => {
    root = tempDir('faceaudit-case-fields-');
    await writeSmallArchive(path.join(root, 'archive'), 'utf8');
    caseDir = newCase(root);
    await importEvidence(caseDir, path.join(root, 'archive'));
  }, 60_000);

  it('a filing date corrected in the decision is the notice\'s too: its fields, its print, its regenerated text', () => {
    const db = openCase(caseDir);
    try {
      const decision = draftDocument(db, 'decision');
      const notice = draftDocument(db, 'notice');
      expect(notice.fields).toEqual(decision.fields);
      expect(notice.fieldsVersion).toBe(1);
      expect(text(notice, 'intro')).toContain('本局于　　年　月　日');

      const corrected = { ...decision.fields, filingDate: '2021-10-20', noticeDate: '2021-11-02', fineYuan: 200000 };
      const saved = saveDocument(db, 'decision', { fields: corrected, sections: [], baseVersion: 1, fieldsBaseVersion: 1 });
      expect(saved.fieldsVersion).toBe(2);

      // The notice was not touched, yet it has the case's fields now: what it prints from them changes at once…
      const now = getDocument(db, 'notice')!;
      expect(now.version).toBe(1);
      expect(now.fields.filingDate).toBe('2021-10-20');
      expect(now.fields.fineYuan).toBe(200000);
      expect(startingFields(db).filingDate).toBe('2021-10-20');
      expect(printed(documentModel(db, 'notice'))).toContain('2021年11月2日');
      // …and its drafted text takes them when regenerated (the drafter's text is never rewritten silently).
      const regenerated = draftDocument(db, 'notice', { sections: ['intro'] });
      expect(text(regenerated, 'intro')).toContain('本局于2021年10月20日');
      expect(printed(documentModel(db, 'notice'))).toContain('本局于2021年10月20日');
      // A document drafted later starts from them too.
      expect(text(draftDocument(db, 'report'), 'investigation')).toContain('2021年10月20日');
      expect(getDocument(db, 'report')!.fields.filingDate).toBe('2021-10-20');

      // One history for the fields: a stale editor cannot overwrite a newer change with its old fields.
      expect(() => saveDocument(db, 'notice', { fields: decision.fields, sections: [], fieldsBaseVersion: 1 })).toThrow(/version 2/u);

      const entry = readAudit(db).filter((e) => e.action === 'fields.save').at(-1)!;
      expect(entry.details).toMatchObject({ version: 2, kind: 'decision' });
      expect((entry.details as { changed: Array<{ field: string }> }).changed.map((c) => c.field)).toEqual(['filingDate', 'fineYuan', 'noticeDate']);
    } finally {
      db.close();
    }
  });

  it('a signed decision keeps the fields it was signed with and reports the ones that changed', () => {
    const db = openCase(caseDir);
    try {
      const decision = getDocument(db, 'decision')!;
      const dated = saveDocument(db, 'decision', { fields: { ...decision.fields, decisionDate: '2022-05-27' }, sections: [] });
      signDocument(db, 'decision');
      expect(getDocument(db, 'decision')!.fieldChanges).toEqual([]);

      // The drafter corrects the filing date and the decision date from the notice's editor.
      const notice = getDocument(db, 'notice')!;
      saveDocument(db, 'notice', { fields: { ...notice.fields, filingDate: '2021-10-25', decisionDate: '2022-05-30' }, sections: [] });
      expect(getDocument(db, 'notice')!.fields.filingDate).toBe('2021-10-25');

      const signed = getDocument(db, 'decision')!;
      expect(signed.fields.filingDate).toBe('2021-10-20');
      expect(signed.fields).toEqual(dated.fields);
      expect(signed.fieldChanges).toEqual([
        { key: 'filingDate', signed: '2021-10-20', current: '2021-10-25' },
        { key: 'decisionDate', signed: '2022-05-27', current: '2022-05-30' },
      ]);
      expect(signed.figureChanges).toEqual([]);
      expect(listDocuments(db).find((d) => d.kind === 'decision')!.fieldChanges).toHaveLength(2);
      // It prints what was signed: the decision date of its signature is the old one.
      expect(printed(documentModel(db, 'decision'))).toContain('2022年5月27日');
      expect(printed(documentModel(db, 'decision'))).not.toContain('2022年5月30日');

      // Unsigned, it is a draft again and takes the case's fields; the audit entry says what had changed.
      const unsigned = unsignDocument(db, 'decision');
      expect(unsigned.fieldChanges).toEqual([]);
      expect(unsigned.fields.decisionDate).toBe('2022-05-30');
      expect(printed(documentModel(db, 'decision'))).toContain('2022年5月30日');
      const entry = readAudit(db).filter((e) => e.action === 'document.unsign').at(-1)!;
      expect((entry.details as { fieldChanges: unknown[] }).fieldChanges).toHaveLength(2);
    } finally {
      db.close();
    }
  });

  it('undo steps back the newest change to what the document prints: the shared fields or its own text', () => {
    const db = openCase(caseDir);
    try {
      const notice = getDocument(db, 'notice')!;
      const edited = `${text(notice, 'facts')}当事人对上述事实无异议。`;
      saveDocument(db, 'notice', { fields: notice.fields, sections: [{ id: 'facts', text: edited }] });
      const fine = getDocument(db, 'notice')!.fields.fineYuan;
      const decision = getDocument(db, 'decision')!;
      saveDocument(db, 'decision', { fields: { ...decision.fields, fineYuan: 300000 }, sections: [] });
      expect(getDocument(db, 'notice')!.fields.fineYuan).toBe(300000);

      // In the notice, the newest change is the fine (saved from the decision): undo brings the old fine back, for
      // every unsigned document, and keeps the notice's text.
      const first = undoDocument(db, 'notice');
      expect(first.fields.fineYuan).toBe(fine);
      expect(text(first, 'facts')).toBe(edited);
      expect(getDocument(db, 'decision')!.fields.fineYuan).toBe(fine);
      // Then the notice's own edit.
      const second = undoDocument(db, 'notice');
      expect(text(second, 'facts')).not.toBe(edited);
      expect(second.fields.fineYuan).toBe(fine);

      const actions = readAudit(db).map((e) => e.action).slice(-3);
      expect(actions).toEqual(['fields.undo', 'document.undo', 'document.undo']);
      expect(readCaseFields(db)!.version).toBeGreaterThan(4);
    } finally {
      db.close();
    }
  });
});

describe('migration 7: a case whose documents kept their own fields', () => {
  it('takes the most recently saved document\'s fields; a signed one keeps its own and reports the difference', () => {
    const root = tempDir('faceaudit-case-fields-migration-');
    const caseDir = newCase(root);
    const base = withCase(caseDir, startingFields);
    const older = DocumentFields.parse({ ...base, filingDate: '2021-10-20', fineYuan: 100000 });
    const latest = DocumentFields.parse({ ...base, filingDate: '2021-10-22', fineYuan: 200000 });
    const sections = JSON.stringify([{ id: 'intro', title: '告知事由', heading: null, required: true, layout: 'paragraphs', text: '本局……' }]);

    // Back to schema 6, as a case saved before this migration: no case fields, each document with its own.
    const raw = new Database(caseDbPath(caseDir));
    raw.exec(`
      DROP TABLE case_field_versions; DROP TABLE case_fields;
      ALTER TABLE documents DROP COLUMN signed_fields; ALTER TABLE document_versions DROP COLUMN change;
    `);
    raw.pragma('user_version = 6');
    const insert = raw.prepare(`INSERT INTO documents (kind, version, fields, sections, state, signed_figures, signed_at, created_at, updated_at)
      VALUES (?, 1, ?, ?, ?, ?, ?, ?, ?)`);
    const version = raw.prepare(`INSERT INTO document_versions (document_id, version, action, fields, sections, state, at, actor)
      VALUES (?, 1, 'draft', ?, ?, ?, ?, 'tester')`);
    const decisionId = insert.run('decision', JSON.stringify(older), sections, 'signed', '{}', '2026-01-02T08:00:00.000Z', '2026-01-01T08:00:00.000Z', '2026-01-02T08:00:00.000Z').lastInsertRowid;
    version.run(decisionId, JSON.stringify(older), sections, 'signed', '2026-01-02T08:00:00.000Z');
    const noticeId = insert.run('notice', JSON.stringify(latest), sections, 'draft', null, null, '2026-01-01T09:00:00.000Z', '2026-01-03T08:00:00.000Z').lastInsertRowid;
    version.run(noticeId, JSON.stringify(latest), sections, 'draft', '2026-01-03T08:00:00.000Z');
    raw.close();

    const db = openCase(caseDir);
    try {
      expect(db.pragma('user_version', { simple: true })).toBe(7);
      const fields = readCaseFields(db)!;
      expect(fields.version).toBe(1);
      expect(fields.fields.filingDate).toBe('2021-10-22');
      expect(fields.fields.fineYuan).toBe(200000);
      expect(db.prepare('SELECT action, kind FROM case_field_versions').all()).toEqual([{ action: 'migrate', kind: 'notice' }]);

      expect(getDocument(db, 'notice')!.fields).toEqual(latest);
      const decision = getDocument(db, 'decision')!;
      expect(decision.state).toBe('signed');
      expect(decision.fields).toEqual(older);
      expect(decision.fieldChanges).toEqual([
        { key: 'filingDate', signed: '2021-10-20', current: '2021-10-22' },
        { key: 'fineYuan', signed: '100000', current: '200000' },
      ]);
      // A draft drafted now starts from the case's fields.
      expect(draftDocument(db, 'report').fields).toEqual(latest);
    } finally {
      db.close();
    }
    expect(fs.existsSync(caseDbPath(caseDir))).toBe(true);
  });
});
