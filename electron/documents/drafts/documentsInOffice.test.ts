/**
 * The end-to-end check: on a sample archive (electron/sample, with its truth.json) imported and reviewed
 * to match the truth, each drafted document is written as DOCX, opened and converted by LibreOffice headless (a
 * real client), and read back with pdftotext: every required section is there, the sample case's exact figures,
 * and the article quotes equal the statute files character for character (only layout's line breaks and page
 * numbers are taken out).
 */
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { resolveText } from '../../../shared/documents/figureTokens';
import { facesDir } from '../../cli/paths';
import { importEvidence } from '../../evidence/importEvidence';
import { applyTruthAsReview } from '../../findings/testing/truthReview';
import { generateSample, type SampleTruth } from '../../sample/generateSample';
import { openCase } from '../../store/caseStore';
import { newCase, tempDir } from '../../testing/fixtures';
import { renderDocx } from '../render/docx';
import { documentModel, draftDocument } from '../store/documentActions';
import { convertWithLibreOffice, pdfText } from '../testing/officeClient';
import { caseFigures } from './draftContext';
import { CONSUMER_LAW, PENALTY_MEASURES, statuteLines } from './testing/statuteFile';
import type { DocumentRecord } from '../../../shared/documentsApi';

/** Text without layout: whitespace, line breaks and the page numbers (— 1 —) between pages removed. */
const compact = (text: string) => text.replace(/—\s*\d+\s*—/gu, '').replace(/\s+/gu, '');

describe.skipIf(!fs.existsSync(facesDir()))('documents opened in LibreOffice', () => {
  let root: string;
  let truth: SampleTruth;
  let caseDir: string;
  const pdfs = new Map<string, string>();
  const records = new Map<string, DocumentRecord>();

  beforeAll(async () => {
    root = tempDir('faceaudit-documents-office-');
    truth = await generateSample({ outDir: path.join(root, 'sample'), captures: 300, seed: 7, days: 30, facesDir: facesDir() });
    caseDir = newCase(root);
    await importEvidence(caseDir, path.join(root, 'sample', 'archive'));
    applyTruthAsReview(caseDir, truth);
    const db = openCase(caseDir);
    try {
      for (const kind of ['decision', 'notice', 'report', 'evidence'] as const) {
        const fields = {
          ...(records.get('decision')?.fields ?? draftDocument(db, 'decision').fields),
          issuer: { name: '禹州市市场监督管理局', code: '禹市监' },
          fineYuan: 200000, filingDate: '2021-10-15', noticeDate: '2022-04-20', decisionDate: '2022-05-10', reportDate: '2022-04-10',
        };
        records.set(kind, draftDocument(db, kind, { all: true, fields }));
        const file = path.join(root, `${kind}.docx`);
        fs.writeFileSync(file, await renderDocx(documentModel(db, kind)));
        pdfs.set(kind, await convertWithLibreOffice(file, root));
      }
    } finally {
      db.close();
    }
  }, 300_000);

  it('print every required section of each document, as drafted', () => {
    const { table } = (() => {
      const db = openCase(caseDir);
      try { return caseFigures(db); } finally { db.close(); }
    })();
    for (const [kind, record] of records) {
      // Raw order: a table's cells come out one after another, not interleaved by the page's columns.
      const text = compact(pdfText(pdfs.get(kind)!, 'raw'));
      for (const section of record.sections.filter((s) => s.required)) {
        const lines = resolveText(section.text, table).split('\n').flatMap((l) => l.split('\t')).map(compact).filter(Boolean);
        for (const line of lines) expect(text, `${kind}.${section.id}: ${line.slice(0, 30)}…`).toContain(line);
      }
    }
  });

  it('print the sample case\'s exact figures', () => {
    const decision = compact(pdfText(pdfs.get('decision')!, 'raw'));
    const date = (iso: string) => { const [y, m, d] = iso.slice(0, 10).split('-').map(Number); return `${y}年${m}月${d}日`; };
    expect(decision).toContain(`经查，${date(truth.period.first)}至${date(truth.period.last)}期间`);
    expect(decision).toContain(`安装人脸识别抓拍摄像头${truth.cameras.length}个`);
    expect(decision).toContain(`共抓拍到访人员图片及录像数据${truth.captures}条`);
    expect(decision).toContain(`有抓拍记录的日期共${truth.daysActive}天`);
    expect(decision).toContain(`涉及不同自然人${truth.persons}人`);
    expect(decision).toContain(`其中经确认的销售中心工作人员${truth.staff}人、其他到访人员${truth.visitors}人`);
    expect(decision).toContain('罚款200000元（大写：贰拾万元整）');
    expect(decision).toContain('禹州市人民政府申请行政复议');
  });

  it('quote the articles character for character as the statute files give them', () => {
    const law29 = statuteLines(CONSUMER_LAW, '第二十九条')[0]!;
    const measures11 = statuteLines(PENALTY_MEASURES, '第十一条');
    const law56 = statuteLines(CONSUMER_LAW, '第五十六条');
    for (const kind of ['decision', 'notice', 'report'] as const) {
      const text = compact(pdfText(pdfs.get(kind)!, 'raw'));
      expect(text, kind).toContain(compact(`《中华人民共和国消费者权益保护法》第二十九条第一款“${law29}”`));
      expect(text, kind).toContain(compact(`第十一条第一款第（一）项“${measures11[0]}${measures11[1]}”`));
      expect(text, kind).toContain(compact(`第五十六条第一款第（九）项“${law56[0]}${law56.find((l) => l.startsWith('（九）'))}”`));
    }
  });
});
