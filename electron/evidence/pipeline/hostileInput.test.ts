/**
 * Hostile or broken input: each class gives a finding with a clear reason, the rest of the import goes on, and
 * nothing outside the case folder is written. One folder holds every class at once, next to a good archive whose
 * five captures must come through untouched.
 */
import fs from 'node:fs';
import path from 'node:path';
import iconv from 'iconv-lite';
import sharp from 'sharp';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ImportReport } from '../../../shared/api';
import { withCase } from '../../store/caseStore';
import { HEADER, newCase, tempDir, writeSheet, writeSmallArchive } from '../../testing/fixtures';
import { importEvidence } from '../importEvidence';
import { rawZip, yazlZip } from '../zip/zipFixtures';

function listTree(dir: string): string[] {
  return fs.readdirSync(dir, { recursive: true }).map(String).sort();
}

let root: string;
let caseDir: string;
let seized: string;
let report: ImportReport;
let outsideBefore: string[];
const reasons = new Map<string, string>();

beforeAll(async () => {
  root = tempDir();
  seized = path.join(root, 'seized');
  await writeSmallArchive(seized, 'gbk');
  // A second sheet: one broken row, one impossible date, one image that is not there.
  writeSheet(path.join(seized, '补充记录.csv'), [
    HEADER,
    ['1', '2021-04-20 08:00:00', 'CAM01', '入口摄像头', '抓拍图片/不存在.jpg'],
    ['2', '2021-02-30 08:00:00', 'CAM01', '入口摄像头', ''],
    ['3', '', 'CAM01', '入口摄像头', ''],
  ], 'gbk');
  const jpeg = await sharp({ create: { width: 64, height: 64, channels: 3, background: '#884422' } }).jpeg().toBuffer();
  const png = await sharp({ create: { width: 64, height: 64, channels: 3, background: '#224488' } }).png().toBuffer();
  fs.mkdirSync(path.join(seized, 'bad'));
  fs.writeFileSync(path.join(seized, 'bad', 'truncated.jpg'), jpeg.subarray(0, Math.floor(jpeg.length / 2)));
  fs.writeFileSync(path.join(seized, 'bad', 'garbage.jpg'), Buffer.concat([jpeg.subarray(0, 4), Buffer.alloc(500, 0x5a)]));
  fs.writeFileSync(path.join(seized, 'bad', 'truncated.png'), png.subarray(0, png.length - 20));
  fs.writeFileSync(path.join(seized, 'bad', 'zero.jpg'), '');
  fs.writeFileSync(path.join(seized, 'bad', 'notes.jpg'), '这不是图片');
  fs.symlinkSync('/etc/passwd', path.join(seized, 'bad', 'passwd.jpg'));
  const good = await yazlZip(path.join(root, 'tmp-good.zip'), [{ name: 'a.jpg', data: jpeg }]).then(() => fs.readFileSync(path.join(root, 'tmp-good.zip')));
  fs.writeFileSync(path.join(seized, 'bad', 'truncated.zip'), good.subarray(0, good.length - 30));
  fs.rmSync(path.join(root, 'tmp-good.zip'));
  fs.writeFileSync(path.join(seized, 'bad', 'escape.zip'), rawZip([
    { name: '../../evil.txt', data: Buffer.from('escaped') },
    { name: '/tmp/absolute.txt', data: Buffer.from('absolute') },
    { name: iconv.encode('C:\\Windows\\坏.txt', 'gbk'), data: Buffer.from('drive'), flags: 0 },
    { name: 'fine.txt', data: Buffer.from('fine') },
  ]));
  fs.writeFileSync(path.join(seized, 'bad', 'twice.zip'), rawZip([
    { name: 'same.bin', data: Buffer.from('first copy') },
    { name: 'same.bin', data: Buffer.from('second copy') },
  ]));
  await yazlZip(path.join(seized, 'bad', 'bomb.zip'), [{ name: 'zeros.bin', data: Buffer.alloc(64 * 1024 * 1024), compress: true }]);

  caseDir = newCase(root);
  outsideBefore = listTree(root).filter((p) => !p.startsWith('case'));
  report = await importEvidence(caseDir, seized);
  for (const s of report.skipped) reasons.set(s.path, s.reason);
});

