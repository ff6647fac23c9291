/**
 * Issue 3 as an analyst walks it: a sheet whose headers are not recognised goes through the column-mapping step
 * (header row, a field per column, kind, time format, a saved profile); the figures come out as hand-counted;
 * the evidence verifies, and a vault file tampered behind the app's back is caught; a ZIP imports with progress
 * and its report names the archive.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import sharp from 'sharp';
import yazl from 'yazl';
import { makeSample, startHost, tempDir, type Host } from './host';
import { expectCleanImportReport } from './importReport';

let host: Host;
test.beforeAll(async () => {
  host = await startHost();
});
test.afterAll(() => host?.stop());

const sha256 = (file: string) => createHash('sha256').update(fs.readFileSync(file)).digest('hex');

async function newCase(page: Page, number: string): Promise<string> {
  await page.goto(host.url);
  await page.getByTestId('new-case').click();
  await page.getByTestId('case-number').fill(number);
  await page.getByTestId('case-party').fill('某房地产开发有限公司');
  await page.getByTestId('case-submit').click();
  await expect(page.getByTestId('case-number-display')).toHaveText(number);
  return (await page.locator('.case-meta .meta-wide dd').textContent())!.trim();
}

// A platform export nobody taught the app: a title line, then English-ish headers, slash dates without padding.
const ROWS = [
  ['2021/4/18 9:30:15', '大厅A', 'a01.jpg'],
  ['2021/4/18 10:02:00', '大厅A', 'a02.jpg'],
  ['2021/4/18 23:59:59', '沙盘区', 'a03.jpg'],
  ['2021/4/19 0:00:01', '沙盘区', 'a04.jpg'],
  ['2021/4/20 14:20:30', '大厅A', 'a05.jpg'],
  ['2021/4/20 15:00:00', '洽谈区', 'a06.jpg'],
  ['2021/4/20 15:00:07', '大厅A', 'a07.jpg'],
];
// Hand-counted from ROWS (times are local to the case zone, Asia/Shanghai).
const PER_DAY = [
  { date: '2021-04-18', captures: 3 },
  { date: '2021-04-19', captures: 1 },
  { date: '2021-04-20', captures: 3 },
];

test('an unrecognised sheet is mapped in the UI, imported with the saved profile, and the evidence verifies', async ({ page }, testInfo) => {
  const archive = tempDir('faceaudit-e2e-mapping-');
  const csv = ['某平台抓拍导出 2021-04,,', 'when,where,pic', ...ROWS.map((r) => r.join(','))].join('\n') + '\n';
  fs.writeFileSync(path.join(archive, 'export.csv'), csv);
  for (const [i, [, , pic]] of ROWS.entries()) {
    await sharp({ create: { width: 48, height: 48, channels: 3, background: { r: 40 * i, g: 120, b: 200 - 20 * i } } })
      .jpeg()
      .toFile(path.join(archive, pic!));
  }

  const caseDir = await newCase(page, '禹市监处罚〔2022〕21号');
  await page.getByTestId('import-path').fill(archive);
  await page.getByTestId('import-start').click();

  // The mapping step, not an import: nothing mapped yet, so the capture time and camera are asked for.
  const step = page.getByTestId('mapping-step');
  await expect(step).toBeVisible();
  await expect(step.getByTestId('mapping-sheet')).toHaveAttribute('data-file', 'export.csv');
  await expect(page.getByTestId('mapping-validation')).toContainText('抓拍时间');
  await expect(page.getByTestId('mapping-profile-name')).toHaveValue('export');
  // Sheet row numbers in the first column, the title line among them.
  await expect(page.getByTestId('mapping-preview-table').locator('tbody th').first()).toHaveText('1');

  await page.getByTestId('mapping-header-row').selectOption('2');
  await page.getByTestId('mapping-column-0').selectOption('time');
  await page.getByTestId('mapping-column-1').selectOption('cameraName');
  await page.getByTestId('mapping-column-2').selectOption('faceImage');
  await page.getByTestId('mapping-kind').selectOption('captures');
  await page.getByTestId('mapping-time-format').fill('yyyy/M/d H:mm:ss');
  await page.getByTestId('mapping-profile-name').fill('某平台导出');
  await expect(page.getByTestId('mapping-validation')).toContainText('必需的列已齐全');
  await page.screenshot({ path: testInfo.outputPath('mapping-step.png'), fullPage: true });

  await page.getByTestId('mapping-save-import').click();
  await expect(page.getByTestId('import-report')).toBeVisible({ timeout: 60_000 });
  await expect(page.getByTestId('mapping-step')).toHaveCount(0);
  await expectCleanImportReport(page, ROWS.length);
  await expect(page.getByTestId('import-report-kind')).toHaveText('文件夹');
  await expect(page.getByTestId('import-report-time-sources').locator('[data-source=sheet]')).toHaveAttribute('data-count', String(ROWS.length));
  await expect(page.getByTestId('import-report-sheet-list')).toContainText('抓拍记录');

  await expect(page.getByTestId('stat-captures')).toHaveText(String(ROWS.length));
  await expect(page.getByTestId('stat-cameras')).toHaveText('3');
  await expect(page.getByTestId('stat-days')).toHaveText('3');
  await expect(page.getByTestId('stat-first')).toHaveText('2021年4月18日 09:30:15');
  await expect(page.getByTestId('stat-last')).toHaveText('2021年4月20日 15:00:07');
  const table = await page.getByTestId('per-day-row').evaluateAll((rows) =>
    rows.map((r) => ({ date: r.getAttribute('data-date'), captures: Number(r.querySelector('[data-testid=per-day-count]')?.textContent) })),
  );
  expect(table).toEqual(PER_DAY);
  await page.getByTestId('import-report').screenshot({ path: testInfo.outputPath('report-mapped.png') });

  // The profile was saved: a second import of the same export offers it, and it fits.
  await page.getByTestId('import-start').click();
  await expect(page.getByTestId('mapping-step')).toBeVisible();
  await page.getByTestId('mapping-profile-select').selectOption('某平台导出');
  await expect(page.getByTestId('mapping-profile-fit')).toContainText('方案适用');
  await expect(page.getByTestId('mapping-column-1')).toHaveValue('cameraName');
  await page.getByTestId('mapping-cancel').click();
  await expect(page.getByTestId('mapping-step')).toHaveCount(0);

  // Verify: everything as imported.
  await page.getByTestId('verify-start').click();
  await expect(page.getByTestId('verify-report')).toBeVisible({ timeout: 60_000 });
  await expect(page.getByTestId('verify-report')).toHaveAttribute('data-ok', 'true');
  await expect(page.getByTestId('verify-banner')).toContainText('校验通过');
  await expect(page.getByTestId('verify-vault-files')).toHaveText(String(ROWS.length + 1));
  await expect(page.getByTestId('verify-mismatched')).toHaveText('0');
  await expect(page.getByTestId('verify-audit')).toContainText('完整');
  await expect(page.getByTestId('verify-original-row')).toHaveAttribute('data-reachable', 'true');
  await page.getByTestId('verify-panel').screenshot({ path: testInfo.outputPath('verify-pass.png') });

  // Tamper with one vault copy behind the app's back: the next check names it.
  const hash = sha256(path.join(archive, 'a03.jpg'));
  const vaultFile = path.join(caseDir, 'vault', hash.slice(0, 2), hash);
  fs.chmodSync(vaultFile, 0o644);
  fs.appendFileSync(vaultFile, 'tampered');
  await page.getByTestId('verify-start').click();
  await expect(page.getByTestId('verify-report')).toHaveAttribute('data-ok', 'false', { timeout: 60_000 });
  await expect(page.getByTestId('verify-banner')).toContainText('未通过');
  await expect(page.getByTestId('verify-mismatched')).toHaveText('1');
  await expect(page.getByTestId('verify-problem-list')).toContainText(hash.slice(0, 12));
  await expect(page.getByTestId('verify-problem-list')).toContainText('内容被改动');
  await page.getByTestId('verify-panel').screenshot({ path: testInfo.outputPath('verify-fail.png') });
});

test('a ZIP imports with progress, and the report names the archive and its hash as received', async ({ page }, testInfo) => {
  const { archive, truth } = makeSample(2000, 7);
  const zipPath = path.join(tempDir('faceaudit-e2e-zip-'), '抓拍导出.zip');
  await new Promise<void>((resolve, reject) => {
    const zip = new yazl.ZipFile();
    const walk = (dir: string, rel: string) => {
      for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
        const abs = path.join(dir, entry.name);
        const name = rel ? `${rel}/${entry.name}` : entry.name;
        if (entry.isDirectory()) walk(abs, name);
        else zip.addFile(abs, name);
      }
    };
    walk(archive, '');
    zip.end();
    zip.outputStream.pipe(fs.createWriteStream(zipPath)).on('close', resolve).on('error', reject);
  });

  await newCase(page, '禹市监处罚〔2022〕22号');
  await page.getByTestId('import-path').fill(zipPath);
  await page.getByTestId('import-start').click();
  const progress = page.getByTestId('import-progress-box');
  await expect(progress).toBeVisible();
  await expect(page.getByTestId('import-phase')).not.toBeEmpty();
  // The rate and time left need half a second of samples: catch them if the import is still running by then.
  const rate = page.getByTestId('import-rate');
  for (let i = 0; i < 40 && (await progress.count()) > 0 && !(await rate.textContent().catch(() => ''))?.trim(); i++) {
    await page.waitForTimeout(100);
  }
  await page.screenshot({ path: testInfo.outputPath('progress.png') });

  await expect(page.getByTestId('import-report')).toBeVisible({ timeout: 120_000 });
  await expect(progress).toHaveCount(0);
  await expect(page.getByTestId('import-report')).toHaveAttribute('data-kind', 'zip');
  await expect(page.getByTestId('import-report-kind')).toHaveText('ZIP 压缩包');
  await expect(page.getByTestId('import-report-received-sha256')).toHaveText(sha256(zipPath));
  await expect(page.getByTestId('import-report-archives')).toHaveText('1');
  await expect(page.getByTestId('import-report-archive-list')).toContainText('抓拍导出.zip');
  await expect(page.getByTestId('import-report-captures')).toHaveText(String(truth.captures));
  await expect(page.getByTestId('stat-captures')).toHaveText(String(truth.captures));
  await page.screenshot({ path: testInfo.outputPath('report-zip.png'), fullPage: true });
});
