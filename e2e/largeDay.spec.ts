/**
 * The day view at case scale: 100,000 captures in one day stay a bounded number of tiles in the page, and
 * scrolling to any point shows the captures that belong there.
 */
import { expect, test } from '@playwright/test';
import { startHost, tempDir, type Host } from './host';
import { writeLargeCase } from './largeCase';

let host: Host;
test.beforeAll(async () => {
  host = await startHost();
});
test.afterAll(() => host?.stop());

test('a day with 100,000 captures scrolls as a virtualised grid', async ({ page }, testInfo) => {
  // Made outside the workspace, as the CLI or another workstation would: opened by its folder.
  const { caseDir, busyDay, total } = writeLargeCase(tempDir('faceaudit-e2e-large-'), 100_000);
  await page.goto(host.url);
  await page.getByTestId('open-case-dir').fill(caseDir);
  await page.getByTestId('open-case').click();
  await expect(page.getByTestId('stat-captures')).toHaveText(String(total));

  await page.getByTestId('per-day-chart').locator(`[data-date="${busyDay}"]`).click();
  await expect(page.getByTestId('day-total')).toHaveText('100000');
  await expect(page.getByTestId('capture-tile').first()).toBeVisible();

  const grid = page.locator('.day-grid-scroll');
  for (const fraction of [0.5, 0.999]) {
    const started = Date.now();
    await grid.evaluate((el, f) => el.scrollTo({ top: el.scrollHeight * f }), fraction);
    // The tiles in view are the ones at that point of the day (ids are in time order here), fetched on demand.
    await expect
      .poll(async () => {
        const ids = await page.getByTestId('capture-tile').evaluateAll((tiles) =>
          tiles.filter((t) => t.querySelector('.tile-time')?.textContent).map((t) => Number(t.getAttribute('data-capture-id'))),
        );
        return ids.length > 0 ? Math.max(...ids) : 0;
      })
      .toBeGreaterThan(100_000 * fraction - 2_000);
    console.log(`scrolled to ${Math.round(fraction * 100)}%: tiles filled in ${Date.now() - started} ms`);
  }
  await page.screenshot({ path: testInfo.outputPath('large-day.png') });
  const tilesInPage = await page.getByTestId('capture-tile').count();
  expect(tilesInPage).toBeLessThan(600);
});
