/**
 * The People screen (issue 5) as an analyst uses it: a case built from a small labelled face set through the real
 * path (import, analysis, clustering), then merge two people, split one, mark staff, undo and redo; more evidence
 * is imported and analysed, the screen says the people are out of date, clustering again keeps every decision.
 * Every step checks the header's figures against what the step must do to them, and the list against the header.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { makeSample, startHost, tempDir, type Host } from './host';

const FACES = path.resolve(process.env.FACEAUDIT_FACES ?? path.join('..', 'shared', 'faces'));

let host: Host;
test.beforeAll(async () => {
  host = await startHost();
});
test.afterAll(() => host?.stop());
// An exception in the page fails the test, with its message (a blank screen alone says nothing).
const pageErrors: string[] = [];
test.beforeEach(({ page }) => {
  pageErrors.length = 0;
  page.on('pageerror', (e) => pageErrors.push(`${e.message}\n${e.stack ?? ''}`));
});
test.afterEach(() => {
  expect(pageErrors).toEqual([]);
});

interface Labelled {
  dir: string;
  /** File name in the import folder → the identity the set labels it with. */
  truth: Map<string, string>;
}

/**
 * The photos of a labelled set (labels.csv: path,identity) copied into a temporary folder (never into the repo)
 * as CAMnn_<date>_HHMMSS_000.<ext> (nn from firstCamera + 1): each identity on its own camera, photos ten minutes
 * apart, so no two photos are seconds apart on one camera (which the clustering would take as one person's
 * tracklet). The identity `everyDay` (an index) comes on four days in a row instead of one, as staff would.
 */
function labelledPhotos(set: string, date: string, firstHour: number, firstCamera: number, everyDay = -1): Labelled {
  const dir = tempDir(`faceaudit-e2e-people-${set}-`);
  const rows = fs.readFileSync(path.join(FACES, set, 'labels.csv'), 'utf8').trim().split(/\r?\n/u).slice(1);
  const byId = new Map<string, string[]>();
  for (const row of rows) {
    const [file, id] = row.split(',') as [string, string];
    byId.set(id, [...(byId.get(id) ?? []), file]);
  }
  const truth = new Map<string, string>();
  [...byId.keys()].sort().forEach((id, k) => {
    byId.get(id)!.sort().forEach((file, i) => {
      const day = new Date(Date.UTC(+date.slice(0, 4), +date.slice(4, 6) - 1, +date.slice(6, 8) + (k === everyDay ? i % 4 : 0)));
      const ymd = day.toISOString().slice(0, 10).replaceAll('-', '');
      const minutes = i * 10;
      const hh = String(firstHour + Math.floor(minutes / 60)).padStart(2, '0');
      const mm = String(minutes % 60).padStart(2, '0');
      const name = `CAM${String(firstCamera + k + 1).padStart(2, '0')}_${ymd}_${hh}${mm}${String(k * 7).padStart(2, '0')}_000${path.extname(file)}`;
      fs.copyFileSync(path.join(FACES, set, file), path.join(dir, name));
      truth.set(name, id);
    });
  });
  return { dir, truth };
}

async function importAndAnalyse(page: Page, folder: string, capturesAfter: number) {
  await page.getByTestId('import-path').fill(folder);
  await page.getByTestId('import-start').click();
  await expect(page.getByTestId('import-report')).toBeVisible({ timeout: 60_000 });
  await expect(page.getByTestId('stat-captures')).toHaveText(String(capturesAfter));
  await page.getByTestId('faces-start').click();
  await expect(page.getByTestId('faces-result')).toBeVisible({ timeout: 180_000 });
  await expect(page.getByTestId('faces-summary-analysed')).toHaveText(String(capturesAfter));
}

interface Header {
  persons: number;
  staff: number;
  visitors: number;
  unknown: number;
  decisions: number;
}

async function header(page: Page): Promise<Header> {
  const n = async (id: string) => Number(await page.getByTestId(id).textContent());
  return {
    persons: await n('sum-persons'),
    staff: await n('sum-staff'),
    visitors: await n('sum-visitors'),
    unknown: await n('sum-unknown'),
    decisions: await n('sum-decisions'),
  };
}

