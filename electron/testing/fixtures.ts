/**
 * Small hand-made archives for tests: every count in them is known because the test wrote it.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import iconv from 'iconv-lite';
import sharp from 'sharp';
import { createCase } from '../store/caseStore';

export function tempDir(prefix = 'faceaudit-test-'): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

/** A distinct small JPEG: distinct colours give distinct bytes, so every file has its own hash. */
export async function writeJpeg(file: string, seed: number): Promise<void> {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  await sharp({
    create: { width: 48, height: 48, channels: 3, background: { r: (seed * 37) % 256, g: (seed * 91) % 256, b: (seed * 53) % 256 } },
  })
    .jpeg({ quality: 80 })
    .toFile(file);
}

export function writeSheet(file: string, rows: string[][], encoding: 'gbk' | 'utf8' | 'utf8-bom' = 'utf8'): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const text = rows.map((r) => r.map((c) => (/[",\n]/u.test(c) ? `"${c.replace(/"/gu, '""')}"` : c)).join(',')).join('\r\n') + '\r\n';
  const bytes = encoding === 'gbk' ? iconv.encode(text, 'gbk') : Buffer.from((encoding === 'utf8-bom' ? '\uFEFF' : '') + text, 'utf8');
  fs.writeFileSync(file, bytes);
}

export const HEADER = ['序号', '抓拍时间', '设备编号', '设备名称', '人脸图片'];

/**
 * Five captures on two cameras over two days, hand-counted:
 *   2021-04-18: 3 captures (CAM01 入口摄像头 ×2, CAM02 大厅东侧 ×1); 2021-04-19: 2 captures (CAM02 ×2).
 */
export async function writeSmallArchive(dir: string, encoding: 'gbk' | 'utf8' | 'utf8-bom' = 'gbk'): Promise<string[][]> {
  const rows = [
    ['1', '2021-04-18 09:30:15', 'CAM01', '入口摄像头', '抓拍图片/CAM01_20210418_093015_000.jpg'],
    ['2', '2021-04-18 09:31:02', 'CAM01', '入口摄像头', '抓拍图片/CAM01_20210418_093102_000.jpg'],
    ['3', '2021-04-18 14:05:59', 'CAM02', '大厅东侧', '抓拍图片/CAM02_20210418_140559_000.jpg'],
    ['4', '2021-04-19 10:00:00', 'CAM02', '大厅东侧', '抓拍图片/CAM02_20210419_100000_000.jpg'],
    ['5', '2021-04-19 23:59:59', 'CAM02', '大厅东侧', '抓拍图片/CAM02_20210419_235959_000.jpg'],
  ];
  for (const [i, row] of rows.entries()) await writeJpeg(path.join(dir, row[4]!), i + 1);
  writeSheet(path.join(dir, '抓拍记录.csv'), [HEADER, ...rows], encoding);
  return rows;
}

export function newCase(root: string, name = 'case'): string {
  const dir = path.join(root, name);
  createCase(dir, { number: '禹市监处罚〔2022〕12号', partyName: '某房地产开发有限公司', creditCode: '91350100M000100Y43' });
  return dir;
}

export function listVault(caseDir: string): string[] {
  const vault = path.join(caseDir, 'vault');
  return fs
    .readdirSync(vault, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && !e.parentPath.includes('incoming'))
    .map((e) => e.name)
    .sort();
}
