/**
 * Drafting, saving, regenerating, undoing and signing on a case made by a real import (five captures, hand-counted
 * in electron/testing/fixtures.ts writeSmallArchive); then new evidence arrives and the signed decision reports which
 * figures it printed have changed, and still prints what was signed.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ImportReport } from '../../../shared/api';
import { readAudit } from '../../audit/auditLog';
import { importEvidence } from '../../evidence/importEvidence';
import { openCase, withCase } from '../../store/caseStore';
import { HEADER, newCase, tempDir, writeJpeg, writeSheet, writeSmallArchive } from '../../testing/fixtures';
import { evidenceItems } from '../drafts/evidenceItems';
import { documentModel, draftDocument, getDocument, saveDocument, signDocument, undoDocument, unsignDocument } from './documentActions';

const facts = (sections: Array<{ id: string; text: string }>) => sections.find((s) => s.id === 'facts')!.text;

describe('documents of a case', () => {
  let root: string;
  let caseDir: string;
  let report: ImportReport;
  beforeAll(async () => {
    root = tempDir('faceaudit-documents-');
    await writeSmallArchive(path.join(root, 'archive'), 'utf8');
    caseDir = newCase(root);
    report = await importEvidence(caseDir, path.join(root, 'archive'));
  }, 60_000);

  it('list the evidence as the import report gives it: the source and its sheet, with hashes and counts', () => {
    const items = withCase(caseDir, evidenceItems);
    expect(items).toHaveLength(2);
    const [source, sheet] = items;
    expect(source!.source).toBe(report.path);
    expect(source!.sha256).toBe(report.receivedSha256 ?? report.sha256);
    expect(source!.count).toBe(`${report.filesSeen}个文件，抓拍记录5条`);
    expect(report.sheets).toHaveLength(1);
    const onDisk = crypto.createHash('sha256').update(fs.readFileSync(path.join(root, 'archive', '抓拍记录.csv'))).digest('hex');
    expect(sheet!.sha256).toBe(onDisk);
    expect(sheet!.count).toBe(`${report.sheets[0]!.rows}行`);
    expect(report.sheets[0]!.rows).toBe(5);
  });

  it('draft, save an edit, regenerate another section, undo, sign, and audit each step', () => {
    const db = openCase(caseDir);
    try {
      const drafted = draftDocument(db, 'decision');
      expect(drafted.version).toBe(1);
      expect(drafted.fields.numbers.decision).toBe('禹市监处罚〔2022〕12号');
      expect(drafted.fields.numbers.notice).toBe('禹市监罚告〔2022〕12号');
      expect(drafted.unresolved).toEqual({});

      const edited = `${facts(drafted.sections)}当事人对上述事实无异议。`;
      const saved = saveDocument(db, 'decision', { fields: { ...drafted.fields, fineYuan: 200000 }, sections: [{ id: 'facts', text: edited }], baseVersion: 1 });
      expect(saved.version).toBe(2);
      expect(() => saveDocument(db, 'decision', { fields: saved.fields, sections: [], baseVersion: 1 })).toThrow(/version 2/u);

      const regenerated = draftDocument(db, 'decision', { sections: ['decision'] });
      expect(facts(regenerated.sections)).toBe(edited);
      expect(regenerated.sections.find((s) => s.id === 'decision')!.text).toContain('罚款200000元（大写：贰拾万元整）');

      expect(facts(undoDocument(db, 'decision').sections)).toBe(edited); // back to version 2
      expect(facts(undoDocument(db, 'decision').sections)).not.toBe(edited); // back to version 1
      expect(() => undoDocument(db, 'decision')).toThrow(/no earlier version/u);
      const redone = saveDocument(db, 'decision', { fields: saved.fields, sections: [{ id: 'facts', text: edited }] });

      const signed = signDocument(db, 'decision');
      expect(signed.state).toBe('signed');
      expect(signed.figureChanges).toEqual([]);
      expect(() => saveDocument(db, 'decision', { fields: redone.fields, sections: [] })).toThrow(/signed/u);

      const actions = readAudit(db).map((e) => e.action).filter((a) => a.startsWith('document.'));
      expect(actions).toEqual(['document.draft', 'document.save', 'document.regenerate', 'document.undo', 'document.undo', 'document.save', 'document.sign']);
    } finally {
      db.close();
    }
  });

  it('report the signed figures that new evidence changes, and print what was signed', async () => {
    // Two more captures on a third camera on a third day: captures 5 → 7, cameras 2 → 3, days 2 → 3.
    const more = path.join(root, 'more');
    const rows = [
      ['1', '2021-04-20 10:00:00', 'CAM03', '洽谈区', '抓拍图片/CAM03_20210420_100000_000.jpg'],
      ['2', '2021-04-20 11:00:00', 'CAM03', '洽谈区', '抓拍图片/CAM03_20210420_110000_000.jpg'],
    ];
    for (const [i, row] of rows.entries()) await writeJpeg(path.join(more, row[4]!), 100 + i);
    writeSheet(path.join(more, '抓拍记录.csv'), [HEADER, ...rows], 'utf8');
    await importEvidence(caseDir, more);

    const doc = withCase(caseDir, (db) => getDocument(db, 'decision'))!;
    const changes = Object.fromEntries(doc.figureChanges.map((c) => [c.key, [c.signed, c.current]]));
    expect(changes).toMatchObject({
      captures: ['5', '7'],
      cameras: ['2', '3'],
      daysActive: ['2', '3'],
      'period.last': ['2021年4月19日', '2021年4月20日'],
    });
    expect(changes['period.first']).toBeUndefined();

    const printed = JSON.stringify(withCase(caseDir, (db) => documentModel(db, 'decision')));
    expect(printed).toContain('"text":"5","figure":{"key":"captures"');
    const unsigned = withCase(caseDir, (db) => unsignDocument(db, 'decision'));
    expect(unsigned.figureChanges).toEqual([]);
    expect(JSON.stringify(withCase(caseDir, (db) => documentModel(db, 'decision')))).toContain('"text":"7","figure":{"key":"captures"');

    // Undo steps over signing and unsigning (no text changed) to the last real change: the save before them.
    const facts = (doc: { sections: Array<{ id: string; text: string }> }) => doc.sections.find((s) => s.id === 'facts')!.text;
    const undone = withCase(caseDir, (db) => undoDocument(db, 'decision'));
    expect(facts(undone)).not.toBe(facts(unsigned));
    expect(facts(undone)).not.toContain('当事人对上述事实无异议。');
  }, 60_000);
});
