/**
 * The case file from the documents store: drafted documents as saved go into their places, and the DOCX of the
 * case file opens in LibreOffice (a real client) with the table of contents and the PDF's page numbers in it.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openCaseDb, type CaseDb } from '../../store/caseDb';
import { tempDir } from '../../testing/fixtures';
import { DocumentFields } from '../../../shared/documents/fields';
import { chromiumPrinter } from '../render/pdf';
import { draftDocument, startingFields } from '../store/documentActions';
import { convertWithLibreOffice } from '../testing/officeClient';
import { pdfPageTexts } from '../testing/pdfTools';
import type { CaseFile } from './buildCaseFile';
import { caseFileDocx } from './caseFileDocx';
import { renderCaseFile, type CaseFileAuditRecord } from './renderCaseFile';
import { storedCaseFileInputs } from './storedDocuments';
import { writePictureCase } from './testing/pictureCase';

let db: CaseDb;
let secondary: CaseFile;
let audit: CaseFileAuditRecord;
let bytes: Buffer;
const out = tempDir('faceaudit-casefile-store-');
const squash = (s: string) => s.normalize('NFKC').replace(/\s+/gu, '');

beforeAll(async () => {
  const pc = await writePictureCase();
  db = openCaseDb(pc.caseDir);
  const fields = DocumentFields.parse({ ...startingFields(db), filingDate: '2021-10-20' });
  draftDocument(db, 'report', { all: true, fields });
  draftDocument(db, 'decision', { all: true, fields });
  ({ caseFile: secondary, audit, bytes } = await renderCaseFile(db, { format: 'pdf', printer: chromiumPrinter(), volume: 'secondary' }));
}, 300_000);
afterAll(() => db?.close());

describe('case file from the documents store', () => {
  it('takes the drafted documents and the filing date from the store, leaving out what was never drafted', () => {
    const inputs = storedCaseFileInputs(db);
    expect(Object.keys(inputs.documents).sort()).toEqual(['decision', 'report']);
    expect(inputs.filedOn).toBe('2021-10-20');
  });

  it('returns what the caller audits: volumes, pages, documents, sample and masking', () => {
    expect(bytes).toBe(secondary.pdf);
    expect(audit).toMatchObject({ format: 'pdf', volumes: ['secondary'], documents: ['decision', 'report'], sample: [], maskedFaces: 0, unmasked: false });
    expect(audit.pages).toBe(secondary.pages.reduce((s, p) => s + p.count, 0));
    expect(audit.parts.map((p) => p.title)).toEqual(['案卷封面（副卷）', '卷内文件目录（副卷）', '案件调查终结报告', '卷内备考表（副卷）']);
  });

  it('prints the drafted report in the secondary volume, on the page its contents line gives', () => {
    const report = secondary.toc.find((e) => e.title === '案件调查终结报告')!;
    expect(report.first).toBe(3); // cover 1, contents 2
    const file = path.join(out, 'secondary.pdf');
    fs.writeFileSync(file, secondary.pdf);
    const pages = pdfPageTexts(file);
    expect(squash(pages[report.first! - 1]!)).toContain('案件调查终结报告');
    expect(squash(pages[0]!)).toContain('2021年10月20日');
    expect(squash(pages[0]!)).toContain(squash('（副卷）'));
  });

  it('writes the same case file as a DOCX that LibreOffice opens, with the contents and their page numbers', async () => {
    const docx = path.join(out, 'casefile.docx');
    fs.writeFileSync(docx, await caseFileDocx(secondary));
    const pdf = await convertWithLibreOffice(docx, out);
    const text = squash(pdfPageTexts(pdf).join(''));
    expect(text).toContain('卷内文件目录');
    expect(text).toContain('案件调查终结报告');
    const report = secondary.toc.find((e) => e.title === '案件调查终结报告')!;
    expect(text).toContain('2案件调查终结报告'); // its 序号 in the contents
    expect(text).toMatch(new RegExp(`案件调查终结报告.{0,40}${report.first}`, 'u'));
  }, 120_000);
});
