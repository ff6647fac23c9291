/**
 * `faceaudit document`: drafts a kind on first use, takes fields from a JSON file, writes the DOCX or PDF where
 * asked, and refuses what it cannot do with one line.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readAudit } from '../audit/auditLog';
import { docxPart, docxParts } from '../documents/testing/docxParts';
import { pdfText } from '../documents/testing/pdfTools';
import { writeHandCase } from '../findings/testing/handCase';
import { withCase } from '../store/caseStore';
import { newCase, tempDir, writeSmallArchive } from '../testing/fixtures';
import { runCli } from './main';

async function cli(args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(args, (l) => out.push(l), (l) => err.push(l));
  return { code, out: out.join('\n'), err: err.join('\n') };
}

describe('faceaudit document', () => {
  it('drafts the decision with the fields of a file and writes its DOCX; then the notice as PDF', async () => {
    const caseDir = writeHandCase();
    const root = tempDir();
    const fieldsFile = path.join(root, 'fields.json');
    fs.writeFileSync(fieldsFile, JSON.stringify({ issuer: { name: '禹州市市场监督管理局' }, fineYuan: 180000, decisionDate: '2022-05-27' }));
    const docx = path.join(root, '决定书.docx');
    const result = await cli(['document', caseDir, 'decision', '--format', 'docx', '--out', docx, '--fields', fieldsFile]);
    expect(result.err).toBe('');
    expect(result.code).toBe(0);
    const xml = docxPart(await docxParts(fs.readFileSync(docx)), 'word/document.xml').replace(/<[^>]+>/gu, '');
    expect(xml).toContain('禹州市市场监督管理局');
    expect(xml).toContain('罚款180000元（大写：壹拾捌万元整）');
    expect(xml).toContain('2022年5月27日');
    expect(xml).toContain('禹州市人民政府');

    const pdf = path.join(root, '告知书.pdf');
    const notice = await cli(['document', caseDir, 'notice', '--format', 'pdf', '--out', pdf]);
    expect(notice.code).toBe(0);
    const text = pdfText(pdf).replace(/\s+/gu, '');
    expect(text).toContain('行政处罚告知书');
    expect(text).toContain('罚款180000元'); // the notice starts from the decision's saved fields
    const exports = withCase(caseDir, readAudit).filter((e) => e.action === 'document.export').map((e) => e.details);
    expect(exports).toEqual([expect.objectContaining({ kind: 'decision', format: 'docx' }), expect.objectContaining({ kind: 'notice', format: 'pdf' })]);

    // --fields with the notice sets the case's fields: the decision (a draft) prints the new decision date too.
    fs.writeFileSync(fieldsFile, JSON.stringify({ decisionDate: '2022-06-01' }));
    const noticeAgain = await cli(['document', caseDir, 'notice', '--format', 'docx', '--out', path.join(root, '告知书.docx'), '--fields', fieldsFile]);
    expect(noticeAgain.out).toContain('case fields saved');
    expect((await cli(['document', caseDir, 'decision', '--format', 'docx', '--out', docx])).code).toBe(0);
    const again = docxPart(await docxParts(fs.readFileSync(docx)), 'word/document.xml').replace(/<[^>]+>/gu, '');
    expect(again).toContain('2022年6月1日');
    expect(again).not.toContain('2022年5月27日');
    expect(again).toContain('罚款180000元（大写：壹拾捌万元整）');
    expect(withCase(caseDir, readAudit).filter((e) => e.action === 'fields.save').at(-1)!.details).toMatchObject({ kind: null });
  }, 120_000);

  it('prints the case file from the documents as saved', async () => {
    const root = tempDir();
    await writeSmallArchive(path.join(root, 'archive'), 'utf8');
    const caseDir = newCase(root);
    expect((await cli(['import', caseDir, path.join(root, 'archive')])).code).toBe(0);
    const fieldsFile = path.join(root, 'fields.json');
    fs.writeFileSync(fieldsFile, JSON.stringify({ fineYuan: 180000 }));
    expect((await cli(['document', caseDir, 'decision', '--format', 'docx', '--out', path.join(root, 'd.docx'), '--fields', fieldsFile])).code).toBe(0);
    expect((await cli(['document', caseDir, 'notice', '--format', 'docx', '--out', path.join(root, 'n.docx')])).code).toBe(0);

    // The report and the evidence list are not drafted: the case file lists them as not yet drafted.
    const caseFile = path.join(root, '案卷.pdf');
    const printed = await cli(['document', caseDir, 'casefile', '--format', 'pdf', '--out', caseFile]);
    expect(printed.err).toBe('');
    const caseText = pdfText(caseFile).replace(/\s+/gu, '');
    expect(caseText).toContain('行政处罚决定书');
    expect(caseText).toContain('罚款180000元（大写：壹拾捌万元整）');
    expect(caseText).toContain('共抓拍到访人员图片及录像数据5条');
    const record = withCase(caseDir, readAudit).find((e) => e.action === 'casefile.export')!.details as { documents: string[]; file: string };
    expect(record.documents.sort()).toEqual(['decision', 'notice']);
    expect(record.file).toBe(caseFile);
  }, 180_000);

  it('says what is wrong in one line', async () => {
    const caseDir = writeHandCase();
    const out = path.join(tempDir(), 'x.docx');
    expect((await cli(['document', caseDir, 'memo', '--format', 'docx', '--out', out])).err).toMatch(/unknown document "memo"/u);
    expect((await cli(['document', caseDir, 'decision', '--format', 'odt', '--out', out])).err).toMatch(/--format docx or --format pdf/u);
    expect((await cli(['document', caseDir, 'casefile', '--format', 'pdf', '--out', out, '--volume', 'third'])).err).toMatch(/main, secondary or both/u);
    expect((await cli(['document', caseDir, 'decision', '--format', 'pdf', '--out', out, '--unmask-faces'])).err).toMatch(/for the case file/u);
    const badFields = path.join(tempDir(), 'f.json');
    fs.writeFileSync(badFields, JSON.stringify({ fineYuan: 'lots' }));
    const bad = await cli(['document', caseDir, 'decision', '--format', 'docx', '--out', out, '--fields', badFields]);
    expect(bad.code).toBe(1);
    expect(bad.err).toMatch(/fineYuan/u);
    expect(fs.existsSync(out)).toBe(false);
  });
});
