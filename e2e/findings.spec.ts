/**
 * The findings as an analyst reads them in Chromium, against a sample archive's truth.json: the headline figures
 * (with a review that matches the truth), a day clicked on the chart lands on exactly that day's captures, every
 * other chart's bar or cell opens the captures it counted, the platform's counts beside ours, exports with the
 * case number, provenance on hover, charts in print.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import ExcelJS from 'exceljs';
import type { SampleTruth } from '../electron/sample/generateSample';
import { applyTruthAsReview } from '../electron/findings/testing/truthReview';
import { runCli as run, startHost, tempDir, type Host } from './host';

const NUMBER = '禹市监处罚〔2022〕12号';

let host: Host;
let caseDir: string;
let plainCaseDir: string;
let truth: SampleTruth;

/** A case made with the CLI from a fresh sample archive (as another workstation would), opened here by its folder. */
function sampleCase(root: string, name: string, sample: string): string {
  const dir = path.join(root, name);
  run(['case', 'create', dir, '--number', NUMBER, '--party', '某房地产开发有限公司']);
  run(['import', dir, path.join(sample, 'archive')]);
  return dir;
}

test.beforeAll(async () => {
  host = await startHost();
  const root = tempDir('faceaudit-e2e-findings-');
  const sample = path.join(root, 'sample');
  run(['sample', sample, '--captures', '500', '--seed', '21', '--days', '40']);
  truth = JSON.parse(fs.readFileSync(path.join(sample, 'truth.json'), 'utf8')) as SampleTruth;
  caseDir = sampleCase(root, 'reviewed', sample);
  applyTruthAsReview(caseDir, truth);
  plainCaseDir = sampleCase(root, 'plain', sample);
});
test.afterAll(() => host?.stop());

async function openCase(page: Page, dir: string): Promise<void> {
  await page.goto(host.url);
  await page.getByTestId('open-case-dir').fill(dir);
  await page.getByTestId('open-case').click();
  await expect(page.getByTestId('stat-captures')).toHaveText(String(truth.captures));
}

/** The captures view's total, and the capture tiles it shows (all of them, for the small sets used here). */
async function capturesShown(page: Page): Promise<{ total: number; tiles: number }> {
  await expect(page.getByTestId('day-total')).toBeVisible();
  const total = Number(await page.getByTestId('day-total').textContent());
  await expect(page.getByTestId('capture-tile')).toHaveCount(Math.min(total, 30), { timeout: 20_000 }).catch(() => undefined);
  const tiles = await page.getByTestId('capture-tile').evaluateAll((els) => new Set(els.map((e) => e.getAttribute('data-capture-id'))).size);
  return { total, tiles };
}

test('click a day on the chart: its captures, as many as the bar says, with the visitors the truth has', async ({ page }, testInfo) => {
  await openCase(page, caseDir);
  const captured = truth.people.filter((p) => p.captures > 0);
  await expect(page.getByTestId('stat-persons')).toHaveText(String(captured.length));
  await expect(page.getByTestId('stat-staff')).toHaveText(String(captured.filter((p) => p.role === 'staff').length));
  await expect(page.getByTestId('stat-visitors')).toHaveText(String(captured.filter((p) => p.role === 'visitor').length));

  // Every bar carries the day's captures and distinct visitors, as the truth counts them.
  const bars = await page.getByTestId('per-day-chart').locator('.day-bar').evaluateAll((els) =>
    els.map((el) => ({ date: el.getAttribute('data-date')!, captures: Number(el.getAttribute('data-captures')), visitors: el.getAttribute('data-visitors') })),
  );
  expect(bars.filter((b) => b.captures > 0).map((b) => ({ ...b, visitors: Number(b.visitors) })))
    .toEqual(truth.perDay.map(({ date, captures, visitors }) => ({ date, captures, visitors })));
  for (const panel of ['headline', 'per-day', 'cameras', 'timeline', 'heatmap', 'platform']) {
    await page.getByTestId(`panel-${panel}`).screenshot({ path: testInfo.outputPath(`panel-${panel}.png`) });
  }

  const busiest = [...bars].sort((a, b) => b.captures - a.captures)[0]!;
  await page.getByTestId('per-day-chart').locator(`.day-bar[data-date="${busiest.date}"]`).click();
  await expect(page.getByTestId('day-view')).toHaveAttribute('data-date', busiest.date);
  const shown = await capturesShown(page);
  expect(shown.total).toBe(busiest.captures);
  expect(shown.tiles).toBe(busiest.captures);
  // The tiles are that day's records: their times, in order, are the truth's.
  const times = await page.getByTestId('capture-tile').locator('.tile-time').allTextContents();
  const expected = truth.records.filter((r) => r.time.startsWith(busiest.date)).map((r) => r.time.slice(11, 19)).sort();
  expect(times).toEqual(expected);
  await page.screenshot({ path: testInfo.outputPath('day.png') });

  // The same captures as a table for the case file: an XLSX with the case number on top and one row a capture.
  await page.getByTestId('export-captures-table-xlsx').click();
  const saved = page.getByTestId('export-captures-table').getByTestId('export-saved');
  await expect(saved).toContainText('.xlsx');
  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile((await saved.textContent())!.replace(/^已保存到 /u, ''));
  const rows = book.worksheets[0]!.getSheetValues().filter(Boolean).map((r) => (r as unknown[]).slice(1));
  expect(rows[1]).toEqual(['文号', NUMBER]);
  const header = rows.findIndex((r) => r[0] === '抓拍编号');
  expect(rows.slice(header + 1).map((r) => String(r[1]).slice(11, 19))).toEqual(expected);
});