/** Waits until the header shows exactly `want` (the screen re-reads the summary after every decision). */
async function expectHeader(page: Page, want: Header) {
  await expect.poll(() => header(page)).toEqual(want);
  // The range is stated around the count: low ≤ persons ≤ high.
  const range = (await page.getByTestId('sum-range').textContent()) ?? '';
  const m = /约 (\d+) 人（(\d+)–(\d+)）/u.exec(range);
  expect(m, range).not.toBeNull();
  expect(Number(m![1])).toBe(want.persons);
  expect(Number(m![2])).toBeLessThanOrEqual(want.persons);
  expect(Number(m![3])).toBeGreaterThanOrEqual(want.persons);
}

/** Screenshots are taken once the face images in the page have loaded. */
async function imagesLoaded(page: Page) {
  // Only the images on screen: lazy images scrolled out of view (or in a hidden tab) never load.
  const loaded = () =>
    page.evaluate(() =>
      [...document.images]
        .filter((img) => {
          const r = img.getBoundingClientRect();
          return r.width > 0 && r.bottom > 0 && r.top < innerHeight;
        })
        .every((img) => img.complete),
    );
  await expect.poll(loaded).toBe(true);
}

/** The case overview's person figures (the findings cards) agree with the People header. */
async function expectOverview(page: Page, want: Header) {
  await expect(page.getByTestId('stat-persons')).toHaveText(String(want.persons));
  await expect(page.getByTestId('stat-staff')).toHaveText(String(want.staff));
  await expect(page.getByTestId('stat-visitors')).toHaveText(String(want.visitors));
}

/**
 * The people rows on screen, once the list holds as many rows as the header counts people (the test sets are small
 * enough for every row to be rendered).
 */
async function rows(page: Page) {
  const persons = Number(await page.getByTestId('sum-persons').textContent());
  await expect(page.getByTestId('person-row')).toHaveCount(persons);
  return page.getByTestId('person-row').evaluateAll((els) =>
    els.map((el) => ({
      id: Number(el.getAttribute('data-person-id')),
      label: el.getAttribute('data-label')!,
      role: el.getAttribute('data-role')!,
      captures: Number(el.getAttribute('data-captures')),
      cameras: el.querySelectorAll('[role="gridcell"]')[8]!.textContent!.split('、').sort().join(','),
    })),
  );
}
const row = (page: Page, label: string) => page.locator(`[data-testid="person-row"][data-label="${label}"]`);

