/**
 * Face analysis from the case overview, as an analyst runs it: import a folder of face photos, analyse them on this
 * machine with the default (onnx) model, read the summary; analysing again skips every capture already done; a
 * run cancelled with Esc keeps what it finished and the next run continues from there.
 */
import fs from 'node:fs';
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { startHost, tempDir, type Host } from './host';

const LFW = path.resolve(process.env.FACEAUDIT_FACES ?? path.join('..', 'shared', 'faces'), 'lfw-dev', 'images');

let host: Host;
test.beforeAll(async () => {
  host = await startHost();
});
test.afterAll(() => host?.stop());

/** The first photo of `count` people, copied as CAM01_20210418_093000_000.jpg, …, one a minute, so each gets a time. */
function facePhotos(count: number): string {
  const dir = tempDir('faceaudit-e2e-faces-');
  const people = fs.readdirSync(LFW).sort().slice(0, count);
  people.forEach((person, i) => {
    const photo = fs.readdirSync(path.join(LFW, person)).filter((f) => f.endsWith('.jpg')).sort()[0]!;
    const minutes = String(i % 60).padStart(2, '0');
    const hour = String(9 + Math.floor(i / 60)).padStart(2, '0');
    fs.copyFileSync(path.join(LFW, person, photo), path.join(dir, `CAM01_20210418_${hour}${minutes}00_000.jpg`));
  });
  return dir;
}

async function newCaseWithPhotos(page: Page, number: string, photos: string, count: number) {
  await page.goto(host.url);
  await page.getByTestId('new-case').click();
  await page.getByTestId('case-number').fill(number);
  await page.getByTestId('case-party').fill('某房地产开发有限公司');
  await page.getByTestId('case-submit').click();
  // Before any import: nothing to analyse, and the button says why it is off.
  await expect(page.getByTestId('faces-summary-with-image')).toHaveText('0');
  await expect(page.getByTestId('faces-start')).toBeDisabled();
  await page.getByTestId('import-path').fill(photos);
  await page.getByTestId('import-start').click();
  await expect(page.getByTestId('import-report')).toBeVisible({ timeout: 60_000 });
  await expect(page.getByTestId('stat-captures')).toHaveText(String(count));
  // The summary follows the import: every capture has an image, none is analysed yet, no model chosen.
  await expect(page.getByTestId('faces-summary-with-image')).toHaveText(String(count));
  await expect(page.getByTestId('faces-summary-analysed')).toHaveText('0');
  await expect(page.getByTestId('faces-summary-model')).toHaveAttribute('data-engine', '');
  await expect(page.getByTestId('faces-start')).toHaveText('开始分析');
  await expect(page.getByTestId('faces-engine-onnx')).toBeChecked();
  await expect(page.getByTestId('faces-engine-tfjs')).toBeEnabled();
}

