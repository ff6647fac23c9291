/**
 * The PDF through headless Chromium's print engine: the same texts as the DOCX, A4 from the page's CSS, page
 * numbers on the outer side, the 22 × 28 grid, an embedded CJK font and no missing glyphs.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { UserError } from '../../../shared/messages';
import { pdfToPngs } from '../testing/pdfTools';
import { gridTestModel, numberBreakTestModel, sampleDocumentModel, signatureTestModel } from '../testing/sampleDocument';
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
import { chromiumPrinter, pdfPageCount, renderPdf } from './pdf';

let dir: string;
let pdf: string;
let bytes: Buffer;

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'faceaudit-pdf-test-'));
  bytes = await renderPdf(await sampleDocumentModel(), chromiumPrinter());
  pdf = path.join(dir, 'sample.pdf');
  fs.writeFileSync(pdf, bytes);
});

afterAll(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('renderPdf with headless Chromium', () => {
  it('prints on A4 from the page CSS', () => expectA4(pdf));
  it('shows every text, the statute quote character for character', () => expectSampleText(pdf));
  it('repeats the table header on the next page', () => expectRepeatedHeader(pdf));
  it('numbers every page on the outer side, 7 mm under the text block', () => expectOuterPageNumbers(pdf, { middleToleranceMm: 1.5 }));
  it('embeds its fonts (an open CJK font where the official ones are absent)', () => expectEmbeddedFonts(pdf));
  it('counts its pages as pdfinfo does', () => {
    const info = execFileSync('pdfinfo', [pdf], { encoding: 'utf8' });
    expect(pdfPageCount(bytes)).toBe(Number(/Pages:\s+(\d+)/.exec(info)?.[1]));
    expect(pdfPageCount(bytes)).toBeGreaterThanOrEqual(4);
  });
  it('sets 22 lines of 28 characters on a page', async () => {
    const grid = path.join(dir, 'grid.pdf');
    fs.writeFileSync(grid, await renderPdf(gridTestModel(), chromiumPrinter()));
    expectGrid(grid);
  });
  it('breaks lines between numbers, never inside one (no "10月1 / 5日")', async () => {
    const file = path.join(dir, 'numbers.pdf');
    fs.writeFileSync(file, await renderPdf(numberBreakTestModel(), chromiumPrinter()));
    expectNumbersUnbroken(file);
  });
  it('takes body text along onto the signature\'s page, never the signature alone (GB/T 9704 §7.3.5)', async () => {
    const file = path.join(dir, 'signature.pdf');
    fs.writeFileSync(file, await renderPdf(signatureTestModel(), chromiumPrinter()));
    expectSignatureWithBody(file);
  });
  it('renders pages to PNG for a look', () => {
    expect(pdfToPngs(pdf, path.join(os.tmpdir(), 'faceaudit-render-png', 'pdf'), { last: 3 })).toHaveLength(3);
  });
});

describe('chromiumPrinter', () => {
  it('says which Chromium it could not find, as a user error', async () => {
    const printer = chromiumPrinter({ executable: path.join(os.tmpdir(), 'no-such-chromium') });
    const error = await printer.print('<p>x</p>').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UserError);
    expect((error as UserError).code).toBe('documents.pdf.noChromium');
    expect((error as UserError).message).toContain('no-such-chromium');
  });
});
