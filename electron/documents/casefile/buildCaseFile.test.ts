/**
 * The case file printed through headless Chromium and read back with pdftotext: the table of contents' numbers
 * are the pages each part starts on, every part's title is on its first page (whose footer says that number),
 * and the vault is never written. Uses testing/pictureCase.ts (5 captures, 4 with faces) and testing/caseDocuments.ts.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openCaseDb, type CaseDb } from '../../store/caseDb';
import { vaultFile } from '../../evidence/vault';
import { tempDir } from '../../testing/fixtures';
import { chromiumPrinter, pdfPageCount } from '../render/pdf';
import { pdfPageTexts } from '../testing/pdfTools';
import { buildCaseFile, type CaseFile } from './buildCaseFile';
import { PAPER_NOTE } from './caseFileContents';
import { DECISION_NUMBER, NOTICE_NUMBER, handDocuments } from './testing/caseDocuments';
import { writePictureCase, type PictureCase } from './testing/pictureCase';
import { pageRange } from './volumeSheets';

let pc: PictureCase;
let db: CaseDb;
let both: CaseFile;
let pages: string[];
const out = tempDir('faceaudit-casefile-pdf-');
const sha = (file: string) => crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex');
let vaultBefore: Map<string, string>;

beforeAll(async () => {
  pc = await writePictureCase();
  vaultBefore = new Map([...pc.pictures.values()].map((s) => [s, sha(vaultFile(pc.caseDir, s))]));
  db = openCaseDb(pc.caseDir);
  both = await buildCaseFile(db, { printer: chromiumPrinter(), volume: 'both', documents: handDocuments(), filedOn: '2021-10-20' });
  const file = path.join(out, 'both.pdf');
  fs.writeFileSync(file, both.pdf);
  pages = pdfPageTexts(file);
}, 300_000);
afterAll(() => db?.close());

/** The page number in a page's footer: "— 7 —". */
function footerNumber(text: string): number | null {
  const m = /—\s*(\d+)\s*—/u.exec(text);
  return m ? Number(m[1]) : null;
}
/**
 * Whitespace out, and compatibility forms folded: pdftotext reads some glyphs of the charts' font as Kangxi
 * radicals (⽇ U+2F47 for 日), which NFKC maps back; applied to both sides of a comparison.
 */
const squash = (s: string) => s.normalize('NFKC').replace(/\s+/gu, '');

