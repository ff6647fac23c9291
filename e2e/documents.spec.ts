/**
 * The Documents screen as a drafter uses it, in Chromium through the browser host, on a sample case whose truth
 * is known: draft the penalty decision, see the exact capture count and period in the preview, edit the facts
 * (the figure tokens stay), undo and redo, run the checks and see the warnings that should fire (a fine above
 * 500,000 yuan without illegal gains; 个人信息保护法 cited for conduct that ended before 2021-11-01; a fine in the
 * text that differs from the one decided) go away once fixed, sign, export DOCX and PDF into the case's exports/
 * (the PDF's text read back with pdftotext), print (the browser host downloads the PDF), switch to English, and
 * the warning of a signed document whose figures the case now gives differently; the fields shared by the case's
 * documents (a filing date saved in the notice is the evidence list's and the report's).
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { expect, test, type Locator, type Page } from '@playwright/test';
import type { SampleTruth } from '../electron/sample/generateSample';
import { applyTruthAsReview } from '../electron/findings/testing/truthReview';
import { runCli as run, startHost, tempDir, type Host } from './host';

const NUMBER = '禹市监处罚〔2022〕12号';
const PARTY = '禹州某房地产开发有限公司';
const ISSUER = '禹州市市场监督管理局';
const ADDED_FACT = '当事人对上述事实无异议。';

let host: Host;
let root: string;
let caseDir: string;
/** The same evidence without a review (no person figures): the second test's, untouched by the first. */
let plainCaseDir: string;
let truth: SampleTruth;

/** 2021-04-18T10:51:47+08:00 → 2021年4月18日, as a decision writes a date (counted by hand from the ISO text). */
function zhDate(iso: string): string {
  const [y, m, d] = iso.slice(0, 10).split('-').map(Number);
  return `${y}年${m}月${d}日`;
}

test.beforeAll(async () => {
  host = await startHost();
  root = tempDir('faceaudit-e2e-documents-');
  const sample = path.join(root, 'sample');
  run(['sample', sample, '--captures', '300', '--seed', '7', '--days', '40']);
  truth = JSON.parse(fs.readFileSync(path.join(sample, 'truth.json'), 'utf8')) as SampleTruth;
  caseDir = path.join(root, 'case');
  run(['case', 'create', caseDir, '--number', NUMBER, '--party', PARTY, '--handling-unit', ISSUER]);
  run(['import', caseDir, path.join(sample, 'archive')]);
  applyTruthAsReview(caseDir, truth);
  plainCaseDir = path.join(root, 'plain');
  run(['case', 'create', plainCaseDir, '--number', NUMBER, '--party', PARTY, '--handling-unit', ISSUER]);
  run(['import', plainCaseDir, path.join(sample, 'archive')]);
});
test.afterAll(() => host?.stop());

async function openDocuments(page: Page, dir: string): Promise<void> {
  await page.goto(host.url);
  await page.getByTestId('open-case-dir').fill(dir);
  await page.getByTestId('open-case').click();
  await expect(page.getByTestId('stat-captures')).toHaveText(String(truth.captures));
  // A clear failure (not a wait until the test's time runs out) if the built page lacks the entry.
  await expect(page.getByTestId('open-documents')).toBeVisible();
  await page.getByTestId('open-documents').click();
  await expect(page.getByRole('heading', { level: 1 })).toContainText('文书');
}

const sectionText = (page: Page, id: string): Locator => page.getByTestId(`section-text-${id}`);
const findings = (page: Page): Locator => page.getByTestId('check-finding');

/** Saves with Ctrl+S from inside the editor and waits until the page says the document is saved. */
async function saveWithKeys(page: Page, from: Locator): Promise<void> {
  await from.focus();
  await page.keyboard.press('Control+s');
  await expect(page.getByTestId('doc-save-state')).toHaveAttribute('data-dirty', 'false');
}

async function regenerate(page: Page, sectionId: string): Promise<void> {
  const before = await sectionText(page, sectionId).inputValue();
  await page.getByTestId(`regenerate-${sectionId}`).click();
  await expect(sectionText(page, sectionId)).not.toHaveValue(before);
}

