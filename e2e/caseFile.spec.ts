/**
 * The case file (案卷) from the Documents screen, in Chromium through the browser host, on a sample case with its
 * truth applied as the review: draft the decision and the notice, then export the main volume's PDF from the
 * case file's row. The export runs as a job (its progress shown, the screen usable meanwhile: a document opens
 * while it runs); the file lands in the case's exports/, pdftotext finds the table of contents (卷内文件目录) and
 * the decision's title, and pdfinfo counts the pages the UI reports. Ticking "unmasked faces" shows its warning;
 * printing in the browser host downloads the PDF.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import type { SampleTruth } from '../electron/sample/generateSample';
import { applyTruthAsReview } from '../electron/findings/testing/truthReview';
import { runCli as run, startHost, tempDir, type Host } from './host';

const NUMBER = '禹市监处罚〔2022〕12号';
const PARTY = '禹州某房地产开发有限公司';
const ISSUER = '禹州市市场监督管理局';

let host: Host;
let caseDir: string;
let truth: SampleTruth;

const squash = (s: string) => s.normalize('NFKC').replace(/\s+/gu, '');

test.beforeAll(async () => {
  host = await startHost();
  const root = tempDir('faceaudit-e2e-casefile-');
  const sample = path.join(root, 'sample');
  run(['sample', sample, '--captures', '300', '--seed', '7', '--days', '40']);
  truth = JSON.parse(fs.readFileSync(path.join(sample, 'truth.json'), 'utf8')) as SampleTruth;
  caseDir = path.join(root, 'case');
  run(['case', 'create', caseDir, '--number', NUMBER, '--party', PARTY, '--handling-unit', ISSUER]);
  run(['import', caseDir, path.join(sample, 'archive')]);
  applyTruthAsReview(caseDir, truth);
});
test.afterAll(() => host?.stop());

async function openDocuments(page: Page): Promise<void> {
  await page.goto(host.url);
  await page.getByTestId('open-case-dir').fill(caseDir);
  await page.getByTestId('open-case').click();
  await expect(page.getByTestId('stat-captures')).toHaveText(String(truth.captures));
  await expect(page.getByTestId('open-documents')).toBeVisible();
  await page.getByTestId('open-documents').click();
  await expect(page.getByRole('heading', { level: 1 })).toContainText('文书');
}

test('export the case file PDF from the Documents screen: in exports/, its contents and decision, the pages the UI says', async ({ page }, testInfo) => {
  test.setTimeout(300_000);
  await openDocuments(page);
  for (const kind of ['decision', 'notice'] as const) {
    await page.getByTestId(`draft-doc-${kind}`).click();
    await expect(page.getByTestId(`doc-row-${kind}`)).toHaveAttribute('data-state', 'draft');
  }

  const panel = page.getByTestId('casefile-panel');
  await expect(panel).toBeVisible();
  await expect(page.getByTestId('casefile-volume-main')).toBeChecked();
  // Unmasked faces: off by default; ticked, a warning says what it means; unticked again for this export.
  await expect(page.getByTestId('casefile-unmask')).not.toBeChecked();
  await expect(page.getByTestId('casefile-unmask-warning')).toHaveCount(0);
  await page.getByTestId('casefile-unmask').check();
  await expect(page.getByTestId('casefile-unmask-warning')).toContainText('仅限内部复核使用');
  await panel.screenshot({ path: testInfo.outputPath('casefile-panel-unmask.png') });
  await page.getByTestId('casefile-unmask').uncheck();
  await expect(page.getByTestId('casefile-unmask-warning')).toHaveCount(0);

  const before = fs.existsSync(path.join(caseDir, 'exports')) ? fs.readdirSync(path.join(caseDir, 'exports')) : [];
  await page.getByTestId('casefile-export-pdf').click();
  // A job: its progress shows, the buttons wait, and the rest of the screen stays usable.
  await expect(page.getByTestId('casefile-progress-box')).toBeVisible();
  await expect(page.getByTestId('casefile-export-docx')).toBeDisabled();
  await panel.screenshot({ path: testInfo.outputPath('casefile-panel-running.png') });
  await page.getByTestId('open-doc-decision').click();
  await expect(page.getByTestId('doc-workspace')).toHaveAttribute('data-state', 'draft');

  const saved = page.getByTestId('casefile-saved');
  await expect(saved).toBeVisible({ timeout: 180_000 });
  await expect(page.getByTestId('casefile-progress-box')).toHaveCount(0);
  await panel.screenshot({ path: testInfo.outputPath('casefile-panel.png') });
  const pdfPath = (await saved.getAttribute('data-path'))!;
  const uiPages = Number(await saved.getAttribute('data-pages'));
  expect(path.dirname(pdfPath)).toBe(path.join(caseDir, 'exports'));
  expect(path.basename(pdfPath)).toMatch(/^案卷-正卷-\d{8}T\d{6}Z\.pdf$/u);
  expect(before).not.toContain(path.basename(pdfPath));
  expect(fs.existsSync(pdfPath)).toBe(true);
  await expect(saved).toContainText(`共 ${uiPages} 页`);

  const text = squash(spawnSync('pdftotext', ['-enc', 'UTF-8', pdfPath, '-'], { encoding: 'utf8' }).stdout);
  expect(text).toContain('卷内文件目录');
  expect(text).toContain('行政处罚决定书');
  expect(text).toContain(PARTY);
  const info = spawnSync('pdfinfo', [pdfPath], { encoding: 'utf8' }).stdout;
  const pages = Number(/^Pages:\s+(\d+)/mu.exec(info)?.[1]);
  expect(uiPages).toBeGreaterThan(3);
  expect(pages).toBe(uiPages);

  // The browser host offers the file as a download: the same bytes.
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('casefile-download').click()]);
  expect(fs.readFileSync((await download.path())!).equals(fs.readFileSync(pdfPath))).toBe(true);

  // Printing the secondary volume in the browser host: the PDF is made and downloaded, with the note.
  await page.getByTestId('casefile-volume-secondary').check();
  const [printed] = await Promise.all([
    page.waitForEvent('download', { timeout: 180_000 }),
    page.getByTestId('casefile-print').click(),
  ]);
  expect(fs.readFileSync((await printed.path())!).subarray(0, 5).toString('latin1')).toBe('%PDF-');
  await expect(page.getByTestId('casefile-print-note')).toContainText('浏览器版没有打印对话框');
  await expect(saved).toHaveAttribute('data-path', /案卷-副卷-/u);
});