test('analyse the faces of imported photos; analysing again skips them all', async ({ page }, testInfo) => {
  const count = 4;
  await newCaseWithPhotos(page, '禹市监处罚〔2022〕21号', facePhotos(count), count);

  const panel = page.getByTestId('faces-panel');
  await page.getByTestId('faces-start').click();
  // The progress while it runs (the worker pool loads its models first, so it is on screen for a moment).
  const progress = page.getByTestId('faces-progress-box');
  if (await progress.waitFor({ state: 'visible', timeout: 5_000 }).then(() => true, () => false)) {
    await panel.screenshot({ path: testInfo.outputPath('faces-running.zh.png') }).catch(() => undefined);
  }
  await expect(page.getByTestId('faces-result')).toBeVisible({ timeout: 120_000 });
  await expect(progress).toHaveCount(0);
  await expect(page.getByTestId('faces-error')).toHaveCount(0);

  // This run's report: every photo analysed, none skipped or unreadable, at least one face per photo.
  await expect(page.getByTestId('faces-result-analysed')).toHaveText(String(count));
  await expect(page.getByTestId('faces-result-skipped')).toHaveText('0');
  await expect(page.getByTestId('faces-result-failed')).toHaveText('0');
  const facesThisRun = Number(await page.getByTestId('faces-result-faces').textContent());
  expect(facesThisRun).toBeGreaterThanOrEqual(count);

  // The case's summary, refreshed when the job ended: the onnx model is now the case's, and tfjs is locked out.
  await expect(page.getByTestId('faces-summary-analysed')).toHaveText(String(count));
  await expect(page.getByTestId('faces-summary-failed')).toHaveText('0');
  await expect(page.getByTestId('faces-summary-faces')).toHaveText(String(facesThisRun));
  expect(Number(await page.getByTestId('faces-summary-recognisable').textContent())).toBeGreaterThanOrEqual(count);
  // Analysing also grouped the faces into persons: the overview's figures say so without leaving the page
  // (different people, one photo each: at least one person per photo's main face).
  await expect(page.getByTestId('persons-pending')).toHaveCount(0);
  expect(Number(await page.getByTestId('stat-persons').textContent())).toBeGreaterThanOrEqual(count);
  await expect(page.getByTestId('faces-summary-model')).toHaveAttribute('data-engine', 'onnx');
  await expect(page.getByTestId('faces-summary-model')).toContainText('本机 ONNX 模型（fr_feature@');
  await expect(page.getByTestId('faces-summary-last-run')).toHaveAttribute('data-state', 'done');
  await expect(page.getByTestId('faces-summary-last-run')).toContainText('已完成');
  await expect(page.getByTestId('faces-engine-tfjs')).toBeDisabled();
  await expect(page.getByTestId('faces-engine-locked')).toContainText('本机 ONNX 模型');
  await expect(page.getByTestId('faces-start')).toHaveText('再次分析');
  await panel.screenshot({ path: testInfo.outputPath('faces-done.zh.png') });

  // Again: nothing new, every capture skipped, the case's figures unchanged.
  await page.getByTestId('faces-start').click();
  await expect(page.getByTestId('faces-result-nothing-new')).toBeVisible({ timeout: 120_000 });
  await expect(page.getByTestId('faces-result-analysed')).toHaveText('0');
  await expect(page.getByTestId('faces-result-skipped')).toHaveText(String(count));
  await expect(page.getByTestId('faces-result-faces')).toHaveText('0');
  await expect(page.getByTestId('faces-summary-analysed')).toHaveText(String(count));
  await expect(page.getByTestId('faces-summary-faces')).toHaveText(String(facesThisRun));
  await expect(page.getByTestId('faces-summary-last-run')).toHaveAttribute('data-state', 'done');
  await panel.screenshot({ path: testInfo.outputPath('faces-again.zh.png') });

  // English on request.
  await page.getByTestId('lang-switch').click();
  await expect(page.getByTestId('faces-summary-model')).toContainText('Local ONNX model (fr_feature@');
  await expect(page.getByTestId('faces-start')).toHaveText('Analyse again');
  await panel.screenshot({ path: testInfo.outputPath('faces-again.en.png') });
});

test('Esc cancels an analysis after a confirmation; what was finished is kept and the next run continues', async ({ page }, testInfo) => {
  const count = 240;
  await newCaseWithPhotos(page, '禹市监处罚〔2022〕22号', facePhotos(count), count);

  await page.getByTestId('faces-start').click();
  const counts = page.getByTestId('faces-counts');
  // Wait until some captures are done, so the cancel keeps work (and the screenshot shows real progress).
  await expect.poll(async () => Number(/^(\d+)/u.exec((await counts.textContent()) ?? '')?.[1] ?? 0), { timeout: 120_000 }).toBeGreaterThan(0);
  await expect(page.getByTestId('faces-rate')).toContainText('张抓拍');
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('faces-confirm')).toContainText('已分析完的抓拍会保留');
  await page.getByTestId('faces-panel').screenshot({ path: testInfo.outputPath('faces-confirm.zh.png') });
  await page.getByTestId('faces-confirm-cancel').click();

  await expect(page.getByTestId('faces-error')).toHaveAttribute('data-error-code', 'faces.cancelled', { timeout: 60_000 });
  await expect(page.getByTestId('faces-error')).toContainText('已完成的部分已保存');
  await expect(page.getByTestId('faces-summary-last-run')).toHaveAttribute('data-state', 'cancelled');
  const kept = Number(await page.getByTestId('faces-summary-analysed').textContent());
  expect(kept).toBeGreaterThan(0);
  expect(kept).toBeLessThan(count);
  await expect(page.getByTestId('faces-start')).toHaveText('继续分析');
  await page.getByTestId('faces-panel').screenshot({ path: testInfo.outputPath('faces-cancelled.zh.png') });

  await page.getByTestId('faces-start').click();
  await expect(page.getByTestId('faces-result')).toBeVisible({ timeout: 120_000 });
  await expect(page.getByTestId('faces-result-skipped')).toHaveText(String(kept));
  await expect(page.getByTestId('faces-result-analysed')).toHaveText(String(count - kept));
  await expect(page.getByTestId('faces-summary-analysed')).toHaveText(String(count));
  await expect(page.getByTestId('faces-start')).toHaveText('再次分析');
});