test('each chart opens the captures it counted: camera bar, heat-map cell, timeline cell after zooming', async ({ page }, testInfo) => {
  await openCase(page, caseDir);

  const camera = [...truth.cameras].sort((a, b) => b.captures - a.captures)[0]!;
  await page.getByTestId('camera-chart').locator(`.camera-bar[data-camera-id="${camera.id}"]`).click();
  expect((await capturesShown(page)).total).toBe(camera.captures);
  await page.getByTestId('day-back').click();

  const heat = page.getByTestId('heatmap-chart').locator('.heat-cell');
  await expect(heat.first()).toBeVisible();
  const cells = await heat.evaluateAll((els) => els.map((el) => Number(el.getAttribute('data-captures'))));
  expect(cells.reduce((a, b) => a + b, 0)).toBe(truth.captures);
  // Heat-map cells against the truth's records, read on the office's clock.
  const busiestCell = await heat.evaluateAll((els) => {
    const top = els.sort((a, b) => Number(b.getAttribute('data-captures')) - Number(a.getAttribute('data-captures')))[0]!;
    return { weekday: Number(top.getAttribute('data-weekday')), hour: Number(top.getAttribute('data-hour')), captures: Number(top.getAttribute('data-captures')) };
  });
  const inCell = truth.records.filter((r) => new Date(`${r.time.slice(0, 10)}T00:00:00Z`).getUTCDay() === busiestCell.weekday && Number(r.time.slice(11, 13)) === busiestCell.hour);
  expect(inCell.length).toBe(busiestCell.captures);
  await page.getByTestId('heatmap-chart').locator(`.heat-cell[data-weekday="${busiestCell.weekday}"][data-hour="${busiestCell.hour}"]`).click();
  expect((await capturesShown(page)).total).toBe(busiestCell.captures);
  await page.getByTestId('day-back').click();

  // The timeline over the whole period (40 days: 6-hour cells); drag across a few days to zoom in to finer cells.
  const timeline = page.getByTestId('timeline-chart');
  await expect(page.getByTestId('timeline-span')).toHaveAttribute('data-bucket-ms', String(6 * 3_600_000));
  const sum = async () => (await timeline.locator('.timeline-cell').evaluateAll((els) => els.map((e) => Number(e.getAttribute('data-captures'))))).reduce((a, b) => a + b, 0);
  expect(await sum()).toBe(truth.captures);
  await timeline.scrollIntoViewIfNeeded();
  const box = (await timeline.boundingBox())!;
  await page.mouse.move(box.x + box.width * 0.45, box.y + box.height / 2);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width * 0.5, box.y + box.height / 2, { steps: 5 });
  await page.mouse.up();
  await expect(page.getByTestId('timeline-span')).not.toHaveAttribute('data-bucket-ms', String(6 * 3_600_000));
  const bucket = Number(await page.getByTestId('timeline-span').getAttribute('data-bucket-ms'));
  expect(bucket).toBeLessThan(6 * 3_600_000);
  await page.screenshot({ path: testInfo.outputPath('timeline-zoomed.png'), fullPage: true });
  // The busiest cell that lies wholly inside the zoomed span (cells cut by its edges sit under the axis).
  const spanFrom = Number(await page.getByTestId('timeline-span').getAttribute('data-from-ms'));
  const cellIndex = await timeline.locator('.timeline-cell').evaluateAll((els, from) => {
    const inside = els.map((e, i) => ({ i, start: Number(e.getAttribute('data-start-ms')), n: Number(e.getAttribute('data-captures')) })).filter((c) => c.start >= from);
    return inside.sort((a, b) => b.n - a.n)[0]!.i;
  }, spanFrom);
  const cell = timeline.locator('.timeline-cell').nth(cellIndex);
  await expect(cell).toBeVisible();
  const cellCaptures = Number(await cell.getAttribute('data-captures'));
  const cellStart = Number(await cell.getAttribute('data-start-ms'));
  const cellCamera = (await cell.getAttribute('data-camera-id'))!;
  expect(truth.records.filter((r) => r.camera === cellCamera && Date.parse(r.time) >= cellStart && Date.parse(r.time) < cellStart + bucket)).toHaveLength(cellCaptures);
  await cell.click();
  expect((await capturesShown(page)).total).toBe(cellCaptures);
  // Back from the captures: the same zoom, and "whole period" goes back out.
  await page.getByTestId('day-back').click();
  await expect(page.getByTestId('timeline-span')).toHaveAttribute('data-bucket-ms', String(bucket));
  await page.getByTestId('timeline-all').click();
  await expect(page.getByTestId('timeline-span')).toHaveAttribute('data-bucket-ms', String(6 * 3_600_000));
});

