/**
 * Identities end to end on labelled faces: a real archive (lfw-dev photos with a record sheet) imported, analysed
 * and grouped; then every review action, undo and redo, a re-run that keeps the decisions, and the export.
 */
import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readAudit, verifyAuditChain } from '../audit/auditLog';
import { importEvidence } from '../evidence/importEvidence';
import { analyzeCase } from '../faces/analyzeCase';
import { FACES_DIR, tempDir } from '../faces/testing/faceFixtures';
import { createCase, openCase, withCase } from '../store/caseStore';
import type { CaseDb } from '../store/caseDb';
import { clusterCase } from './clusterCase';
import { clusterMetrics } from './clusterMetrics';
import { exportIdentities } from './exportIdentities';
import { personCounts } from './personCounts';
import { identitySummary, listPersons, personByLabel } from './personQueries';
import { applyReview, redoable, redoReview, undoable, undoReview } from './reviewDecisions';

/** Six people with four photos each and six people with one, chosen from labels.csv (not from this file). */
function pickPeople(): { multi: string[]; single: string[] } {
  const counts = new Map<string, number>();
  const labels = fs.readFileSync(path.join(FACES_DIR, 'lfw-dev', 'labels.csv'), 'utf8').trim().split('\n').slice(1);
  for (const line of labels) {
    const identity = line.split(',')[1]!.trim();
    counts.set(identity, (counts.get(identity) ?? 0) + 1);
  }
  const names = [...counts.keys()].sort();
  return { multi: names.filter((n) => counts.get(n)! >= 4).slice(0, 6), single: names.filter((n) => counts.get(n) === 1).slice(0, 6) };
}

let root: string;
let caseDir: string;
const truthOfImage = new Map<string, string>();

beforeAll(async () => {
  root = tempDir('faceaudit-identities-');
  const archive = path.join(root, 'archive');
  fs.mkdirSync(path.join(archive, 'faces'), { recursive: true });
  const { multi, single } = pickPeople();
  const photos = [...multi.flatMap((p) => [1, 2, 3, 4].map((n) => ({ p, n }))), ...single.map((p) => ({ p, n: 1 }))];
  const rows = ['抓拍时间,设备编号,设备名称,人脸图片'];
  photos.forEach(({ p, n }, i) => {
    const image = `faces/${p}_${n}.jpg`;
    fs.copyFileSync(path.join(FACES_DIR, 'lfw-dev', 'images', p, `${p}_${String(n).padStart(4, '0')}.jpg`), path.join(archive, image));
    truthOfImage.set(image, p);
    // Ten minutes apart on three cameras: no tracklets, the faces alone decide.
    const at = new Date(Date.UTC(2021, 3, 18, 1, 0, 0) + i * 600_000 + 8 * 3_600_000).toISOString().slice(0, 19).replace('T', ' ');
    rows.push(`${at},CAM0${(i % 3) + 1},摄像头${(i % 3) + 1},${image}`);
  });
  fs.writeFileSync(path.join(archive, '抓拍记录.csv'), `${rows.join('\n')}\n`);
  // The platform's "customer authentication" sheet names the person of one capture by its face image.
  fs.writeFileSync(path.join(archive, '客户认证记录.csv'), `认证时间,客户姓名,手机号,人脸图片\n2021-04-18 09:01:00,张三,138****5678,faces/${multi[5]}_1.jpg\n`);
  caseDir = path.join(root, 'case');
  createCase(caseDir, { number: '禹市监处罚〔2022〕12号', partyName: '某房地产开发有限公司' });
  await importEvidence(caseDir, archive, {});
  await analyzeCase(caseDir, { workers: 2 });
  await clusterCase(caseDir);
}, 120_000);

afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

/** Person of each capture's largest face, keyed by the image's path in the archive. */
function personOfImage(db: CaseDb): Map<string, number> {
  const rows = db.prepare(
    `SELECT c.image_path AS image, fp.person_id AS person FROM faces f JOIN captures c ON c.id = f.capture_id
       JOIN face_persons fp ON fp.face_id = f.id ORDER BY f.size_px`,
  ).all() as Array<{ image: string; person: number | null }>;
  return new Map(rows.map((r) => [r.image, r.person ?? -1]));
}

const personOf = (identity: string, n = 1) => withCase(caseDir, (db) => personOfImage(db).get(`faces/${identity}_${n}.jpg`)!);
const assignments = () => withCase(caseDir, (db) => db.prepare('SELECT face_id, person_id, how FROM face_persons ORDER BY face_id').all());
const counts = () => withCase(caseDir, personCounts);

