/**
 * The case file export service (CLI and the app's job): the file lands in <case>/exports/ under a time-stamped
 * name (or at `out`), its page count is the one returned and audited as casefile.export, every print is reported,
 * and a cancelled export writes nothing and audits nothing. Printed through headless Chromium (the secondary
 * volume, a few prints) on testing/pictureCase.ts.
 */
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { UserError } from '../../../shared/messages';
import { readAudit } from '../../audit/auditLog';
import { openCaseDb } from '../../store/caseDb';
import { tempDir } from '../../testing/fixtures';
import { chromiumPrinter, pdfPageCount, type PdfPrinter } from '../render/pdf';
import { draftDocument } from '../store/documentActions';
import { caseFileExportName, exportCaseFile } from './exportCaseFile';
import { writePictureCase } from './testing/pictureCase';

let caseDir: string;

function audits(): ReturnType<typeof readAudit> {
  const db = openCaseDb(caseDir);
  try {
    return readAudit(db).filter((e) => e.action === 'casefile.export');
  } finally {
    db.close();
  }
}

const exportsIn = (dir: string) => (fs.existsSync(path.join(dir, 'exports')) ? fs.readdirSync(path.join(dir, 'exports')) : []);

beforeAll(async () => {
  caseDir = (await writePictureCase()).caseDir;
  const db = openCaseDb(caseDir);
  try {
    draftDocument(db, 'decision', { all: true });
  } finally {
    db.close();
  }
}, 120_000);

describe('exportCaseFile', () => {
  it('names the volumes in the file name', () => {
    expect(caseFileExportName('main')).toBe('案卷-正卷');
    expect(caseFileExportName('secondary')).toBe('案卷-副卷');
    expect(caseFileExportName('both')).toBe('案卷-正卷副卷');
  });

  it('writes the PDF into the case exports/ folder, reports each print, and audits its pages', async () => {
    const prints: number[] = [];
    const result = await exportCaseFile(
      caseDir, { format: 'pdf', volume: 'secondary', unmaskFaces: false, onPrinted: (n) => prints.push(n) }, () => chromiumPrinter(),
    );
    expect(path.dirname(result.path)).toBe(path.resolve(caseDir, 'exports'));
    expect(path.basename(result.path)).toMatch(/^案卷-副卷-\d{8}T\d{6}Z\.pdf$/u);
    const pdf = fs.readFileSync(result.path);
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(result.pages).toBe(pdfPageCount(pdf));
    expect(result).toMatchObject({ bytes: pdf.length, volumes: ['secondary'], unmasked: false });
    // Every part measured, then the whole: at least cover, contents, closing sheet and the whole.
    expect(prints.length).toBeGreaterThanOrEqual(4);
    expect(prints).toEqual(prints.map((_, i) => i + 1));

    const entry = audits().at(-1)!;
    expect(entry.details).toMatchObject({ format: 'pdf', volumes: ['secondary'], pages: result.pages, file: result.path, bytes: pdf.length, unmasked: false });
  }, 300_000);

  it('writes the DOCX where it is told', async () => {
    const out = path.join(tempDir('faceaudit-casefile-out-'), 'nested', 'case.docx');
    const result = await exportCaseFile(caseDir, { format: 'docx', volume: 'secondary', unmaskFaces: false }, () => chromiumPrinter(), out);
    expect(result.path).toBe(out);
    expect(fs.readFileSync(out).subarray(0, 2).toString('latin1')).toBe('PK');
    expect(audits().at(-1)!.details).toMatchObject({ format: 'docx', file: out, pages: result.pages });
  }, 300_000);

  it('stops between prints when cancelled: nothing written, nothing audited', async () => {
    const before = { files: exportsIn(caseDir), audits: audits().length };
    const controller = new AbortController();
    let printed = 0;
    const printer: PdfPrinter = {
      print: () => {
        printed++;
        return chromiumPrinter().print('<!doctype html><p>x</p>');
      },
    };
    const run = exportCaseFile(
      caseDir, { format: 'pdf', volume: 'secondary', unmaskFaces: false, signal: controller.signal, onPrinted: () => controller.abort() }, () => printer,
    );
    await expect(run).rejects.toSatisfy((e: unknown) => e instanceof UserError && e.code === 'documents.caseFile.cancelled');
    expect(printed).toBe(1);
    expect(exportsIn(caseDir)).toEqual(before.files);
    expect(audits().length).toBe(before.audits);
  }, 120_000);
});