test('review people: merge, split, staff, undo/redo; decisions survive new evidence and clustering again', async ({ page }, testInfo) => {
  const shot = async (name: string) => {
    await imagesLoaded(page);
    await page.screenshot({ path: testInfo.outputPath(name) });
  };
  // Five people, eleven photos each, each person on their own camera (CAM01…CAM05); the fifth on four days.
  const johns = labelledPhotos('dlib_johns', '20210418', 9, 0, 4);
  const identities = new Set(johns.truth.values()).size;
  await page.goto(host.url);
  await page.getByTestId('new-case').click();
  await page.getByTestId('case-number').fill('禹市监处罚〔2022〕31号');
  await page.getByTestId('case-party').fill('某房地产开发有限公司');
  await page.getByTestId('case-submit').click();
  await importAndAnalyse(page, johns.dir, johns.truth.size);

  // Analysing groups the faces into people: one person per identity of the labelled set, each on its one camera.
  // (The overview reads its figures when it opens: see them after a visit to the People screen.)
  await page.getByTestId('open-people').click();
  await page.getByTestId('people-back').click();
  await expectOverview(page, { persons: identities, staff: 0, visitors: identities, unknown: identities, decisions: 0 });
  await page.getByTestId('open-people').click();
  await expect(page.getByTestId('people-summary')).not.toHaveAttribute('data-run-id', '');
  await expectHeader(page, { persons: identities, staff: 0, visitors: identities, unknown: identities, decisions: 0 });
  const before = await rows(page);
  expect(before.map((r) => r.cameras).sort()).toEqual(['CAM01', 'CAM02', 'CAM03', 'CAM04', 'CAM05']);
  expect(before.every((r) => r.captures === 11 && r.role === 'unknown')).toBe(true);
  await expect(page.getByTestId('people-undo')).toBeDisabled();
  await shot('people-list.zh.png');
  const byCam = (cam: string) => before.find((r) => r.cameras === cam)!;
  const [p1, p2, p5] = [byCam('CAM01'), byCam('CAM02'), byCam('CAM05')];

  // Merge two people: click one, Ctrl-click the other, M. One person fewer; the merged row holds both.
  await row(page, p1.label).click();
  await row(page, p2.label).click({ modifiers: ['Control'] });
  await expect(page.getByTestId('people-selected')).toHaveAttribute('data-n', '2');
  await page.keyboard.press('m');
  await expectHeader(page, { persons: identities - 1, staff: 0, visitors: identities - 1, unknown: identities - 1, decisions: 1 });
  await expect(page.getByTestId('person-row')).toHaveCount(identities - 1);
  // The sensitivity view counts the merge at every threshold: the threshold in use shows the header's count.
  await page.getByTestId('people-sensitivity').locator('summary').click();
  await expect(page.locator('.pp-sens-chosen td').nth(1)).toHaveText(String(identities - 1));
  await page.getByTestId('people-sensitivity').locator('summary').click();
  const merged = (await rows(page)).find((r) => r.cameras === 'CAM01,CAM02')!;
  expect(merged.captures).toBe(22);
  expect([p1.label, p2.label]).toContain(merged.label);
  await expect(page.getByTestId('people-undo-what')).toContainText('合并');
  await shot('people-merged.zh.png');

  // Split one: the merged person's page, the CAM02 faces Ctrl-clicked, S. The person that was merged away is back.
  await row(page, merged.label).getByTestId('person-open').click();
  await expect(page.getByTestId('person-page')).toHaveAttribute('data-label', merged.label);
  await expect(page.getByTestId('person-faces-count')).toHaveText('22');
  await expect(page.getByTestId('person-timeline')).toHaveAttribute('data-days', '1');
  const cam2Tiles = page.getByTestId('face-tile').filter({ hasText: 'CAM02' });
  await expect(cam2Tiles).toHaveCount(11);
  for (const tile of await cam2Tiles.all()) await tile.click({ modifiers: ['Control'] });
  await expect(page.getByTestId('faces-selected')).toHaveAttribute('data-n', '11');
  await shot('person-selected.zh.png');
  // A face opens its capture, the face marked on the scene.
  await page.getByTestId('face-tile').filter({ hasText: 'CAM01' }).first().click();
  await expect(page.getByTestId('face-dialog')).toBeVisible();
  await expect(page.getByTestId('face-dialog-scene')).toHaveJSProperty('complete', true);
  await shot('face-dialog.zh.png');
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('face-dialog')).toHaveCount(0);
  await expect(page.getByTestId('faces-selected')).toHaveAttribute('data-n', '11');
  await page.keyboard.press('s');
  await expect(page.getByTestId('person-faces-count')).toHaveText('11');
  await expect(page.getByTestId('face-tile').filter({ hasText: 'CAM02' })).toHaveCount(0);
  await expect(page.getByTestId('people-status')).toContainText('拆出 11 张人脸');
  await shot('person-split.zh.png');
  await page.getByTestId('faces-open-new').click();
  await expect(page.getByTestId('person-faces-count')).toHaveText('11');
  await expect(page.getByTestId('face-tile').filter({ hasText: 'CAM02' })).toHaveCount(11);
  const splitLabel = (await page.getByTestId('person-page').getAttribute('data-label'))!;
  await page.getByTestId('person-back').click();
  await expectHeader(page, { persons: identities, staff: 0, visitors: identities, unknown: identities, decisions: 2 });
  const afterSplit = await rows(page);
  expect(afterSplit.map((r) => r.cameras).sort()).toEqual(['CAM01', 'CAM02', 'CAM03', 'CAM04', 'CAM05']);
  expect(afterSplit.find((r) => r.cameras === 'CAM02')!.label).toBe(splitLabel);

  // Staff suggestions: only the person seen on every day (CAM05) is proposed; proposing changes no count, the
  // analyst's confirmation does (staff one more, visitors and undecided one fewer, persons the same).
  await page.getByTestId('people-tab-staff').click();
  await expect(page.getByTestId('staff-suggestion')).toHaveCount(1);
  await expect(page.getByTestId('staff-suggestion')).toHaveAttribute('data-label', p5.label);
  await expect(page.getByTestId('staff-suggestion')).toContainText('100%');
  await expectHeader(page, { persons: identities, staff: 0, visitors: identities, unknown: identities, decisions: 2 });
  await shot('people-staff.zh.png');
  await page.getByTestId('staff-confirm').click();
  await expectHeader(page, { persons: identities, staff: 1, visitors: identities - 1, unknown: identities - 1, decisions: 3 });
  await expect(page.getByTestId('staff-suggestion')).toHaveCount(0);
  await page.getByTestId('people-tab-list').click();
  await expect(row(page, p5.label)).toHaveAttribute('data-role', 'staff');
  await expect(page.getByTestId('people-undo-what')).toHaveText(`标记身份 ${p5.label} · 员工`);

  // Mark staff with T, undo it (Ctrl+Z), redo it (the button, which names it), undo again (the button).
  const p4 = byCam('CAM04');
  await row(page, p4.label).click();
  await page.keyboard.press('t');
  await expectHeader(page, { persons: identities, staff: 2, visitors: identities - 2, unknown: identities - 2, decisions: 4 });
  await expect(row(page, p4.label)).toHaveAttribute('data-role', 'staff');
  await page.keyboard.press('Control+z');
  await expectHeader(page, { persons: identities, staff: 1, visitors: identities - 1, unknown: identities - 1, decisions: 3 });
  await expect(row(page, p4.label)).toHaveAttribute('data-role', 'unknown');
  await expect(page.getByTestId('people-redo-what')).toHaveText(`标记身份 ${p4.label} · 员工`);
  await page.getByTestId('people-redo').click();
  await expectHeader(page, { persons: identities, staff: 2, visitors: identities - 2, unknown: identities - 2, decisions: 4 });
  await expect(page.getByTestId('people-redo')).toBeDisabled();
  await page.getByTestId('people-undo').click();
  await expectHeader(page, { persons: identities, staff: 1, visitors: identities - 1, unknown: identities - 1, decisions: 3 });
  await expect(row(page, p4.label)).toHaveAttribute('data-role', 'unknown');
  await expect(page.getByTestId('people-status')).toHaveText(`已撤销：标记身份 ${p4.label} · 员工`);

  // Not the same person (N) on two selected (click, then the checkbox): recorded, the count unchanged.
  const p3 = byCam('CAM03');
  await row(page, p3.label).click();
  await row(page, p4.label).getByTestId('person-check').check();
  await page.keyboard.press('n');
  await expectHeader(page, { persons: identities, staff: 1, visitors: identities - 1, unknown: identities - 1, decisions: 4 });
  await expect(page.getByTestId('people-selected')).toHaveAttribute('data-n', '0');

  // A decision the services refuse (merging confirmed staff with a confirmed visitor) is shown, and nothing is
  // lost: the selection and the counts stay. Undo takes the visitor mark back.
  await row(page, p3.label).click();
  await page.keyboard.press('v');
  await expectHeader(page, { persons: identities, staff: 1, visitors: identities - 1, unknown: identities - 2, decisions: 5 });
  await row(page, p5.label).click();
  await row(page, p3.label).click({ modifiers: ['Control'] });
  await page.keyboard.press('m');
  await expect(page.getByTestId('people-review-error')).toHaveAttribute('data-error-code', 'identities.review.rolesDiffer');
  await expect(page.getByTestId('people-selected')).toHaveAttribute('data-n', '2');
  await expectHeader(page, { persons: identities, staff: 1, visitors: identities - 1, unknown: identities - 2, decisions: 5 });
  await shot('people-error.zh.png');
  await page.keyboard.press('Escape');
  await page.keyboard.press('Control+z');
  await expectHeader(page, { persons: identities, staff: 1, visitors: identities - 1, unknown: identities - 1, decisions: 4 });
  await expect(page.getByTestId('people-review-error')).toHaveCount(0);
  await expect(row(page, p3.label)).toHaveAttribute('data-role', 'unknown');

  // The role filter shows the staff alone; the shortcut help opens with ?.
  await page.getByTestId('people-role-filter').selectOption('staff');
  await expect(page.getByTestId('person-row')).toHaveCount(1);
  await expect(page.getByTestId('person-row')).toHaveAttribute('data-label', p5.label);
  await page.getByTestId('people-role-filter').selectOption('all');
  await expect(page.getByTestId('person-row')).toHaveCount(identities);
  await page.keyboard.press('?');
  await expect(page.getByTestId('people-help')).toContainText('Ctrl+Shift+Z');
  await shot('people-help.zh.png');
  await page.keyboard.press('?');
  await expect(page.getByTestId('people-help')).toHaveCount(0);

  // Move a face to another person picked by label: the counts of people stay, the captures move; then undo it.
  await row(page, p3.label).getByTestId('person-open').click();
  await page.getByTestId('face-tile').first().click({ modifiers: ['Control'] });
  await page.getByTestId('faces-move').click();
  await page.getByTestId('move-to').fill('R999999');
  await page.getByTestId('move-confirm').click();
  await expect(page.getByTestId('move-invalid')).toBeVisible();
  await page.getByTestId('move-to').fill(p4.label.toLowerCase());
  await page.getByTestId('move-confirm').click();
  await expect(page.getByTestId('person-faces-count')).toHaveText('10');
  await expectHeader(page, { persons: identities, staff: 1, visitors: identities - 1, unknown: identities - 1, decisions: 5 });
  await page.getByTestId('person-back').click();
  await expect(row(page, p4.label)).toHaveAttribute('data-captures', '12');
  await expect(page.getByTestId('people-undo-what')).toHaveText(`移动人脸 ${p3.label} · ${p4.label}`);
  await page.keyboard.press('Control+z');
  await expectHeader(page, { persons: identities, staff: 1, visitors: identities - 1, unknown: identities - 1, decisions: 4 });
  await expect(row(page, p4.label)).toHaveAttribute('data-captures', '11');
  await expect(row(page, p3.label)).toHaveAttribute('data-captures', '11');
  const reviewed = await rows(page);
  await shot('people-reviewed.zh.png');

  // More evidence: eight more people (faceapi_bbt) on other cameras two days later, imported and analysed.
  const bbt = labelledPhotos('faceapi_bbt', '20210423', 10, 10);
  const newIdentities = new Set(bbt.truth.values()).size;
  await page.getByTestId('people-back').click();
  await expectOverview(page, { persons: identities, staff: 1, visitors: identities - 1, unknown: identities - 1, decisions: 4 });
  // Imported, then analysed; the People screen is opened while the analysis may still run: it says so, takes no
  // decisions until the analysis (and its grouping) ends, then shows the new people without being reopened.
  const all = johns.truth.size + bbt.truth.size;
  await page.getByTestId('import-path').fill(bbt.dir);
  await page.getByTestId('import-start').click();
  await expect(page.getByTestId('import-report')).toBeVisible({ timeout: 60_000 });
  await expect(page.getByTestId('stat-captures')).toHaveText(String(all));
  await page.getByTestId('faces-start').click();
  await page.getByTestId('open-people').click();
  if (await page.getByTestId('people-analysing').isVisible()) {
    await expect(page.getByTestId('people-merge')).toBeDisabled();
    await shot('people-analysing.zh.png');
  }
  await expect(page.getByTestId('people-analysing')).toHaveCount(0, { timeout: 180_000 });
  await expect(page.getByTestId('sum-persons')).not.toHaveText(String(identities));
  // Every decision survived: the same five people as reviewed (labels, roles, captures, cameras). The new people
  // are each on one of the new cameras (no face of another identity joined them, none joined an old person), and
  // every new identity is among them; the header counts exactly the old and the new.
  await expect(page.getByTestId('sum-decisions')).toHaveText('4');
  const after = await rows(page);
  const old = after.filter((r) => reviewed.some((x) => x.label === r.label));
  expect(old).toEqual(reviewed);
  const added = after.filter((r) => !reviewed.some((x) => x.label === r.label));
  expect(added.every((r) => /^CAM1\d$/u.test(r.cameras) && r.role === 'unknown')).toBe(true);
  expect(new Set(added.map((r) => r.cameras)).size).toBe(newIdentities);
  expect(added.reduce((n, r) => n + r.captures, 0)).toBe(bbt.truth.size);
  let want = {
    persons: identities + added.length,
    staff: 1,
    visitors: identities + added.length - 1,
    unknown: identities + added.length - 1,
    decisions: 4,
  };
  await expectHeader(page, want);
  await shot('people-rerun.zh.png');

  // Where the clustering kept one identity apart (it favours precision), the pair is a merge suggestion. Review
  // every suggestion with the keyboard: A where both are on one camera (one identity), R otherwise.
  await page.getByTestId('people-tab-merge').click();
  await expect(page.getByTestId('merge-suggestions-total')).toHaveText(/\d+/u);
  await shot('people-suggestions.zh.png');
  const camOf = new Map(after.map((r) => [r.id, r.cameras]));
  for (let left = Number(await page.getByTestId('merge-suggestions-total').textContent()); left > 0; ) {
    const first = page.getByTestId('merge-suggestion').first();
    await expect(first).toHaveAttribute('aria-selected', 'true');
    const [a, b] = [Number(await first.getAttribute('data-a')), Number(await first.getAttribute('data-b'))];
    const same = camOf.get(a) === camOf.get(b);
    await page.keyboard.press(same ? 'a' : 'r');
    want = { ...want, decisions: want.decisions + 1, ...(same ? { persons: want.persons - 1, visitors: want.visitors - 1, unknown: want.unknown - 1 } : {}) };
    await expectHeader(page, want);
    await expect(page.getByTestId('merge-suggestions-total')).not.toHaveText(String(left));
    left = Number(await page.getByTestId('merge-suggestions-total').textContent());
  }
  // Now the count is the truth of the two labelled sets.
  expect(want.persons).toBe(identities + newIdentities);
  await page.getByTestId('people-tab-list').click();
  await expect(page.getByTestId('person-row')).toHaveCount(want.persons);
  const settled = await rows(page);
  expect(settled.filter((r) => /^CAM1\d$/u.test(r.cameras)).map((r) => r.cameras).sort()).toEqual(
    [...new Set(after.filter((r) => /^CAM1/u.test(r.cameras)).map((r) => r.cameras))].sort(),
  );

  // Clustering again from the People screen changes nothing that was decided.
  await page.getByTestId('people-recluster-tool').click();
  await expect(page.getByTestId('people-recluster-tool')).toBeEnabled({ timeout: 120_000 });
  await expectHeader(page, want);
  expect(await rows(page)).toEqual(settled);

  // Export: the path written, one row per face (every photo here has one face), each with its person and role.
  await page.getByTestId('people-export-csv').click();
  const faces = johns.truth.size + bbt.truth.size;
  await expect(page.getByTestId('people-exported')).toContainText(`已导出 ${faces} 行`);
  const written = (await page.getByTestId('people-export-path').textContent())!;
  expect(written).toMatch(/[\\/]exports[\\/]identities-[^\\/]+\.csv$/u);
  const csv = fs.readFileSync(written, 'utf8').replace(/^\uFEFF/u, '').trim().split(/\r?\n/u);
  expect(csv).toHaveLength(faces + 1);
  expect(csv.filter((line) => line.includes(p5.label)).every((line) => line.includes('staff'))).toBe(true);
  expect(csv.filter((line) => line.includes(p5.label))).toHaveLength(11);
  await page.getByTestId('people-export-xlsx').click();
  await expect(page.getByTestId('people-export-path')).toHaveText(/\.xlsx$/u);
  expect(fs.statSync((await page.getByTestId('people-export-path').textContent())!).size).toBeGreaterThan(0);

  // The overview says what the People screen says.
  await page.getByTestId('people-back').click();
  await expectOverview(page, want);
  await page.getByTestId('open-people').click();

  // English on request.
  await page.getByTestId('lang-switch').click();
  await expect(page.getByTestId('sum-range')).toContainText('about');
  await shot('people-rerun.en.png');
  await row(page, p5.label).getByTestId('person-open').click();
  await expect(page.getByTestId('person-role-staff')).toHaveAttribute('aria-pressed', 'true');
  await expect(page.getByTestId('person-faces-count')).toHaveText('11');
  await expect(page.getByTestId('person-timeline')).toHaveAttribute('data-days', '4');
  await shot('person.en.png');
});