describe('case file', () => {
  it('puts every part where the pagination says, its title on its first page, whose footer prints that number', () => {
    expect(pages.length).toBe(pdfPageCount(both.pdf));
    expect(both.pages.reduce((s, p) => s + p.count, 0)).toBe(pages.length);
    const titles: Record<string, string> = {
      '案卷封面（正卷）': '行政处罚案卷', '案卷封面（副卷）': '行政处罚案卷',
      '卷内文件目录（正卷）': '卷内文件目录', '卷内文件目录（副卷）': '卷内文件目录',
      '卷内备考表（正卷）': '卷内备考表', '卷内备考表（副卷）': '卷内备考表',
    };
    let expectedFirst = 1;
    for (const part of both.pages) {
      expect(part.first, part.title).toBe(expectedFirst);
      const text = pages[part.first - 1]!;
      expect(squash(text), part.title).toContain(squash(titles[part.title] ?? part.title));
      expect(footerNumber(text), part.title).toBe(part.first);
      expectedFirst += part.count;
    }
    // The decision runs onto a second page, so the contents print a range.
    const decision = both.pages.find((p) => p.title === '行政处罚决定书')!;
    expect(decision.count).toBe(2);
  });

  it('prints in the table of contents the pages where the parts really are, paper items listed without pages', () => {
    for (const volume of ['main', 'secondary'] as const) {
      const tocPage = both.pages.find((p) => p.title.startsWith('卷内文件目录') && p.volume === volume)!;
      const text = pages.slice(tocPage.first - 1, tocPage.first - 1 + tocPage.count).join('\n');
      const entries = both.toc.filter((e) => e.volume === volume);
      for (const [i, entry] of entries.entries()) {
        // The row's first line: its number, the start of its title (a long title wraps in its cell), and (printed
        // items) its page range or (paper) the note.
        const row = text.split('\n').find((line) => new RegExp(`^\\s*${i + 1}\\s+${entry.title.slice(0, 6)}`, 'u').test(line));
        expect(row, entry.title).toBeDefined();
        if (entry.first === null) {
          expect(entry.note).toBe(PAPER_NOTE);
          expect(row).toContain(PAPER_NOTE);
          continue;
        }
        const range = pageRange(entry.first, entry.count);
        expect(row!.split(/\s+/u), entry.title).toContain(range);
        // And that page holds the item's title (the document's own title block).
        expect(squash(pages[entry.first - 1]!), entry.title).toContain(squash(entry.title));
      }
    }
    const decision = both.toc.find((e) => e.title === '行政处罚决定书')!;
    expect(decision).toMatchObject({ docNumber: DECISION_NUMBER, date: '2022年5月27日', count: 2 });
    expect(both.toc.find((e) => e.title === '行政处罚告知书')).toMatchObject({ docNumber: NOTICE_NUMBER, date: '2022年5月10日' });
  });

  it('orders the volumes as 程序规定 第七十八条 does', () => {
    expect(both.toc.filter((e) => e.volume === 'main').map((e) => e.title)).toEqual([
      '立案审批表', '行政处罚决定书', '行政处罚决定书送达回证', '行政处罚告知书', '行政处罚告知书送达回证', '证据清单', '抓拍数据统计图表', '抓拍样图',
    ]);
    expect(both.toc.filter((e) => e.volume === 'secondary').map((e) => e.title)).toEqual(['案源材料', '案件调查终结报告', '审核意见', '结案审批表']);
  });

  it('states on the cover and the closing sheet how many items and pages the volume has', () => {
    const main = both.pages.filter((p) => p.volume === 'main');
    const mainPages = main.reduce((s, p) => s + p.count, 0);
    const cover = squash(pages[0]!);
    expect(cover).toContain(squash('本卷件数8件（其中纸质件3件另附）'));
    expect(cover).toContain(squash(`本卷页数打印页${mainPages}页`));
    expect(cover).toContain('2021年10月20日');
    const closing = main.at(-1)!;
    expect(squash(pages[closing.first - 1]!)).toContain(squash(`本卷共有文件材料8件，打印页${mainPages}页`));
    expect(squash(pages[closing.first - 1]!)).toContain(squash('已遮挡（2处）'));
  });

  it('prints the sample with each picture traceable to the vault, two bystanders masked, the vault unchanged', () => {
    expect(both.sample.map((s) => [s.captureId, s.faces, s.masked])).toEqual([[1, 1, 0], [2, 3, 2], [3, 1, 0], [4, 1, 0]]);
    expect(both.maskedFaces).toBe(2);
    const samplePage = both.pages.find((p) => p.title === '抓拍样图')!;
    const text = squash(pages.slice(samplePage.first - 1, samplePage.first - 1 + samplePage.count).join(''));
    for (const s of both.sample) {
      expect(text).toContain(squash(`抓拍记录${s.captureId}`));
      expect(text).toContain(s.sha256.slice(0, 16));
    }
    expect(text).toContain('2021年4月18日9:30:15');
    for (const [s, before] of vaultBefore) expect(sha(vaultFile(pc.caseDir, s))).toBe(before);
  });

  it('prints the charts with the figures of the case', () => {
    const charts = both.pages.find((p) => p.title === '抓拍数据统计图表')!;
    const text = squash(pages.slice(charts.first - 1, charts.first - 1 + charts.count).join(''));
    // Hand-counted from testing/pictureCase.ts: 5 captures on 3 days, 2 of 3 cameras, busiest hour Tuesday 20:00.
    expect(text).toContain(squash('2021年4月18日至2021年4月20日，共3天，其中3天有抓拍，合计抓拍5次'));
    expect(text).toContain(squash('设备清单中共有摄像头3个，其中2个有抓拍记录，合计抓拍5次'));
    expect(text).toContain(squash('最集中的时段为周二20时至21时（2次）'));
  });
});