describe('hostile or broken input', () => {
  it('imports the good archive and the readable rows, whatever else is in the folder', () => {
    expect(report.captures).toBe(6); // five good rows + the row whose image is absent
    expect(report.sheets.map((s) => s.path)).toEqual(['抓拍记录.csv', '补充记录.csv']);
  });

  it('finds truncated and damaged images, keeps them as received, and does not analyse them', () => {
    expect(reasons.get('bad/truncated.jpg')).toMatch(/damaged JPEG: truncated/u);
    expect(reasons.get('bad/garbage.jpg')).toMatch(/damaged JPEG/u);
    expect(reasons.get('bad/truncated.png')).toMatch(/damaged PNG: truncated/u);
    const kept = withCase(caseDir, (db) => db.prepare("SELECT rel_path AS p, problem FROM source_files WHERE problem IS NOT NULL ORDER BY rel_path").all());
    expect(kept.map((k) => (k as { p: string }).p)).toEqual(['bad/garbage.jpg', 'bad/truncated.jpg', 'bad/truncated.png']);
  });

  it('flags empty files, content that does not match its extension, and does not follow links', () => {
    expect(reasons.get('bad/zero.jpg')).toMatch(/empty file/u);
    expect(reasons.get('bad/notes.jpg')).toMatch(/named as an image but its content is text\/plain/u);
    expect(reasons.get('bad/passwd.jpg')).toMatch(/symbolic link/u);
  });

  it('keeps a truncated ZIP as a file and says it could not be opened', () => {
    expect(reasons.get('bad/truncated.zip')).toMatch(/archive not opened: .*(truncated|damaged)/iu);
  });

  it('refuses ZIP entries that climb out or name absolute paths, and takes the rest of that ZIP', () => {
    expect(reasons.get('bad/escape.zip/../../evil.txt')).toMatch(/leaves the archive/u);
    expect(reasons.get('bad/escape.zip//tmp/absolute.txt')).toMatch(/absolute path/u);
    expect(reasons.get('bad/escape.zip/C:\\Windows\\坏.txt')).toMatch(/absolute path \(drive letter\)/u);
    expect(report.archives.find((a) => a.path === 'bad/escape.zip')?.entries).toBe(1);
    expect(listTree(root).filter((p) => !p.startsWith('case'))).toEqual(outsideBefore);
    expect(fs.existsSync(path.join(path.dirname(root), 'evil.txt'))).toBe(false);
  });

  it('keeps both entries when a ZIP holds two of the same name', () => {
    expect(reasons.get('bad/twice.zip/same.bin')).toBe('a second entry with the same name: stored as bad/twice.zip/same.bin#2');
    const files = withCase(caseDir, (db) => db.prepare("SELECT rel_path AS p FROM source_files WHERE rel_path LIKE 'bad/twice.zip/%' ORDER BY rel_path").all());
    expect(files).toEqual([{ p: 'bad/twice.zip/same.bin' }, { p: 'bad/twice.zip/same.bin#2' }]);
  });

  it('refuses a zip bomb by its expansion ratio without expanding it', () => {
    expect(reasons.get('bad/bomb.zip/zeros.bin')).toMatch(/ratio|bomb/iu);
    const stored = withCase(caseDir, (db) => db.prepare("SELECT COUNT(*) AS n FROM blobs WHERE size >= 64 * 1024 * 1024").get()) as { n: number };
    expect(stored.n).toBe(0);
  });

  it('reports broken rows, impossible dates and absent files by sheet and row', () => {
    expect(report.badRows).toEqual([
      { sheet: '补充记录.csv', row: 3, reason: 'unreadable or impossible time "2021-02-30 08:00:00"' },
      { sheet: '补充记录.csv', row: 4, reason: 'no capture time' },
    ]);
    expect(report.rowsWithoutFile).toEqual([{ sheet: '补充记录.csv', row: 2, path: '抓拍图片/不存在.jpg' }]);
  });

  it('adds nothing when the same folder is imported again', async () => {
    const again = await importEvidence(caseDir, seized);
    expect(again.duplicateOf).toBe(report.sourceId);
    expect((withCase(caseDir, (db) => db.prepare('SELECT COUNT(*) AS n FROM captures').get()) as { n: number }).n).toBe(6);
  });
});
