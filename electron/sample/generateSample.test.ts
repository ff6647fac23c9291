import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  defaultFacesDir,
  findRepoRoot,
  generateSample,
  loadLabeledFaces,
  SHEET_HEADER,
  SHEET_NAME,
  type SampleTruth,
} from './generateSample';
import { csvField } from './writeArchive';

const facesDir = defaultFacesDir(findRepoRoot());
const haveFaces = fs.existsSync(facesDir);
if (!haveFaces) console.warn(`generateSample tests skipped: no labeled faces at ${facesDir} (set FACEAUDIT_FACES)`);

const CAPTURES = 150;
const DAYS = 20;
const tmpRoots: string[] = [];

function tmpDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'faceaudit-sample-'));
  tmpRoots.push(dir);
  return dir;
}

function sha256(file: string): string {
  return crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex');
}

function listFiles(dir: string): string[] {
  return fs
    .readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((f) => fs.statSync(path.join(dir, f)).isFile())
    .map((f) => f.split(path.sep).join('/'))
    .sort();
}

/** Every file of an output folder with its hash, for comparing two runs. */
function fingerprint(outDir: string): Record<string, string> {
  return Object.fromEntries(listFiles(outDir).map((f) => [f, sha256(path.join(outDir, f))]));
}

function readSheet(outDir: string): { bytes: Buffer; rows: string[][] } {
  const bytes = fs.readFileSync(path.join(outDir, 'archive', SHEET_NAME));
  return { bytes, rows: parse(iconv.decode(bytes, 'gbk'), { relax_column_count: false }) as string[][] };
}