test('hundreds of people and a person with hundreds of faces scroll as virtualised lists', async ({ page }, testInfo) => {
  test.setTimeout(300_000);
  // A sample archive built from ../shared/faces, made into a case and analysed with the CLI (the same services).
  const { archive, truth: sampleTruth } = makeSample(3000, 11);
  const truth = sampleTruth as typeof sampleTruth & { persons: number; staff: number };
  const caseDir = path.join(tempDir('faceaudit-e2e-people-large-'), 'case');
  const cli = (...args: string[]) => {
    const r = spawnSync(process.execPath, [path.resolve('bin', 'faceaudit.js'), ...args], { encoding: 'utf8', maxBuffer: 64 << 20 });
    if (r.status !== 0) throw new Error(`faceaudit ${args[0]} failed: ${r.stderr}`);
  };
  cli('case', 'create', caseDir, '--number', '禹市监处罚〔2022〕32号', '--party', '某置业有限公司');
  cli('import', caseDir, archive);
  cli('analyze', caseDir);

  await page.goto(host.url);
  await page.getByTestId('open-case-dir').fill(caseDir);
  await page.getByTestId('open-case').click();
  await page.getByTestId('open-people').click();
  const persons = Number(await page.getByTestId('sum-persons').textContent());
  // Favouring precision, the count is at least the truth and the truth is near the stated range.
  expect(persons).toBeGreaterThanOrEqual(truth.persons);
  await expect(page.locator('[data-testid="people-list"] [role="grid"]')).toHaveAttribute('aria-rowcount', String(persons + 1));

  // Only the rows in view (and a few around them) are in the page, however many people there are.
  const list = page.locator('.pp-list .pp-scroll');
  await expect(page.getByTestId('person-row').first()).toBeVisible();
  expect(await page.getByTestId('person-row').count()).toBeLessThan(60);
  const top = await page.getByTestId('person-row').first().getAttribute('data-captures');
  await shot('people-large.zh.png');

  // Shift-click selects a range; Esc clears it.
  await page.getByTestId('person-row').nth(0).click();
  await page.getByTestId('person-row').nth(9).click({ modifiers: ['Shift'] });
  await expect(page.getByTestId('people-selected')).toHaveAttribute('data-n', '10');
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('people-selected')).toHaveAttribute('data-n', '0');
  // The keyboard: ↓ moves, Shift+↓ extends the selection from the last clicked row, Enter opens the row in hand.
  await page.getByTestId('person-row').nth(2).click();
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Shift+ArrowDown');
  await page.keyboard.press('Shift+ArrowDown');
  // Rows 3 to 6: from the clicked row to the row in hand.
  await expect(page.getByTestId('people-selected')).toHaveAttribute('data-n', '4');
  const sixth = await page.locator('[data-testid="person-row"][data-index="5"]').getAttribute('data-label');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('person-page')).toHaveAttribute('data-label', sixth!);
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('person-page')).toHaveCount(0);
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('people-selected')).toHaveAttribute('data-n', '0');

  // The end of the list: the last people, fewest captures, fetched on demand.
  await list.evaluate((el) => el.scrollTo({ top: el.scrollHeight }));
  await expect(page.locator(`[data-testid="person-row"][data-index="${persons - 1}"]`)).toBeVisible();
  const last = Number(await page.locator(`[data-testid="person-row"][data-index="${persons - 1}"]`).getAttribute('data-captures'));
  expect(last).toBeLessThanOrEqual(Number(top));
  expect(await page.getByTestId('person-row').count()).toBeLessThan(60);

  // The person with most captures: their faces are a virtualised grid too.
  await list.evaluate((el) => el.scrollTo({ top: 0 }));
  await page.getByTestId('person-row').first().getByTestId('person-open').click();
  await expect(page.getByTestId('person-faces-count')).toHaveText(/^\d+$/u);
  const faces = Number(await page.getByTestId('person-faces-count').textContent());
  expect(faces).toBeGreaterThan(100);
  await expect(page.getByTestId('face-tile').first()).toBeVisible();
  expect(await page.getByTestId('face-tile').count()).toBeLessThan(faces);
  await shot('person-large.zh.png');
  await page.locator('.pp-faces-scroll').evaluate((el) => el.scrollTo({ top: el.scrollHeight }));
  await expect(page.locator(`[data-testid="face-tile"][data-index="${faces - 1}"]`)).toBeVisible();

  // Clustering again (the same faces, no decisions): progress while it runs, then a new run with the same count.
  await page.getByTestId('person-back').click();
  const runBefore = await page.getByTestId('people-summary').getAttribute('data-run-id');
  await page.getByTestId('people-recluster-tool').click();
  if (await page.getByTestId('cluster-progress-box').waitFor({ state: 'visible', timeout: 3_000 }).then(() => true, () => false)) {
    await page.screenshot({ path: testInfo.outputPath('people-clustering.zh.png') });
  }
  await expect(page.getByTestId('people-summary')).not.toHaveAttribute('data-run-id', runBefore!, { timeout: 120_000 });
  await expect(page.getByTestId('cluster-progress-box')).toHaveCount(0);
  await expect(page.getByTestId('sum-persons')).toHaveText(String(persons));

  // Staff suggestions name exactly the sample's staff (each seen on most days).
  await page.getByTestId('people-tab-staff').click();
  await expect(page.getByTestId('staff-suggestion')).toHaveCount(truth.staff);
  await shot('people-large-staff.zh.png');
  await page.getByTestId('people-tab-merge').click();
  await expect(page.getByTestId('merge-suggestion').first()).toBeVisible();
  await shot('people-large-merge.zh.png');
  // ↓↓ to the third pair, R rejects it (recorded, no count changes, the pair leaves the list); Ctrl+Z brings it back.
  const suggestions = Number(await page.getByTestId('merge-suggestions-total').textContent());
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  const third = page.getByTestId('merge-suggestion').nth(2);
  await expect(third).toHaveAttribute('aria-selected', 'true');
  const pair = [await third.getAttribute('data-a'), await third.getAttribute('data-b')];
  await page.keyboard.press('r');
  await expect(page.getByTestId('merge-suggestions-total')).toHaveText(String(suggestions - 1));
  await expect(page.getByTestId('sum-decisions')).toHaveText('1');
  await expect(page.getByTestId('sum-persons')).toHaveText(String(persons));
  await expect(page.locator(`[data-testid="merge-suggestion"][data-a="${pair[0]}"][data-b="${pair[1]}"]`)).toHaveCount(0);
  await page.keyboard.press('Control+z');
  await expect(page.getByTestId('merge-suggestions-total')).toHaveText(String(suggestions));
  await expect(page.getByTestId('sum-decisions')).toHaveText('0');
  await expect(page.locator(`[data-testid="merge-suggestion"][data-a="${pair[0]}"][data-b="${pair[1]}"]`)).toHaveCount(1);

  async function shot(name: string) {
    await imagesLoaded(page);
    await page.screenshot({ path: testInfo.outputPath(name) });
  }
});
