/**
 * The DOCX as a reader gets it: the XML says the GB/T 9704 page, and LibreOffice (a real client, headless) opens
 * it and prints it with every text, the page numbers on the outer side and the 22 × 28 grid.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { docxPart, docxParts } from '../testing/docxParts';
import { convertWithLibreOffice, pdfFonts, pdfToPngs } from '../testing/officeClient';
import { gridTestModel, numberBreakTestModel, sampleDocumentModel, signatureTestModel } from '../testing/sampleDocument';
import { renderDocx } from './docx';
import {
  expectA4,
  expectEmbeddedFonts,
  expectGrid,
  expectNumbersUnbroken,
  expectOuterPageNumbers,
  expectRepeatedHeader,
  expectSampleText,
  expectSignatureWithBody,
} from './expectLayout';

let dir: string;
let docx: Buffer;
let parts: Map<string, string>;
let pdf: string;

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'faceaudit-docx-test-'));
  docx = await renderDocx(await sampleDocumentModel());
  parts = await docxParts(docx);
  const file = path.join(dir, 'sample.docx');
  fs.writeFileSync(file, docx);
  pdf = await convertWithLibreOffice(file, dir);
});

afterAll(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('renderDocx: what the file says', () => {
  it('is A4 with the GB/T 9704 margins in twips, with the 22-line pitch, in every section', () => {
    const xml = docxPart(parts, 'word/document.xml');
    const sections = xml.match(/<w:sectPr\b.*?<\/w:sectPr>/g) ?? [];
    expect(sections).toHaveLength(2);
    for (const section of sections) {
      expect(section).toMatch(/<w:pgSz w:w="11906" w:h="16838"/);
      expect(section).toMatch(/<w:pgMar w:top="2098" w:right="1474" w:bottom="1984" w:left="1587"/);
      expect(section).toContain('<w:docGrid w:type="default" w:linePitch="579"/>');
    }
    // The second part starts on a new page.
    expect(sections[1]).toContain('<w:type w:val="nextPage"/>');
  });

  it('names the official fonts and sizes in its styles: 仿宋 3号, 小标宋 2号, 黑体, 楷体', () => {
    const styles = docxPart(parts, 'word/styles.xml');
    const style = (id: string): string => new RegExp(`<w:style [^>]*w:styleId="${id}".*?</w:style>`).exec(styles)?.[0] ?? '';
    expect(style('FABody')).toContain('w:eastAsia="FangSong_GB2312"');
    expect(style('FABody')).toContain('<w:sz w:val="32"/>');
    expect(style('FABody')).toContain('w:firstLineChars="200"');
    expect(style('FABody')).toContain('<w:spacing w:line="579" w:lineRule="exact"/>');
    // 28 characters of 16 − 0.25 pt fill the 442.25 pt line.
    expect(style('FABody')).toContain('<w:spacing w:val="-5"/>');
    expect(style('Title')).toContain('w:eastAsia="FZXiaoBiaoSong-B05S"');
    expect(style('Title')).toContain('<w:sz w:val="44"/>');
    expect(style('Heading1')).toContain('w:eastAsia="SimHei"');
    expect(style('Heading2')).toContain('w:eastAsia="KaiTi_GB2312"');
    expect(style('Heading3')).toContain('<w:b/>');
    expect(style('FAFooter')).toContain('w:eastAsia="SimSun"');
    expect(style('FAFooter')).toContain('<w:sz w:val="28"/>');
  });

  it('numbers pages on the outer side: odd footer right, even footer left, with a PAGE field', () => {
    expect(docxPart(parts, 'word/settings.xml')).toContain('<w:evenAndOddHeaders/>');
    const rels = docxPart(parts, 'word/_rels/document.xml.rels');
    const xml = docxPart(parts, 'word/document.xml');
    const firstSection = /<w:sectPr\b.*?<\/w:sectPr>/.exec(xml)?.[0] ?? '';
    const footerFile = (type: string): string => {
      const id = new RegExp(`<w:footerReference w:type="${type}" r:id="(\\w+)"`).exec(firstSection)?.[1];
      const target = new RegExp(`Id="${id}"[^>]*Target="([^"]+)"`).exec(rels)?.[1] ?? new RegExp(`Target="([^"]+)"[^>]*Id="${id}"`).exec(rels)?.[1];
      return docxPart(parts, `word/${target}`);
    };
    const odd = footerFile('default');
    const even = footerFile('even');
    for (const footer of [odd, even]) {
      expect(footer).toMatch(/<w:instrText[^>]*>PAGE<\/w:instrText>/);
      expect(footer).toContain('— </w:t>');
      expect(footer).toContain('禹市监处罚〔2022〕12号');
    }
    // With footer text, the number stands at a right tab (odd) or first, after a one-character indent (even).
    expect(odd).toMatch(/<w:tab w:val="right" w:pos="8565"\/>/);
    expect(odd.indexOf('禹市监处罚')).toBeLessThan(odd.indexOf('PAGE'));
    expect(even).toContain('<w:ind w:left="280"/>');
    expect(even.indexOf('PAGE')).toBeLessThan(even.indexOf('禹市监处罚'));
  });

  it('repeats the table header row and keeps rows whole', () => {
    const xml = docxPart(parts, 'word/document.xml');
    const header = /<w:tr>.*?<\/w:tr>/.exec(xml.slice(xml.indexOf('证据清单')))?.[0] ?? '';
    expect(header).toContain('<w:tblHeader/>');
    expect(header).toContain('<w:cantSplit/>');
    expect(header).toContain('序号');
  });

  it('tags Latin text (digits) as English and CJK as Chinese, so readers break lines between numbers, not inside them', () => {
    // With w:val="zh-CN", LibreOffice sets the digits as Western text in Chinese and breaks "10月1 / 5日".
    expect(docxPart(parts, 'word/styles.xml')).toMatch(/<w:docDefaults>.*<w:lang w:val="en-US" w:eastAsia="zh-CN"\/>.*<\/w:docDefaults>/);
  });

  it('keeps the last body paragraph with the signature, and the signature in one piece', () => {
    const xml = docxPart(parts, 'word/document.xml');
    const paragraphs = xml.match(/<w:p>.*?<\/w:p>|<w:p [^>]*>.*?<\/w:p>/g) ?? [];
    const signature = paragraphs.findIndex((p) => p.includes('FASignature'));
    expect(signature).toBeGreaterThan(0);
    // Before the signature: the blank line under the last picture (图2), kept with it as its caption is.
    expect(paragraphs[signature - 1]).toContain('<w:keepNext/>');
    expect(paragraphs[signature]).toContain('<w:keepNext/>');
  });

  it('keeps a lead-in ending in a colon with the list it introduces', async () => {
    const xml = docxPart(
      await docxParts(
        await renderDocx({
          kind: 'decision',
          title: '引语',
          parts: [
            {
              title: '引语',
              blocks: [
                { kind: 'paragraph', runs: [{ text: '上述事实，有以下证据证明：' }] },
                { kind: 'list', items: [[{ text: '1. 现场检查笔录；' }]] },
              ],
            },
          ],
        }),
      ),
      'word/document.xml',
    );
    const leadIn = /<w:p>(?:(?!<\/w:p>).)*上述事实(?:(?!<\/w:p>).)*<\/w:p>/.exec(xml)?.[0] ?? '';
    expect(leadIn).toContain('<w:keepNext/>');
  });

  it('embeds the SVG chart as PNG and the JPEG as it is', () => {
    const media = docxPart(parts, '[Content_Types].xml');
    expect(media).toContain('Extension="png"');
    expect(media).toMatch(/Extension="jpe?g"/);
  });
});

describe('renderDocx: opened in LibreOffice', () => {
  it('prints on A4', () => expectA4(pdf));
  it('shows every text, the statute quote character for character', () => expectSampleText(pdf));
  it('repeats the table header on the next page', () => expectRepeatedHeader(pdf));
  it('numbers every page on the outer side', () => expectOuterPageNumbers(pdf, { middleToleranceMm: 2.5 }));
  it('embeds its fonts', () => expectEmbeddedFonts(pdf));
  it('sets each role in a CJK face where the official fonts are absent (no tofu): Song, Hei, Kai', () => {
    // fontconfig maps FangSong_GB2312/FZXiaoBiaoSong/SimSun → Noto Serif CJK, SimHei → Noto Sans CJK,
    // KaiTi_GB2312 → AR PL UKai: without the mapping LibreOffice sets all of them but SimSun in Noto Sans CJK.
    const names = pdfFonts(pdf).map((f) => f.name);
    expect(names.some((n) => /NotoSerifCJK/.test(n))).toBe(true);
    expect(names.some((n) => /NotoSansCJK/.test(n))).toBe(true);
    expect(names.some((n) => /UKai/.test(n))).toBe(true);
    expect(names.filter((n) => !/CJK|UKai/.test(n))).toEqual([]);
  });
  it('renders pages to PNG for a look', () => {
    const pngs = pdfToPngs(pdf, path.join(os.tmpdir(), 'faceaudit-render-png', 'docx'), { last: 3 });
    expect(pngs).toHaveLength(3);
  });
  it('sets 22 lines of 28 characters on a page', async () => {
    const file = path.join(dir, 'grid.docx');
    fs.writeFileSync(file, await renderDocx(gridTestModel()));
    expectGrid(await convertWithLibreOffice(file, dir));
  });
  it('breaks lines between numbers, never inside one (no "10月1 / 5日")', async () => {
    const file = path.join(dir, 'numbers.docx');
    fs.writeFileSync(file, await renderDocx(numberBreakTestModel()));
    expectNumbersUnbroken(await convertWithLibreOffice(file, dir));
  });
  it('takes body text along onto the signature\'s page, never the signature alone (GB/T 9704 §7.3.5)', async () => {
    const file = path.join(dir, 'signature.docx');
    fs.writeFileSync(file, await renderDocx(signatureTestModel()));
    expectSignatureWithBody(await convertWithLibreOffice(file, dir));
  });
});
