/**
 * Every source kind an import takes, against hand-counted fixtures: a ZIP made on Chinese Windows, nested ZIPs,
 * XLSX and JSON sheets, an authentication sheet, a video clip, EXIF-dated images, and a single sheet on its own.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import sharp from 'sharp';
import { beforeEach, describe, expect, it } from 'vitest';
import { computeStats } from '../../findings/stats';
import { withCase } from '../../store/caseStore';
import { newCase, tempDir, writeJpeg, writeSmallArchive } from '../../testing/fixtures';
import { importEvidence } from '../importEvidence';
import { facePhotos, faceClip } from '../video/testClips';
import { rawZip, yazlZip } from '../zip/zipFixtures';

function sha256(data: Buffer): string {
  return crypto.createHash('sha256').update(data).digest('hex');
}

/** Every file under a folder as raw ZIP entries with GBK names and no UTF-8 flag, as Chinese Windows writes them. */
function gbkZipOf(dir: string): Buffer {
  const files = fs.readdirSync(dir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile());
  return rawZip(files.map((e) => {
    const rel = path.relative(dir, path.join(e.parentPath, e.name)).split(path.sep).join('/');
    return { name: iconv.encode(rel, 'gbk'), data: fs.readFileSync(path.join(e.parentPath, e.name)), method: 8, flags: 0 };
  }));
}

function captureRows(caseDir: string) {
  return withCase(caseDir, (db) =>
    db.prepare('SELECT captured_at AS at, camera_id AS camera, image_path AS image, time_source AS source FROM captures ORDER BY captured_ms, id').all(),
  ) as Array<{ at: string; camera: string; image: string | null; source: string }>;
}

let root: string;
let caseDir: string;
beforeEach(() => {
  root = tempDir();
  caseDir = newCase(root);
});

describe('ZIP archives', () => {
  it('reads GBK entry names of a Chinese Windows ZIP as the right Chinese and imports what the folder gives', async () => {
    const folder = path.join(root, 'export');
    await writeSmallArchive(folder, 'gbk');
    const zipBytes = gbkZipOf(folder);
    const zipFile = path.join(root, '抓拍导出.zip');
    fs.writeFileSync(zipFile, zipBytes);

    const report = await importEvidence(caseDir, zipFile);
    expect(report.kind).toBe('zip');
    expect(report.receivedSha256).toBe(sha256(zipBytes));
    expect(report.captures).toBe(5);
    expect(report.filesSeen).toBe(7); // the archive itself, its sheet and five images
    expect(report.archives).toEqual([{ path: '抓拍导出.zip', sha256: sha256(zipBytes), entries: 6 }]);
    expect(report.sheets).toEqual([{ path: '抓拍导出.zip/抓拍记录.csv', encoding: 'gb18030', rows: 5, kind: 'captures' }]);
    expect(report.rowsWithoutFile).toEqual([]);
    expect(captureRows(caseDir)[0]).toEqual({
      at: '2021-04-18T09:30:15+08:00', camera: 'CAM01', image: '抓拍导出.zip/抓拍图片/CAM01_20210418_093015_000.jpg', source: 'sheet',
    });
    const stats = withCase(caseDir, computeStats);
    expect(stats.cameras.map((c) => [c.id, c.name, c.captures])).toEqual([['CAM01', '入口摄像头', 2], ['CAM02', '大厅东侧', 3]]);
  });

  it('opens ZIPs nested in ZIPs inside a folder, and importing the folder again adds nothing', async () => {
    const folder = path.join(root, 'export');
    await writeSmallArchive(folder, 'utf8');
    const inner = gbkZipOf(folder);
    const seized = path.join(root, 'seized');
    fs.mkdirSync(seized);
    await yazlZip(path.join(seized, 'outer.zip'), [{ name: 'inner.zip', data: inner }, { name: 'readme.txt', data: Buffer.from('导出说明') }]);

    const report = await importEvidence(caseDir, seized);
    expect(report.captures).toBe(5);
    expect(report.archives.map((a) => [a.path, a.entries])).toEqual([['outer.zip', 2], ['outer.zip/inner.zip', 6]]);
    expect(report.sheets.map((s) => s.path)).toEqual(['outer.zip/inner.zip/抓拍记录.csv']);
    const again = await importEvidence(caseDir, seized);
    expect(again.duplicateOf).toBe(report.sourceId);
    expect(captureRows(caseDir)).toHaveLength(5);
  });
});