describe.skipIf(!haveFaces)('generateSample', () => {
  let outA = '';
  let outB = '';
  let outC = '';
  let truth: SampleTruth;

  beforeAll(async () => {
    outA = tmpDir();
    outB = tmpDir();
    outC = tmpDir();
    truth = await generateSample({ outDir: outA, captures: CAPTURES, days: DAYS, seed: 7, facesDir });
    await generateSample({ outDir: outB, captures: CAPTURES, days: DAYS, seed: 7, facesDir });
    await generateSample({ outDir: outC, captures: CAPTURES, days: DAYS, seed: 8, facesDir });
  }, 60_000);

  afterAll(() => {
    for (const dir of tmpRoots) fs.rmSync(dir, { recursive: true, force: true });
  });

  it('writes a GBK sheet with CRLF line ends, the exact header and one row per capture in time order', () => {
    const { bytes, rows } = readSheet(outA);
    expect(() => new TextDecoder('utf-8', { fatal: true }).decode(bytes)).toThrow(); // really GBK, not UTF-8
    const text = iconv.decode(bytes, 'gbk');
    expect(text.split('\r\n')[0]).toBe(SHEET_HEADER.join(','));
    expect(text.replaceAll('\r\n', '')).not.toMatch(/[\r\n]/u);
    const [header, ...data] = rows;
    expect(header).toEqual([...SHEET_HEADER]);
    expect(data).toHaveLength(CAPTURES);
    data.forEach((row, i) => {
      const [serial, time, cameraId, cameraName, zone, image, , similarity] = row;
      expect(serial).toBe(String(i + 1));
      expect(time).toMatch(/^2021-\d\d-\d\d \d\d:\d\d:\d\d$/u);
      expect(cameraId).toMatch(/^CAM0\d$/u);
      expect(cameraName).toMatch(/^(入口|大厅|洽谈区)\d$/u);
      expect(cameraName?.startsWith(zone ?? '?')).toBe(true);
      expect(image).toMatch(new RegExp(`^抓拍图片/(\\d{8})/${cameraId}_\\1_\\d{6}_\\d{3}\\.jpg$`, 'u'));
      expect(Number(similarity)).toBeGreaterThan(0);
      expect(Number(similarity)).toBeLessThanOrEqual(1);
    });
    const times = data.map((row) => row[1] ?? '');
    expect([...times].sort()).toEqual(times);
  });

  it('names in the sheet exactly the images on disk, all of them different', () => {
    const { rows } = readSheet(outA);
    const archive = path.join(outA, 'archive');
    const named = rows.slice(1).map((row) => row[5] ?? '');
    const onDisk = listFiles(archive).filter((f) => f.endsWith('.jpg'));
    expect([...named].sort()).toEqual(onDisk);
    const hashes = onDisk.map((f) => sha256(path.join(archive, f)));
    expect(new Set(hashes).size).toBe(CAPTURES);
    truth.records.forEach((record) => expect(sha256(path.join(archive, record.image))).toBe(record.sha256));
  });

  it('keeps the truth consistent with itself and with the sheet', () => {
    const sum = (values: number[]): number => values.reduce((a, b) => a + b, 0);
    expect(truth.captures).toBe(CAPTURES);
    expect(truth.records).toHaveLength(CAPTURES);
    expect(sum(truth.perDay.map((d) => d.captures))).toBe(CAPTURES);
    expect(sum(truth.cameras.map((c) => c.captures))).toBe(CAPTURES);
    expect(sum(truth.people.map((p) => p.captures))).toBe(CAPTURES);
    expect(truth.staff + truth.visitors).toBe(truth.persons);
    expect(truth.people).toHaveLength(truth.persons);
    expect(truth.people.filter((p) => p.role === 'staff')).toHaveLength(truth.staff);
    expect(truth.daysActive).toBe(truth.perDay.length);
    expect(truth.cameras.map((c) => c.id)).toEqual([...truth.cameras.map((c) => c.id)].sort());
    expect(truth.perDay.map((d) => d.date)).toEqual([...truth.perDay.map((d) => d.date)].sort());
    expect(truth.period.first).toBe(truth.records[0]?.time);
    expect(truth.period.first).toMatch(/^2021-04-\d\dT\d\d:\d\d:\d\d\+08:00$/u);
    expect(truth.generator).toMatchObject({ seed: 7, captures: CAPTURES, days: DAYS, facesDir: 'shared/faces' });
    for (const day of truth.perDay) expect(day.visitors).toBeLessThanOrEqual(day.persons);

    const { rows } = readSheet(outA);
    truth.records.forEach((record, i) => {
      const row = rows[i + 1] ?? [];
      expect(record.row).toBe(i + 1);
      expect(row[1]).toBe(record.time.slice(0, 19).replace('T', ' '));
      expect(row[2]).toBe(record.camera);
      expect(row[5]).toBe(record.image);
      expect(row[6]).toBe(record.platformPersonId);
    });
  });

  it('is deterministic for a seed and differs between seeds', () => {
    const a = fingerprint(outA);
    expect(fingerprint(outB)).toEqual(a);
    expect(fs.readFileSync(path.join(outB, 'truth.json'), 'utf8')).toBe(fs.readFileSync(path.join(outA, 'truth.json'), 'utf8'));
    const c = fingerprint(outC);
    expect(c['truth.json']).not.toBe(a['truth.json']);
    expect(c[`archive/${SHEET_NAME}`]).not.toBe(a[`archive/${SHEET_NAME}`]);
  });

  it('has staff on most active days and visitors on a few days each', () => {
    const staff = truth.people.filter((p) => p.role === 'staff');
    expect(staff.length).toBeGreaterThan(0);
    for (const person of staff) expect(person.days).toBeGreaterThanOrEqual(Math.ceil(truth.daysActive * 0.6));
    const visitors = truth.people.filter((p) => p.role === 'visitor');
    for (const person of visitors) expect(person.days).toBeLessThanOrEqual(3);
    expect(visitors.filter((p) => p.days === 1).length).toBeGreaterThan(visitors.length / 2);
  });

  it('writes a UTF-8 sheet with a BOM when asked, and replaces a previous sample in place', async () => {
    const out = tmpDir();
    await generateSample({ outDir: out, captures: 12, days: 3, seed: 2, facesDir });
    const again = await generateSample({ outDir: out, captures: 12, days: 3, seed: 2, facesDir, sheetEncoding: 'utf8' });
    const bytes = fs.readFileSync(path.join(out, 'archive', SHEET_NAME));
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(bytes.subarray(3).toString('utf8').split('\r\n')[0]).toBe(SHEET_HEADER.join(','));
    expect(again.captures).toBe(12);
    expect(listFiles(path.join(out, 'archive')).filter((f) => f.endsWith('.jpg'))).toHaveLength(12);
  });

  it('refuses an archive folder that is not a previous sample, and bad counts', async () => {
    const out = tmpDir();
    fs.mkdirSync(path.join(out, 'archive'));
    fs.writeFileSync(path.join(out, 'archive', 'evidence.txt'), 'keep me');
    await expect(generateSample({ outDir: out, captures: 5, facesDir })).rejects.toThrow(/not a previous sample/u);
    expect(fs.readFileSync(path.join(out, 'archive', 'evidence.txt'), 'utf8')).toBe('keep me');
    await expect(generateSample({ outDir: tmpDir(), captures: 0, facesDir })).rejects.toThrow(/captures/u);
  });

  it('loads the labeled sets and skips a set whose images are missing', () => {
    const sets = loadLabeledFaces(facesDir);
    const lfw = sets.find((s) => s.name === 'lfw-dev');
    if (lfw) expect(lfw.identities.length).toBeGreaterThan(2000);
    expect(sets.every((s) => s.identities.every((i) => i.photos.length > 0))).toBe(true);

    const fake = tmpDir();
    fs.mkdirSync(path.join(fake, 'ghost'));
    fs.writeFileSync(path.join(fake, 'ghost', 'labels.csv'), 'path,identity\nimages/a.jpg,a\n');
    expect(loadLabeledFaces(fake)).toEqual([]);
  });
});

describe('csvField', () => {
  it('quotes only what needs quoting', () => {
    expect(csvField('大厅1')).toBe('大厅1');
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('')).toBe('');
  });
});