test('the platform\'s counts beside ours, provenance on hover, exports with the case number, charts in print', async ({ page }, testInfo) => {
  await openCase(page, caseDir);
  const persons = page.locator('[data-testid=platform-row][data-key=persons]');
  const ours = truth.people.filter((p) => p.captures > 0).length;
  await expect(persons.getByTestId('platform-value')).toHaveText(String(truth.platform.personIds));
  await expect(persons.getByTestId('ours-value')).toHaveText(String(ours));
  const diff = ours - truth.platform.personIds;
  await expect(persons.getByTestId('difference-value')).toHaveText(diff > 0 ? `+${diff}` : String(diff));
  await expect(page.locator('[data-testid=platform-row][data-key=capturesUnassigned]').getByTestId('platform-value')).toHaveText(String(truth.platform.unassigned));

  // Provenance of a figure on hover: the SQL that produced it.
  await page.getByTestId('stat-captures').hover();
  await expect(page.getByTestId('prov-captures').getByTestId('prov-sql')).toBeVisible();
  await expect(page.getByTestId('prov-captures').getByTestId('prov-sql')).toHaveText('SELECT COUNT(*) AS captures FROM captures');
  await page.getByTestId('stat-visitors').hover();
  await expect(page.getByTestId('prov-visitors')).toContainText('复核决定 0 项');
  await page.screenshot({ path: testInfo.outputPath('provenance.png') });

  // A table as CSV: in the case's exports folder, headed by the case number.
  await page.getByTestId('export-per-day-table-csv').click();
  const saved = page.getByTestId('export-per-day-table').getByTestId('export-saved');
  await expect(saved).toContainText(path.join(caseDir, 'exports'));
  const csvPath = (await saved.textContent())!.replace(/^已保存到 /u, '');
  const csv = fs.readFileSync(csvPath, 'utf8');
  expect(csv).toContain(`文号,${NUMBER}`);
  expect(csv).toContain(`${truth.perDay[0]!.date},${truth.perDay[0]!.captures},${truth.perDay[0]!.persons},${truth.perDay[0]!.visitors}`);

  // A chart as PNG: a real image, wider than it is tall, with the case number drawn on it.
  await page.getByTestId('export-per-day-png').click();
  const pngSaved = page.getByTestId('export-per-day').getByTestId('export-saved');
  await expect(pngSaved).toContainText('.png');
  const png = fs.readFileSync((await pngSaved.textContent())!.replace(/^已保存到 /u, ''));
  expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
  expect(png.readUInt32BE(16)).toBeGreaterThan(png.readUInt32BE(20));
  await page.getByTestId('export-heatmap-svg').click();
  const svgSaved = page.getByTestId('export-heatmap').getByTestId('export-saved');
  await expect(svgSaved).toContainText('.svg');
  const svg = fs.readFileSync((await svgSaved.textContent())!.replace(/^已保存到 /u, ''), 'utf8');
  expect(svg).toContain(NUMBER);
  expect(svg).toContain('抓拍时段分布');
  expect(svg.match(/class="heat-cell"/gu)?.length).toBeGreaterThan(10);

  // Print: the charts are there, inside the page's width.
  await page.emulateMedia({ media: 'print' });
  const chart = page.getByTestId('per-day-chart');
  await expect(chart).toBeVisible();
  const printed = (await chart.locator('.recharts-wrapper > svg.recharts-surface').boundingBox())!;
  expect(printed.width).toBeGreaterThan(300);
  expect(await page.getByTestId('timeline-chart').locator('.timeline-cell').count()).toBeGreaterThan(0);
  await page.screenshot({ path: testInfo.outputPath('print.png'), fullPage: true });
  // Printed to PDF as the case file would be: the charts' own text (axis labels) is in it, inside the page.
  const pdf = testInfo.outputPath('overview.pdf');
  await page.pdf({ path: pdf, format: 'A4', printBackground: true });
  const text = spawnSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' });
  if (text.status === 0) {
    expect(text.stdout).toContain('摄像头活动时间轴');
    expect(text.stdout).toContain('洽谈区2'); // a row label drawn inside the timeline chart's SVG
    expect(text.stdout).toContain('周六'); // a row label of the heat map
  }
  await page.emulateMedia({ media: 'screen' });

  // English on request, same figures.
  await page.getByTestId('lang-switch').click();
  await expect(page.getByText('Camera activity over time')).toBeVisible();
  await expect(persons.getByTestId('platform-value')).toHaveText(String(truth.platform.personIds));
});