describe('record sheets beyond CSV', () => {
  it('reads an XLSX with a capture worksheet and an authentication worksheet, and links the records', async () => {
    const folder = path.join(root, 'export');
    for (let i = 1; i <= 3; i++) await writeJpeg(path.join(folder, 'faces', `f${i}.jpg`), i);
    const book = new ExcelJS.Workbook();
    const captures = book.addWorksheet('抓拍记录');
    captures.addRow(['抓拍记录导出（2021-04-18）']);
    captures.addRow(['抓拍时间', '设备名称', '人脸图片', '人员编号']);
    captures.addRow([new Date(Date.UTC(2021, 3, 18, 9, 30, 15)), '入口', 'faces/f1.jpg', 'P001']);
    captures.addRow([new Date(Date.UTC(2021, 3, 18, 9, 45, 0)), '入口', 'faces/f2.jpg', 'P002']);
    captures.addRow([new Date(Date.UTC(2021, 3, 19, 10, 0, 0)), '大厅', 'faces/f3.jpg', 'P001']);
    for (const row of [3, 4, 5]) captures.getCell(`A${row}`).numFmt = 'yyyy-mm-dd hh:mm:ss';
    const auth = book.addWorksheet('客户认证记录');
    auth.addRow(['认证时间', '客户姓名', '手机号', '人员编号']);
    auth.addRow(['2021-04-18 09:31:00', '张某', '138****5678', 'P001']);
    await book.xlsx.writeFile(path.join(folder, '平台导出.xlsx'));

    const report = await importEvidence(caseDir, folder);
    expect(report.sheets).toEqual([
      { path: '平台导出.xlsx#抓拍记录', encoding: 'xlsx', rows: 3, kind: 'captures' },
      { path: '平台导出.xlsx#客户认证记录', encoding: 'xlsx', rows: 1, kind: 'auth' },
    ]);
    expect(captureRows(caseDir).map((c) => c.at)).toEqual(['2021-04-18T09:30:15+08:00', '2021-04-18T09:45:00+08:00', '2021-04-19T10:00:00+08:00']);
    expect(report.authRecords).toBe(1);
    expect(report.authLinked).toBe(1);
    const links = withCase(caseDir, (db) =>
      db.prepare('SELECT a.customer_name AS name, c.image_path AS image, l.method FROM auth_links l JOIN auth_records a ON a.id = l.auth_id JOIN captures c ON c.id = l.capture_id ORDER BY c.id').all(),
    );
    expect(links).toEqual([
      { name: '张某', image: 'faces/f1.jpg', method: 'person-id' },
      { name: '张某', image: 'faces/f3.jpg', method: 'person-id' },
    ]);
  });

  it('reads JSON Lines, reporting a broken line by its number and importing the rest', async () => {
    const folder = path.join(root, 'export');
    await writeJpeg(path.join(folder, 'a.jpg'), 1);
    fs.writeFileSync(path.join(folder, 'records.jsonl'), [
      JSON.stringify({ captureTime: '2021-04-18 09:30:15', deviceName: 'CAM01', faceUrl: 'http://10.0.0.5/snap/a.jpg' }),
      '{"captureTime": "2021-04-18 09:3',
      JSON.stringify({ captureTime: '2021-04-18 10:00:00', deviceName: 'CAM02', faceUrl: 'http://10.0.0.5/snap/missing.jpg' }),
    ].join('\n'));
    const report = await importEvidence(caseDir, folder);
    expect(report.captures).toBe(2);
    expect(report.badRows.map((b) => [b.sheet, b.row])).toEqual([['records.jsonl', 2]]);
    expect(report.rowsWithoutFile.map((r) => r.row)).toEqual([3]);
    expect(captureRows(caseDir)[0]!.image).toBe('a.jpg');
  });

  it('reads a capture time split into a date column and a time column as one time', async () => {
    const sheet = path.join(root, 'split.csv');
    fs.writeFileSync(sheet, iconv.encode('抓拍日期,时间,设备名称\r\n2021-04-18,09:30:15,CAM01\r\n2021/4/19,23:59:59,CAM02\r\n2021-04-20,2021-04-20 08:00:00,CAM01\r\n', 'gbk'));
    const report = await importEvidence(caseDir, sheet);
    expect(report.badRows).toEqual([]);
    expect(captureRows(caseDir).map((c) => c.at)).toEqual(['2021-04-18T09:30:15+08:00', '2021-04-19T23:59:59+08:00', '2021-04-20T08:00:00+08:00']);
  });

  it('imports a single sheet on its own, every named image reported absent', async () => {
    const sheet = path.join(root, 'records.csv');
    fs.writeFileSync(sheet, '抓拍时间,设备名称,人脸图片\n2021-04-18 09:30:15,CAM01,x/1.jpg\n2021-04-18 09:31:15,CAM01,x/2.jpg\n');
    const report = await importEvidence(caseDir, sheet);
    expect(report.kind).toBe('sheet');
    expect(report.receivedSha256).toBe(sha256(fs.readFileSync(sheet)));
    expect(report.captures).toBe(2);
    expect(report.rowsWithoutFile).toHaveLength(2);
  });
});