describe('grouping a case into persons', () => {
  it('finds the labelled people: no false merge, few splits', () => {
    const images = withCase(caseDir, personOfImage);
    const truth: string[] = [], predicted: number[] = [];
    for (const [image, identity] of truthOfImage) {
      truth.push(identity);
      predicted.push(images.get(image)!);
    }
    const m = clusterMetrics(truth, predicted);
    expect(m.pairwise.precision).toBe(1);
    expect(m.pairwise.recall).toBeGreaterThanOrEqual(0.8);
    expect(m.people.found).toBeGreaterThanOrEqual(12);
  });

  it('records the run with its parameters, counts across thresholds and the audit', () => {
    const summary = withCase(caseDir, identitySummary);
    expect(summary.run).toMatchObject({ state: 'done', threshold: 0.455 });
    expect(summary.stale).toBe(false);
    expect(summary.sensitivity).toHaveLength(7);
    for (let i = 1; i < summary.sensitivity.length; i++) expect(summary.sensitivity[i]!.persons).toBeGreaterThanOrEqual(summary.sensitivity[i - 1]!.persons);
    expect(summary.range!.low).toBeLessThanOrEqual(summary.persons);
    expect(summary.range!.high).toBeGreaterThanOrEqual(summary.persons);
    const audit = withCase(caseDir, readAudit).map((e) => e.action);
    expect(audit).toContain('identities.cluster.done');
  });
});

describe('review decisions', () => {
  let multi: string[];
  beforeAll(() => ({ multi } = pickPeople()));

  it('merges two persons, undoes it exactly, and redoes it', () => {
    const before = counts().persons;
    const snapshot = assignments();
    const [a, b] = [personOf(multi[0]!), personOf(multi[1]!)];
    const outcome = withCase(caseDir, (db) => applyReview(db, { kind: 'merge', personIds: [a, b] }));
    expect(outcome.personIds).toEqual([a]);
    expect(counts().persons).toBe(before - 1);
    expect(personOf(multi[1]!)).toBe(a);
    expect(withCase(caseDir, undoReview)).toBe(outcome.seq);
    expect(assignments()).toEqual(snapshot);
    expect(counts().persons).toBe(before);
    withCase(caseDir, redoReview);
    expect(counts().persons).toBe(before - 1);
  });

  it('splits faces off into a new person, marks staff and records "not the same"', () => {
    const before = counts();
    const c = personOf(multi[2]!);
    const faces = withCase(caseDir, (db) => db.prepare(
      `SELECT f.id FROM faces f JOIN captures cap ON cap.id = f.capture_id JOIN face_persons fp ON fp.face_id = f.id
        WHERE fp.person_id = ? AND cap.image_path IN (?, ?)`,
    ).all(c, `faces/${multi[2]}_3.jpg`, `faces/${multi[2]}_4.jpg`) as Array<{ id: number }>).map((r) => r.id);
    expect(faces.length).toBeGreaterThanOrEqual(2);
    const split = withCase(caseDir, (db) => applyReview(db, { kind: 'split', faceIds: faces }));
    expect(split.newPersonId).not.toBeNull();
    expect(counts().persons).toBe(before.persons + 1);
    expect(personOf(multi[2]!, 3)).toBe(split.newPersonId);

    withCase(caseDir, (db) => applyReview(db, { kind: 'role', personIds: [personOf(multi[3]!)], role: 'staff' }));
    expect(counts()).toMatchObject({ staff: 1, visitors: before.persons + 1 - 1 });
    withCase(caseDir, (db) => applyReview(db, { kind: 'not-same', personA: personOf(multi[4]!), personB: personOf(multi[5]!) }));
    expect(() => withCase(caseDir, (db) => applyReview(db, { kind: 'merge', personIds: [personOf(multi[3]!), 999_999] }))).toThrow(/999999/u);
    const log = withCase(caseDir, readAudit).filter((e) => e.action.startsWith('identities.'));
    expect(log.map((e) => e.action)).toEqual(expect.arrayContaining(['identities.review', 'identities.undo', 'identities.redo']));
    expect(withCase(caseDir, verifyAuditChain)).toBeNull();
  });

  it('keeps every decision through a new clustering run, with the same person ids', async () => {
    const before = { counts: counts(), merged: personOf(multi[0]!), split: personOf(multi[2]!, 3), rest: personOf(multi[2]!, 1), staff: personOf(multi[3]!) };
    await clusterCase(caseDir);
    expect(personOf(multi[0]!)).toBe(before.merged);
    expect(personOf(multi[1]!)).toBe(before.merged);
    expect(personOf(multi[2]!, 3)).toBe(before.split);
    expect(personOf(multi[2]!, 1)).toBe(before.rest);
    expect(personOf(multi[3]!)).toBe(before.staff);
    expect(counts()).toMatchObject({ persons: before.counts.persons, staff: 1 });
    expect(personOf(multi[4]!)).not.toBe(personOf(multi[5]!));
    // Decisions before the run are part of it now: corrected by new decisions, not unwound.
    expect(withCase(caseDir, undoable)).toBeNull();
  });

  it('links the platform\'s authentication records to the person they name', () => {
    const person = withCase(caseDir, (db) => listPersons(db, { offset: 0, limit: 100, sort: 'captures' })).items.find((p) => p.id === personOf(multi[5]!))!;
    expect(person.authentications).toEqual([{ name: '张三', phone: '138****5678' }]);
    const others = withCase(caseDir, (db) => listPersons(db, { offset: 0, limit: 100, sort: 'captures' })).items.filter((p) => p.id !== person.id);
    expect(others.every((p) => p.authentications.length === 0)).toBe(true);
  });

  it('does not save a grouping made while the analyst changed the review, and leaves the case as it was', async () => {
    const before = assignments();
    let decided = false;
    const run = clusterCase(caseDir, {
      onProgress: (p) => {
        if (p.phase !== 'neighbours' || decided) return;
        decided = true;
        withCase(caseDir, (db) => applyReview(db, { kind: 'role', personIds: [personOf(multi[0]!)], role: 'visitor' }));
      },
    });
    await expect(run).rejects.toMatchObject({ code: 'identities.reviewChanged' });
    expect(assignments()).toEqual(before);
    expect(withCase(caseDir, (db) => (db.prepare('SELECT state FROM identity_runs ORDER BY id DESC LIMIT 1').get() as { state: string }).state)).toBe('failed');
    withCase(caseDir, undoReview);
  });

  it('cancels a clustering run and leaves the persons as they were', async () => {
    const before = assignments();
    const controller = new AbortController();
    const run = clusterCase(caseDir, { signal: controller.signal, onProgress: (p) => p.phase === 'neighbours' && controller.abort() });
    await expect(run).rejects.toMatchObject({ code: 'identities.cancelled' });
    expect(assignments()).toEqual(before);
    expect(withCase(caseDir, (db) => (db.prepare('SELECT state FROM identity_runs ORDER BY id DESC LIMIT 1').get() as { state: string }).state)).toBe('cancelled');
  });

  it('lists persons by captures with their figures', () => {
    const page = withCase(caseDir, (db) => listPersons(db, { offset: 0, limit: 100, sort: 'captures' }));
    expect(page.total).toBe(counts().persons);
    expect(page.items[0]!.captures).toBeGreaterThanOrEqual(page.items.at(-1)!.captures);
    const merged = page.items.find((p) => p.id === personOf(multi[0]!))!;
    expect(merged.captures).toBe(8);
    expect(merged.cameras.length).toBeGreaterThan(1);
    expect(merged.label).toMatch(/^R\d{6}$/u);
    const span = withCase(caseDir, (db) => db.prepare(
      `SELECT MIN(c.captured_at) AS first, MAX(c.captured_at) AS last, COUNT(DISTINCT c.local_date) AS days FROM face_persons fp
         JOIN faces f ON f.id = fp.face_id JOIN captures c ON c.id = f.capture_id WHERE fp.person_id = ?`,
    ).get(merged.id) as { first: string; last: string; days: number });
    expect({ first: merged.first, last: merged.last, days: merged.days }).toEqual(span);
    expect(merged.first! < merged.last!).toBe(true);
    expect(merged.cameraNames).toEqual(merged.cameras.map((c) => `摄像头${c.slice(-1)}`));
    expect(withCase(caseDir, (db) => personByLabel(db, merged.label.toLowerCase()))?.id).toBe(merged.id);
    expect(withCase(caseDir, (db) => personByLabel(db, 'R999999'))).toBeNull();
  });

  it('discards what was undone before a clustering run: it cannot be redone over the new grouping', async () => {
    withCase(caseDir, (db) => applyReview(db, { kind: 'role', personIds: [personOf(multi[5]!)], role: 'visitor' }));
    withCase(caseDir, undoReview);
    expect(withCase(caseDir, redoable)).not.toBeNull();
    await clusterCase(caseDir);
    expect(withCase(caseDir, redoable)).toBeNull();
    expect(withCase(caseDir, (db) => (db.prepare(`SELECT COUNT(*) AS n FROM review_decisions WHERE state = 'undone'`).get() as { n: number }).n)).toBe(0);
  });
});