test('repeat visitors, and one person\'s visits as the truth has them, each visit opening its captures', async ({ page }, testInfo) => {
  await openCase(page, caseDir);
  // Visits worked out from the records: a visitor's captures in time order, a new visit after more than 30 minutes.
  const visitsOf = (personId: string) => {
    const times = truth.records.filter((r) => r.person === personId).map((r) => Date.parse(r.time)).sort((a, b) => a - b);
    const starts = times.filter((t, i) => i === 0 || t - times[i - 1]! > 30 * 60_000);
    return { visits: starts.length, captures: times.length };
  };
  const rows = page.getByTestId('repeat-row');
  await expect(rows.first()).toBeVisible();
  const first = rows.first();
  const personId = Number(await first.getAttribute('data-person-id'));
  // applyTruthAsReview numbers persons in truth.json's order: R000001 is people[0].
  const label = (await first.locator('th button').textContent())!;
  const truthPerson = truth.people[Number(label.slice(1)) - 1]!;
  const expected = visitsOf(truthPerson.id);
  await expect(first.getByTestId('repeat-visits')).toHaveText(String(expected.visits));
  const repeaters = truth.people.filter((p) => p.role === 'visitor' && visitsOf(p.id).visits >= 2).length;
  await expect(page.getByTestId('stat-repeatVisitors')).toHaveText(String(repeaters));

  await first.locator('th button').click();
  await expect(page.getByTestId('person-visits')).toHaveAttribute('data-person-id', String(personId));
  await expect(page.getByTestId('visit-row')).toHaveCount(expected.visits);
  const perVisit = (await page.getByTestId('visit-row').locator('td:nth-child(4)').allTextContents()).map(Number);
  expect(perVisit.reduce((a, b) => a + b, 0)).toBe(expected.captures);
  await expect(page.getByTestId('visits-chart').locator('.recharts-scatter-symbol')).toHaveCount(expected.captures);
  await page.screenshot({ path: testInfo.outputPath('person-visits.png'), fullPage: true });

  // A longer gap joins visits; the first visit's row opens exactly its captures.
  await page.getByTestId('visits-gap').fill('1440');
  await expect.poll(async () => page.getByTestId('visit-row').count()).toBeLessThanOrEqual(expected.visits);
  await page.getByTestId('visits-gap').fill('30');
  await expect(page.getByTestId('visit-row')).toHaveCount(expected.visits);
  await page.getByTestId('visit-row').first().locator('button').click();
  expect((await capturesShown(page)).total).toBe(perVisit[0]);
  await page.getByTestId('day-back').click();
  await expect(page.getByTestId('person-visits')).toBeVisible();
  await page.getByTestId('visits-back').click();
  await expect(page.getByTestId('panel-repeat-visitors')).toBeVisible();
});

test('before grouping into people, the person figures say so and the capture figures stand', async ({ page }, testInfo) => {
  await openCase(page, plainCaseDir);
  await expect(page.getByTestId('stat-persons')).toHaveText('未完成人员归并');
  await expect(page.getByTestId('stat-visitors')).toHaveText('未完成人员归并');
  await expect(page.getByTestId('persons-pending')).toBeVisible();
  await expect(page.getByTestId('stat-days')).toHaveText(String(truth.daysActive));
  await expect(page.locator('[data-testid=platform-row][data-key=persons]').getByTestId('ours-value')).toHaveText('未完成人员归并');
  expect(await page.getByTestId('per-day-chart').locator('.day-bar[data-visitors]').count()).toBe(0);
  await page.screenshot({ path: testInfo.outputPath('not-grouped.png'), fullPage: true });
});