test('draft the decision, edit, check, sign, export and print it; English; figures that changed after signing', async ({ page }, testInfo) => {
  // Confirmations (regenerate, sign) are accepted, as the drafter would.
  page.on('dialog', (dialog) => void dialog.accept());
  await openDocuments(page, caseDir);

  // The list: four drafted kinds and the case file; nothing drafted yet.
  await expect(page.getByTestId('doc-list').locator('tbody tr')).toHaveCount(5);
  await expect(page.getByTestId('doc-row-decision')).toHaveAttribute('data-state', 'none');
  await page.getByTestId('draft-doc-decision').click();
  await expect(page.getByTestId('doc-workspace')).toHaveAttribute('data-state', 'draft');
  await expect(page.getByTestId('doc-row-decision')).toHaveAttribute('data-state', 'draft');

  // Facts keep their figures as tokens; the chips under them give the case's values, with provenance on hover.
  const facts = sectionText(page, 'facts');
  await expect(facts).toHaveValue(/【period\.first】至【period\.last】期间/u);
  await expect(facts).toHaveValue(/共抓拍到访人员图片及录像数据【captures】条/u);
  const capturesChip = page.getByTestId('section-facts').locator('[data-testid="figure-chip"][data-key="captures"]');
  await expect(capturesChip).toHaveAttribute('data-value', String(truth.captures));
  await expect(page.getByTestId('section-facts').locator('[data-testid="figure-chip"][data-key="period.first"]')).toHaveAttribute('data-value', zhDate(truth.period.first));
  await capturesChip.hover();
  await expect(page.getByRole('tooltip').getByTestId('prov-sql')).toContainText('SELECT');
  // Hovering the token in the text itself shows the same provenance.
  const mark = page.getByTestId('section-facts').locator('mark.token-mark[data-key="captures"]');
  const box = (await mark.boundingBox())!;
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await expect(page.getByTestId('token-tip')).toHaveAttribute('data-key', 'captures');
  await expect(page.getByTestId('token-tip')).toContainText(`= ${truth.captures}`);
  await expect(page.getByTestId('token-tip').getByTestId('prov-sql')).toContainText('SELECT');
  await page.getByTestId('section-facts').screenshot({ path: testInfo.outputPath('documents-token-hover.png') });
  await page.mouse.move(0, 0);
  await expect(page.getByTestId('token-tip')).toHaveCount(0);

  // The preview prints the exact count and period, each figure linked to its provenance.
  await page.getByTestId('doc-tab-preview').click();
  const preview = page.frameLocator('[data-testid="doc-preview-frame"]');
  await expect(preview.locator('body')).toContainText(`${zhDate(truth.period.first)}至${zhDate(truth.period.last)}期间`);
  await expect(preview.locator('body')).toContainText(`共抓拍到访人员图片及录像数据${truth.captures}条`);
  await expect(preview.locator('body')).toContainText(PARTY);
  const figure = preview.locator('span.figure[data-figure="captures"]').first();
  await expect(figure).toHaveText(String(truth.captures));
  expect(await figure.getAttribute('title')).toMatch(/SELECT/u);
  await page.getByTestId('doc-preview-frame').scrollIntoViewIfNeeded();
  await page.screenshot({ path: testInfo.outputPath('documents-preview.png') });

  // Edit the facts: append a sentence; undo and redo a later edit with the keys; save with Ctrl+S.
  await page.getByTestId('doc-tab-edit').click();
  const drafted = await facts.inputValue();
  await facts.focus();
  await page.keyboard.press('Control+End');
  await page.keyboard.type(ADDED_FACT);
  await expect(page.getByTestId('doc-save-state')).toHaveAttribute('data-dirty', 'true');
  await page.waitForTimeout(1100); // a pause: the next keystrokes are a step of their own
  await page.keyboard.type('XYZ');
  await expect(facts).toHaveValue(`${drafted}${ADDED_FACT}XYZ`);
  await page.keyboard.press('Control+z');
  await expect(facts).toHaveValue(`${drafted}${ADDED_FACT}`);
  await page.keyboard.press('Control+Shift+z');
  await expect(facts).toHaveValue(`${drafted}${ADDED_FACT}XYZ`);
  await page.keyboard.press('Control+z');
  await saveWithKeys(page, facts);
  await expect(page.getByTestId('doc-save-state')).toContainText('第 2 版');
  await expect(facts).toHaveValue(`${drafted}${ADDED_FACT}`);
  await expect(facts).toHaveValue(/【captures】/u);

  // A fine above 500,000 yuan with the illegal gains unknown: the cap warning, and the texts that still say 0.
  const fine = page.getByTestId('field-fineYuan');
  await fine.fill('600000');
  await saveWithKeys(page, fine);
  await expect(findings(page).and(page.locator('[data-code="fine.aboveCap"]'))).toHaveCount(1);
  await expect(page.locator('[data-code="fine.aboveCap"]')).toContainText('超出');
  await expect(page.locator('[data-code="fine.aboveCap"]')).toContainText('500,000元');
  const mismatch = page.locator('[data-code="fine.textMismatch"][data-section="discretion"]');
  await expect(mismatch).toHaveCount(1);
  // Choosing a finding takes the drafter to its section.
  await mismatch.locator('button').click();
  await expect(sectionText(page, 'discretion')).toBeFocused();

  // Regenerating the discretion and the decision writes the fine into them; undo brings the old text back, redo again.
  const oldDiscretion = await sectionText(page, 'discretion').inputValue();
  await regenerate(page, 'discretion');
  await expect(sectionText(page, 'discretion')).toHaveValue(/罚款600000元/u);
  await page.getByTestId('undo-edit').click();
  await expect(sectionText(page, 'discretion')).toHaveValue(oldDiscretion);
  await page.getByTestId('redo-edit').click();
  await expect(sectionText(page, 'discretion')).toHaveValue(/罚款600000元/u);
  await saveWithKeys(page, sectionText(page, 'discretion'));
  await regenerate(page, 'decision');
  await expect(page.locator('[data-code="fine.textMismatch"]')).toHaveCount(0);
  await expect(page.locator('[data-code="fine.aboveCap"]')).toHaveCount(1);
  // The facts kept the drafter's sentence through both regenerations.
  await expect(facts).toHaveValue(`${drafted}${ADDED_FACT}`);

  // 个人信息保护法 cited for conduct that ended before it took effect (2021-11-01).
  const pipl13 = page.getByTestId('basis-violated-pipl-13');
  await pipl13.check();
  await page.getByTestId('run-checks').click();
  await expect(page.getByTestId('doc-save-state')).toHaveAttribute('data-dirty', 'false');
  const notInForce = page.locator('[data-code="law.notInForce"]');
  await expect(notInForce).toHaveCount(1);
  await expect(notInForce).toContainText('《中华人民共和国个人信息保护法》第十三条');
  await expect(notInForce).toContainText('2021年11月1日');
  await page.getByTestId('doc-checks').screenshot({ path: testInfo.outputPath('documents-checks.png') });
  // A finding about the fields (no section) takes the drafter to the legal basis.
  await notInForce.locator('button').click();
  await expect(page.getByTestId('basis-violated-consumerProtection-29-1')).toBeFocused();
  await page.getByTestId('section-facts').scrollIntoViewIfNeeded();
  await page.screenshot({ path: testInfo.outputPath('documents-editor.png') });

  // Fixed: PIPL no longer cited, a fine within the cap, the texts regenerated: both warnings are gone.
  await pipl13.uncheck();
  await fine.fill('200000');
  await saveWithKeys(page, fine);
  await regenerate(page, 'discretion');
  await regenerate(page, 'decision');
  await expect(page.getByTestId('checks-summary')).toBeVisible();
  await expect(notInForce).toHaveCount(0);
  await expect(page.locator('[data-code="fine.aboveCap"]')).toHaveCount(0);
  await expect(page.locator('[data-code="fine.textMismatch"]')).toHaveCount(0);
  await expect(sectionText(page, 'decision')).toHaveValue(/200000|贰拾万/u);
  // The list counts the same warnings as the open document's checks.
  const warningsNow = await page.getByTestId('checks-summary').getAttribute('data-warnings');
  await expect(page.getByTestId('doc-warnings-decision')).toHaveText(warningsNow!);

  // Sign: the editor becomes read-only; the list says 定稿.
  await page.getByTestId('sign-document').click();
  await expect(page.getByTestId('doc-workspace')).toHaveAttribute('data-state', 'signed');
  await expect(facts).toHaveAttribute('readonly', '');
  await expect(page.getByTestId('doc-row-decision')).toHaveAttribute('data-state', 'signed');

  // Export DOCX and PDF into the case's exports/; the PDF says the party and the capture count.
  await page.getByTestId('export-docx').click();
  const docxPath = (await page.getByTestId('export-saved-docx').getAttribute('data-path'))!;
  expect(path.dirname(docxPath)).toBe(path.join(caseDir, 'exports'));
  expect(fs.readFileSync(docxPath).subarray(0, 2).toString('latin1')).toBe('PK');
  await page.getByTestId('export-pdf').click();
  const pdfPath = (await page.getByTestId('export-saved-pdf').getAttribute('data-path'))!;
  expect(path.dirname(pdfPath)).toBe(path.join(caseDir, 'exports'));
  const text = spawnSync('pdftotext', ['-enc', 'UTF-8', pdfPath, '-'], { encoding: 'utf8' }).stdout.replace(/\s+/gu, '');
  expect(text).toContain(PARTY);
  expect(text).toContain(`共抓拍到访人员图片及录像数据${truth.captures}条`);
  expect(text).toContain(ADDED_FACT);
  // The browser host also offers the file itself as a download: the same bytes.
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-download-pdf').click()]);
  expect(fs.readFileSync((await download.path())!).equals(fs.readFileSync(pdfPath))).toBe(true);
  // Printing in the browser host makes the PDF and downloads it (no print dialog here).
  const [printed] = await Promise.all([page.waitForEvent('download'), page.getByTestId('print-document').click()]);
  expect(fs.readFileSync((await printed.path())!).subarray(0, 5).toString('latin1')).toBe('%PDF-');
  expect(fs.readdirSync(path.join(caseDir, 'exports')).filter((f) => f.endsWith('.pdf')).length).toBeGreaterThanOrEqual(2);

  // English: the screen, the states and the checks' words.
  await page.getByTestId('lang-switch').click();
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Documents');
  await expect(page.getByTestId('doc-state')).toHaveText('Signed');
  await expect(page.getByTestId('doc-row-decision').locator('th')).toHaveText('Penalty decision');
  await expect(page.locator('[data-code="fine.gainsUnknown"]')).toContainText('Illegal gains cannot be calculated');
  await expect(page.getByTestId('print-note')).toContainText('no print dialog');
  await expect(page.locator('[data-code="section.placeholder"][data-section="investigation"] .doc-check-section')).toHaveText('Case source and investigation');
  await expect(page.getByTestId('section-investigation').locator('label')).toContainText('Case source and investigation');
  await page.screenshot({ path: testInfo.outputPath('documents-english.png') });
  await page.getByTestId('lang-switch').click();

  // The case changes after signing (more evidence imported): the signed decision warns, old → new per figure.
  const more = path.join(root, 'more');
  run(['sample', more, '--captures', '40', '--seed', '8', '--days', '3']);
  run(['import', caseDir, path.join(more, 'archive')]);
  await page.reload();
  await page.getByTestId('open-case-dir').fill(caseDir);
  await page.getByTestId('open-case').click();
  await page.getByTestId('open-documents').click();
  await expect(page.getByTestId('doc-warnings-decision')).toContainText('Δ');
  await page.getByTestId('open-doc-decision').click();
  const change = page.getByTestId('figure-changes').locator('[data-key="captures"]');
  await expect(change).toHaveText(`抓拍记录数（captures）：${truth.captures} → ${truth.captures + 40}`);
  await page.getByTestId('figure-changes').screenshot({ path: testInfo.outputPath('documents-figure-changes.png') });
});