describe('export identities', () => {
  it('writes one row per face with its box, person and role, as CSV and XLSX', async () => {
    const csvFile = path.join(root, 'out', 'identities.csv');
    const db = openCase(caseDir);
    const rows = await exportIdentities(db, csvFile, 'csv').finally(() => db.close());
    const table = parse(fs.readFileSync(csvFile, 'utf8').replace(/^\ufeff/u, ''), { columns: true }) as Array<Record<string, string>>;
    const faces = withCase(caseDir, (db) => (db.prepare('SELECT COUNT(*) AS n FROM faces').get() as { n: number }).n);
    expect(rows).toBe(faces);
    expect(table).toHaveLength(faces);
    expect(Object.keys(table[0]!)).toEqual(['source_path', 'face', 'x', 'y', 'w', 'h', 'person', 'role']);
    const staffRow = table.find((r) => r.source_path === `faces/${pickPeople().multi[3]}_1.jpg` && r.face === '0')!;
    expect(staffRow.role).toBe('staff');
    expect(Number(staffRow.w)).toBeGreaterThan(20);
    const xlsxFile = path.join(root, 'out', 'identities.xlsx');
    const db2 = openCase(caseDir);
    await exportIdentities(db2, xlsxFile, 'xlsx').finally(() => db2.close());
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(xlsxFile);
    expect(workbook.worksheets[0]!.rowCount).toBe(faces + 1);
  });
});
