import fs from 'node:fs';
import path from 'node:path';
import crypto from 'node:crypto';
import { beforeEach, describe, expect, it } from 'vitest';
import { UserError } from '../../shared/messages';
import { readAudit, verifyAuditChain } from '../audit/auditLog';
import { computeStats } from '../findings/stats';
import { withCase } from '../store/caseStore';
import { HEADER, listVault, newCase, tempDir, writeJpeg, writeSheet, writeSmallArchive } from '../testing/fixtures';
import { importEvidence } from './importEvidence';

function sha256(file: string): string {
  return crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex');
}

function counts(caseDir: string) {
  return withCase(caseDir, (db) => ({
    captures: (db.prepare('SELECT COUNT(*) n FROM captures').get() as { n: number }).n,
    sources: (db.prepare('SELECT COUNT(*) n FROM sources').get() as { n: number }).n,
    blobs: (db.prepare('SELECT COUNT(*) n FROM blobs').get() as { n: number }).n,
  }));
}

let root: string;
let archive: string;
let caseDir: string;
beforeEach(() => {
  root = tempDir();
  archive = path.join(root, 'archive');
  caseDir = newCase(root);
});

describe('importing a folder', () => {
  it('imports a GBK sheet with its Chinese intact and every file hashed into the vault, unaltered', async () => {
    await writeSmallArchive(archive, 'gbk');
    const originals = fs.readdirSync(archive, { recursive: true, withFileTypes: true }).filter((e) => e.isFile());
    const report = await importEvidence(caseDir, archive);

    expect(report.captures).toBe(5);
    expect(report.filesSeen).toBe(6);
    expect(report.filesStored).toBe(6);
    expect(report.sheets).toEqual([{ path: '抓拍记录.csv', encoding: 'gb18030', rows: 5, kind: 'captures' }]);
    expect(report.rowsWithoutFile).toEqual([]);

    // Each original's hash is a vault file with exactly those bytes, read-only.
    const vault = listVault(caseDir);
    for (const entry of originals) {
      const hash = sha256(path.join(entry.parentPath, entry.name));
      expect(vault).toContain(hash);
      const stored = path.join(caseDir, 'vault', hash.slice(0, 2), hash);
      expect(sha256(stored)).toBe(hash);
      expect(fs.statSync(stored).mode & 0o222).toBe(0);
    }

    const stats = withCase(caseDir, computeStats);
    expect(stats.cameras).toEqual([
      expect.objectContaining({ id: 'CAM01', name: '入口摄像头', captures: 2 }),
      expect.objectContaining({ id: 'CAM02', name: '大厅东侧', captures: 3 }),
    ]);
    expect(stats.perDay).toEqual([
      expect.objectContaining({ date: '2021-04-18', captures: 3 }),
      expect.objectContaining({ date: '2021-04-19', captures: 2 }),
    ]);
    expect(stats.period).toEqual({ first: '2021-04-18T09:30:15+08:00', last: '2021-04-19T23:59:59+08:00' });
    expect(stats.daysActive).toBe(2);

    const audit = withCase(caseDir, (db) => ({ entries: readAudit(db), broken: verifyAuditChain(db) }));
    expect(audit.entries.map((e) => e.action)).toEqual(['case.create', 'import']);
    expect(audit.broken).toBeNull();
  });

  it('keeps a row whose image is absent as a record without an image, and says which row', async () => {
    const rows = await writeSmallArchive(archive, 'utf8');
    fs.rmSync(path.join(archive, rows[2]![4]!));
    const report = await importEvidence(caseDir, archive);
    expect(report.rowsWithoutFile).toEqual([{ sheet: '抓拍记录.csv', row: 4, path: rows[2]![4] }]); // row 1 is the header
    expect(report.captures).toBe(5);
    expect(withCase(caseDir, computeStats).capturesWithoutImage).toBe(1);
  });

  it('reports unreadable rows and images no row names, and imports the rest', async () => {
    await writeSmallArchive(archive, 'utf8-bom');
    writeSheet(path.join(archive, '抓拍记录.csv'), [
      HEADER,
      ['1', '2021-04-18 09:30:15', 'CAM01', '入口摄像头', '抓拍图片/CAM01_20210418_093015_000.jpg'],
      ['2', '2021-02-30 09:31:02', 'CAM01', '入口摄像头', '抓拍图片/CAM01_20210418_093102_000.jpg'],
    ], 'utf8-bom');
    const report = await importEvidence(caseDir, archive);
    expect(report.captures).toBe(1);
    expect(report.badRows).toEqual([{ sheet: '抓拍记录.csv', row: 3, reason: 'unreadable or impossible time "2021-02-30 09:31:02"' }]);
    expect(report.filesWithoutRow).toHaveLength(4);
  });

  it('leaves the case untouched when no sheet can be read', async () => {
    await writeSmallArchive(archive);
    writeSheet(path.join(archive, '抓拍记录.csv'), [['列1', '列2'], ['a', 'b']]);
    const before = counts(caseDir);
    await expect(importEvidence(caseDir, archive)).rejects.toMatchObject({ code: 'import.sheetColumns' });
    expect(counts(caseDir)).toEqual(before);
    expect(listVault(caseDir)).toEqual([]);
  });

  it('leaves the case untouched when cancelled', async () => {
    await writeSmallArchive(archive);
    const controller = new AbortController();
    const promise = importEvidence(caseDir, archive, {
      signal: controller.signal,
      onProgress: (p) => {
        if (p.phase === 'hashing' && p.done === 2) controller.abort();
      },
    });
    await expect(promise).rejects.toBeInstanceOf(UserError);
    await expect(promise).rejects.toMatchObject({ code: 'import.cancelled' });
    expect(counts(caseDir)).toEqual({ captures: 0, sources: 0, blobs: 0 });
    expect(listVault(caseDir)).toEqual([]);
    const actions = withCase(caseDir, (db) => readAudit(db).map((e) => e.action));
    expect(actions).toEqual(['case.create', 'import.cancelled']);
  });

  it('adds nothing when the same archive is imported twice', async () => {
    await writeSmallArchive(archive);
    const first = await importEvidence(caseDir, archive);
    const second = await importEvidence(caseDir, archive);
    expect(second.duplicateOf).toBe(first.sourceId);
    expect(counts(caseDir)).toMatchObject({ captures: 5, sources: 1 });
  });

  it('takes time and camera from image names when there is no sheet', async () => {
    await writeJpeg(path.join(archive, 'CAM03_20210418_093015_123.jpg'), 1);
    await writeJpeg(path.join(archive, 'CAM03_20210419_101500_000.jpg'), 2);
    const report = await importEvidence(caseDir, archive);
    expect(report.captures).toBe(2);
    const stats = withCase(caseDir, computeStats);
    expect(stats.cameras).toEqual([expect.objectContaining({ id: 'CAM03', name: 'CAM03', captures: 2 })]);
    expect(stats.period.first).toBe('2021-04-18T09:30:15.123+08:00');
  });

  it('does not follow links out of the archive and flags misnamed or empty files', async () => {
    await writeSmallArchive(archive);
    const outside = path.join(root, 'secret.jpg');
    await writeJpeg(outside, 99);
    fs.symlinkSync(outside, path.join(archive, 'link.jpg'));
    fs.writeFileSync(path.join(archive, 'empty.jpg'), '');
    fs.writeFileSync(path.join(archive, 'fake.jpg'), 'not an image at all');
    const report = await importEvidence(caseDir, archive);
    const reasons = Object.fromEntries(report.skipped.map((s) => [s.path, s.reason]));
    expect(reasons['link.jpg']).toMatch(/symbolic link/u);
    expect(reasons['empty.jpg']).toMatch(/empty/u);
    expect(reasons['fake.jpg']).toMatch(/content is text\/plain/u);
    expect(listVault(caseDir)).not.toContain(sha256(outside));
  });

  it('clears half-written copies a crashed import left behind, and nothing of a live one', async () => {
    await writeSmallArchive(archive);
    const incoming = path.join(caseDir, 'vault', 'incoming');
    fs.mkdirSync(incoming, { recursive: true });
    const deadPid = 2 ** 22 + 17; // above Linux's pid_max default: no such process
    fs.writeFileSync(path.join(incoming, `${deadPid}-crashed`), 'partial copy');
    fs.writeFileSync(path.join(incoming, `${process.ppid}-running`), 'a live import');
    await importEvidence(caseDir, archive);
    expect(fs.readdirSync(incoming)).toEqual([`${process.ppid}-running`]);
  });

  it('says clearly when the path is missing', async () => {
    await expect(importEvidence(caseDir, path.join(root, 'nope'))).rejects.toMatchObject({ code: 'import.pathMissing' });
  });
});

describe('importing at case scale', () => {
  it('reads a sheet of 150,000 rows (more than a real seizure) in one import', async () => {
    const lines = ['抓拍时间,设备名称,人员编号'];
    for (let i = 0; i < 150_000; i++) lines.push(`2021-04-${String(18 + (i % 10)).padStart(2, '0')} 09:${String(i % 60).padStart(2, '0')}:00,CAM0${i % 9},P${i}`);
    fs.mkdirSync(archive, { recursive: true });
    fs.writeFileSync(path.join(archive, 'records.csv'), lines.join('\n'));
    const report = await importEvidence(caseDir, archive);
    expect(report.captures).toBe(150_000);
    expect(withCase(caseDir, computeStats).perDay).toHaveLength(10);
  });
});