test('the evidence list as a table, its versions restored; the notice and the report drafted', async ({ page }, testInfo) => {
  page.on('dialog', (dialog) => void dialog.accept());
  await openDocuments(page, plainCaseDir);

  // The evidence list: one row a line, cells by tabs; the preview's table has exactly those rows and cells.
  await page.getByTestId('draft-doc-evidence').click();
  await expect(page.getByTestId('doc-workspace')).toHaveAttribute('data-kind', 'evidence');
  const items = sectionText(page, 'items');
  const rows = (await items.inputValue()).split('\n').filter((line) => line.trim() !== '').map((line) => line.split('\t'));
  // The sample's evidence: the archive folder as imported and the capture sheet inside it.
  expect(rows).toHaveLength(2);
  expect(rows[0]!.join(' ')).toContain('archive');
  expect(rows[1]!.join(' ')).toContain('抓拍记录.csv');
  const columns = rows[0]!.length;
  expect(rows.every((r) => r.length === columns)).toBe(true);
  await page.getByTestId('doc-tab-preview').click();
  const table = page.frameLocator('[data-testid="doc-preview-frame"]').locator('table.grid').first();
  await expect(table.locator('tbody tr')).toHaveCount(rows.length);
  await expect(table.locator('thead th')).toHaveCount(columns);
  await expect(table.locator('tbody tr').first().locator('td').first()).toHaveText(rows[0]![0]!.trim());

  // Versions: a save, then the services' undo brings the drafted text back as a new version.
  await page.getByTestId('doc-tab-edit').click();
  const intro = sectionText(page, 'intro');
  const drafted = await intro.inputValue();
  await intro.focus();
  await page.keyboard.press('Control+End');
  await page.keyboard.type('（补充说明）');
  await saveWithKeys(page, intro);
  await expect(page.getByTestId('doc-version').first()).toHaveAttribute('data-action', 'save');
  await page.getByTestId('restore-previous').click();
  await expect(intro).toHaveValue(drafted);
  await expect(page.getByTestId('doc-version').first()).toHaveAttribute('data-action', 'undo');
  await expect(page.getByTestId('doc-version')).toHaveCount(3);

  // The notice states the rights to state and defend; the report gives the reasons for the discretion.
  await page.getByTestId('draft-doc-notice').click();
  await expect(page.getByTestId('doc-workspace')).toHaveAttribute('data-kind', 'notice');
  await expect(page.getByTestId('section-rights')).toBeVisible();
  await page.getByTestId('doc-tab-preview').click();
  await expect(page.frameLocator('[data-testid="doc-preview-frame"]').locator('body')).toContainText('行政处罚告知书');
  await expect(page.frameLocator('[data-testid="doc-preview-frame"]').locator('body')).toContainText('陈述、申辩');

  // The fields are the case's: a filing date saved in the notice is the evidence list's too, and the report
  // drafted next writes it.
  await page.getByTestId('doc-tab-edit').click();
  await expect(page.getByTestId('doc-fields-shared')).toContainText('全案共用');
  await page.getByTestId('doc-group-dates').locator('summary').click();
  const filingDate = page.getByTestId('field-filingDate');
  await filingDate.fill('2021-10-20');
  await saveWithKeys(page, filingDate);
  await page.getByTestId('open-doc-evidence').click();
  await expect(page.getByTestId('doc-workspace')).toHaveAttribute('data-kind', 'evidence');
  await page.getByTestId('doc-group-dates').locator('summary').click();
  await expect(page.getByTestId('field-filingDate')).toBeVisible();
  await expect(page.getByTestId('field-filingDate')).toHaveValue('2021-10-20');

  await page.getByTestId('draft-doc-report').click();
  await expect(page.getByTestId('doc-workspace')).toHaveAttribute('data-kind', 'report');
  await page.getByTestId('doc-tab-preview').click();
  await expect(page.frameLocator('[data-testid="doc-preview-frame"]').locator('body')).toContainText('六、自由裁量的理由');
  await expect(page.frameLocator('[data-testid="doc-preview-frame"]').locator('body')).toContainText('经批准于2021年10月20日立案调查');
  await expect(page.getByTestId('doc-list').locator('tbody tr[data-state="draft"]')).toHaveCount(3);

  // Signed, the report keeps the filing date it was signed with; corrected from the evidence list, it says so.
  await page.getByTestId('sign-document').click();
  await expect(page.getByTestId('doc-workspace')).toHaveAttribute('data-state', 'signed');
  await page.getByTestId('open-doc-evidence').click();
  await page.getByTestId('doc-group-dates').locator('summary').click();
  await page.getByTestId('field-filingDate').fill('2021-10-21');
  await saveWithKeys(page, page.getByTestId('field-filingDate'));
  await expect(page.getByTestId('doc-warnings-report')).toContainText('Δ1');
  await page.getByTestId('open-doc-report').click();
  await expect(page.getByTestId('field-changes').locator('[data-key="filingDate"]')).toHaveText('立案日期（filingDate）：2021-10-20 → 2021-10-21');
  await page.getByTestId('figure-changes').screenshot({ path: testInfo.outputPath('documents-field-changes.png') });
});