describe('images and clips without a sheet', () => {
  it('dates an image by its EXIF when its name has no time, else by the file time, and says which', async () => {
    const folder = path.join(root, 'photos', 'CAM07');
    fs.mkdirSync(folder, { recursive: true });
    const base = await sharp({ create: { width: 64, height: 64, channels: 3, background: { r: 9, g: 99, b: 199 } } }).jpeg().toBuffer();
    fs.writeFileSync(path.join(folder, 'IMG_0001.jpg'), await sharp(base).withExif({ IFD2: { DateTimeOriginal: '2021:04:18 09:30:15' } }).jpeg().toBuffer());
    fs.writeFileSync(path.join(folder, 'IMG_0002.jpg'), await sharp(base).modulate({ brightness: 0.5 }).jpeg().toBuffer());
    const mtime = new Date(Date.UTC(2021, 3, 18, 2, 0, 0));
    fs.utimesSync(path.join(folder, 'IMG_0002.jpg'), mtime, mtime);

    const report = await importEvidence(caseDir, path.join(root, 'photos'));
    expect(report.timeSources).toEqual({ exif: 1, 'file-time': 1 });
    expect(captureRows(caseDir)).toEqual([
      { at: '2021-04-18T09:30:15+08:00', camera: 'CAM07', image: 'CAM07/IMG_0001.jpg', source: 'exif' },
      { at: '2021-04-18T10:00:00.000+08:00', camera: 'CAM07', image: 'CAM07/IMG_0002.jpg', source: 'file-time' },
    ]);
  });

  it('samples a clip one frame a second, each frame a capture at the clip start plus its own time, clip kept', async () => {
    const photos = facePhotos(3);
    const clip = await faceClip(photos, 'CAM05_20210418_093000.mp4', { seconds: 3, fps: 25, width: 320, height: 240 });
    const folder = path.join(root, 'video');
    fs.mkdirSync(folder);
    fs.copyFileSync(clip, path.join(folder, 'CAM05_20210418_093000.mp4'));

    const report = await importEvidence(caseDir, folder);
    expect(report.videos).toHaveLength(1);
    expect(report.videos[0]).toMatchObject({ path: 'CAM05_20210418_093000.mp4', frames: 3, start: '2021-04-18T09:30:00+08:00', startSource: 'filename' });
    expect(report.videos[0]!.sha256).toBe(sha256(fs.readFileSync(clip)));
    expect(captureRows(caseDir)).toEqual([
      { at: '2021-04-18T09:30:00+08:00', camera: 'CAM05', image: 'CAM05_20210418_093000.mp4#t=0.000', source: 'video' },
      { at: '2021-04-18T09:30:01+08:00', camera: 'CAM05', image: 'CAM05_20210418_093000.mp4#t=1.000', source: 'video' },
      { at: '2021-04-18T09:30:02+08:00', camera: 'CAM05', image: 'CAM05_20210418_093000.mp4#t=2.000', source: 'video' },
    ]);
    const derived = withCase(caseDir, (db) => db.prepare('SELECT offset_ms AS ms, kind FROM derived_files ORDER BY offset_ms').all());
    expect(derived).toEqual([{ ms: 0, kind: 'video-frame' }, { ms: 1000, kind: 'video-frame' }, { ms: 2000, kind: 'video-frame' }]);
  });
});
