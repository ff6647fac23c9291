/**
 * The foundation's path as a person walks it in Chromium: create a case, import a sample archive, read the
 * figures off the page and check them against the archive's truth.json, then open a day from the chart.
 */
import { expect, test } from '@playwright/test';
import { makeSample, startHost, type Host } from './host';
import { expectCleanImportReport } from './importReport';

let host: Host;
test.beforeAll(async () => {
  host = await startHost();
});
test.afterAll(() => host?.stop());

test('create a case, import a sample archive, and the page shows the true figures', async ({ page }, testInfo) => {
  const { archive, truth } = makeSample(400, 11);
  await page.goto(host.url);

  // Chinese by default.
  await expect(page.getByTestId('new-case')).toContainText('新建案件');
  await page.getByTestId('new-case').click();
  await page.getByTestId('case-number').fill('禹市监处罚〔2022〕12号');
  await page.getByTestId('case-name').fill('某房地产开发有限公司违法采集人脸信息案');
  await page.getByTestId('case-party').fill('某房地产开发有限公司');

  // A wrong check character is caught as it is typed, with the expected character named.
  await page.getByTestId('case-credit-code').fill('91350100M000100Y44');
  await expect(page.getByTestId('case-credit-code-error')).toContainText('3');
  await page.getByTestId('case-credit-code').fill('91350100M000100Y43');
  await expect(page.getByTestId('case-credit-code-error')).toHaveCount(0);
  await page.getByTestId('case-officers').fill('张三、李四');
  await page.getByTestId('case-submit').click();

  await page.getByTestId('import-path').fill(archive);
  await page.getByTestId('import-start').click();
  await expect(page.getByTestId('import-report')).toBeVisible({ timeout: 120_000 });
  await expectCleanImportReport(page, truth.captures);

  await expect(page.getByTestId('stat-captures')).toHaveText(String(truth.captures));
  await expect(page.getByTestId('stat-cameras')).toHaveText(String(truth.cameras.length));
  await expect(page.getByTestId('stat-days')).toHaveText(String(truth.daysActive));
  // First and last capture: the exact instant (with offset) behind the card, and the wall-clock time shown on it.
  await expect(page.getByTestId('stat-first')).toHaveAttribute('title', truth.period.first);
  await expect(page.getByTestId('stat-last')).toHaveAttribute('title', truth.period.last);
  await expect(page.getByTestId('stat-first')).toHaveText(zhDateTime(truth.period.first));
  await expect(page.getByTestId('stat-last')).toHaveText(zhDateTime(truth.period.last));

  // The per-day table (the chart's data) and the chart's bars both carry the true per-day counts.
  const tableRows = page.getByTestId('per-day-row');
  await expect(tableRows).toHaveCount(truth.perDay.length);
  const table = await tableRows.evaluateAll((rows) =>
    rows.map((r) => ({ date: r.getAttribute('data-date'), captures: Number(r.querySelector('[data-testid=per-day-count]')?.textContent) })),
  );
  expect(table).toEqual(truth.perDay.map((d) => ({ date: d.date, captures: d.captures })));

  // The chart has a bar for every calendar day of the period; days without captures are zero.
  const bars = page.getByTestId('per-day-chart').locator('[data-date]');
  const spanDays = (Date.parse(truth.perDay.at(-1)!.date) - Date.parse(truth.perDay[0]!.date)) / 86_400_000 + 1;
  await expect(bars).toHaveCount(spanDays);
  const chart = await bars.evaluateAll((els) => els.map((el) => ({ date: el.getAttribute('data-date'), captures: Number(el.getAttribute('data-captures')) })));
  expect(chart.filter((bar) => bar.captures > 0)).toEqual(truth.perDay.map((d) => ({ date: d.date, captures: d.captures })));
  expect(chart.reduce((sum, bar) => sum + bar.captures, 0)).toBe(truth.captures);

  const cameraRows = await page.getByTestId('camera-row').evaluateAll((rows) =>
    rows.map((r) => ({ id: r.getAttribute('data-camera-id'), cells: [...r.querySelectorAll('td')].map((td) => td.textContent) })),
  );
  expect(cameraRows).toEqual(truth.cameras.map((c) => ({ id: c.id, cells: [c.id, c.name, String(c.captures)] })));

  await page.screenshot({ path: testInfo.outputPath('overview.png'), fullPage: true });
  await page.getByTestId('per-day-chart').screenshot({ path: testInfo.outputPath('per-day-chart.png') });

  // Click the busiest day's bar: the day view lists exactly that day's captures.
  const busiest = [...truth.perDay].sort((a, b) => b.captures - a.captures)[0]!;
  await page.getByTestId('per-day-chart').locator(`[data-date="${busiest.date}"]`).first().click();
  await expect(page.getByTestId('day-view')).toHaveAttribute('data-date', busiest.date);
  await expect(page.getByTestId('day-total')).toHaveText(String(busiest.captures));
  await expect(page.getByTestId('capture-tile').first()).toBeVisible();
  // Thumbnails are derived from the vault on demand: the first one must actually arrive and decode.
  await expect
    .poll(() => page.getByTestId('capture-tile').first().locator('img').evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth))
    .toBeGreaterThan(0);
  await page.screenshot({ path: testInfo.outputPath('day.png') });

  // A capture opened from the grid names the evidence behind it: the sheet row (header is row 1) and the file.
  await page.getByTestId('capture-tile').first().click();
  const dialog = page.getByTestId('capture-dialog');
  await expect(dialog).toBeVisible();
  const first = truth.records.filter((r) => r.time.startsWith(busiest.date)).sort((a, b) => a.time.localeCompare(b.time))[0]!;
  await expect(dialog).toContainText(first.image);
  await expect(page.getByTestId('capture-record')).toHaveText(`抓拍记录.csv 第 ${first.row + 1} 行`);
  await page.keyboard.press('Escape');

  // English on request.
  await page.getByTestId('day-back').click();
  await page.getByTestId('lang-switch').click();
  await expect(page.getByTestId('stat-captures')).toHaveText(String(truth.captures));
  await expect(page.getByTestId('stat-first')).toHaveText(truth.period.first.slice(0, 19).replace('T', ' '));
});

/** 2021-04-18T09:10:12+08:00 → 2021年4月18日 09:10:12, as the case zone's wall clock reads. */
function zhDateTime(iso: string): string {
  const [, y, m, d, time] = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}:\d{2}:\d{2})/u.exec(iso)!;
  return `${y}年${Number(m)}月${Number(d)}日 ${time}`;
}

test('a folder whose sheet headers are not recognised opens the mapping step and the case stays empty', async ({ page }) => {
  const { archive } = makeSample(40, 3);
  const fs = await import('node:fs');
  const path = await import('node:path');
  fs.writeFileSync(path.join(archive, '抓拍记录.csv'), 'a,b\n1,2\n');
  await page.goto(host.url);
  await page.getByTestId('new-case').click();
  await page.getByTestId('case-number').fill('禹市监处罚〔2022〕13号');
  await page.getByTestId('case-party').fill('某公司');
  await page.getByTestId('case-submit').click();
  await page.getByTestId('import-path').fill(archive);
  await page.getByTestId('import-start').click();
  // Nothing is imported until the columns are mapped: the step says what is missing.
  await expect(page.getByTestId('mapping-step')).toBeVisible();
  await expect(page.getByTestId('mapping-validation')).toContainText('抓拍时间');
  await expect(page.getByTestId('stat-captures')).toHaveText('0');
  await page.getByTestId('mapping-cancel').click();
  await expect(page.getByTestId('mapping-step')).toHaveCount(0);
});
