/**
 * `npm run bench:import`: import throughput at case scale, printed, never asserted.
 *
 * The archive is shaped like the Yuzhou seizure: 124,200 captures over 180 days on 9 cameras, a GBK record sheet,
 * and a face crop of about 15 KB per capture (real labeled faces from ../shared/faces, each made unique so every
 * file has its own hash). It is built once into .cache/ and reused. The import runs into a fresh case; the figures
 * are files/s, captures/s, MB/s, the time of each phase, and peak memory.
 *
 *   npm run bench:import [-- --captures 124200] [--keep]
 */
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import iconv from 'iconv-lite';
import { facesDir } from '../cli/paths';
import { importEvidence, type ImportProgress } from '../evidence/importEvidence';
import { findRepoRoot } from '../sample/faces';
import { createCase } from '../store/caseStore';
import { tempDir } from '../testing/fixtures';

const CROP_BYTES = 15_000;
const CAMERAS = 9;
const DAYS = 180;

/** A face photo padded with a JPEG comment to about CROP_BYTES, the comment naming the capture: unique bytes. */
function crop(face: Buffer, index: number): Buffer {
  const pad = Math.max(64, Math.min(65_000, CROP_BYTES - face.length));
  const comment = Buffer.alloc(pad, 0x20);
  comment.write(`FaceAudit bench capture ${index}`);
  const length = comment.length + 2;
  return Buffer.concat([face.subarray(0, 2), Buffer.from([0xff, 0xfe, length >> 8, length & 0xff]), comment, face.subarray(2)]);
}

function buildArchive(dir: string, captures: number): void {
  const marker = path.join(dir, 'COMPLETE');
  if (fs.existsSync(marker)) return;
  fs.rmSync(dir, { recursive: true, force: true });
  const lfw = path.join(facesDir(), 'lfw-dev', 'images');
  const faces = fs.readdirSync(lfw).sort().flatMap((person) => fs.readdirSync(path.join(lfw, person)).sort().map((f) => path.join(lfw, person, f))).slice(0, 2000);
  const faceBytes = faces.map((f) => fs.readFileSync(f));
  const lines = ['序号,抓拍时间,设备编号,设备名称,人脸图片,人员编号,相似度'];
  const start = Date.UTC(2021, 3, 18, 1, 0, 0); // 09:00 in Shanghai
  const t0 = Date.now();
  for (let i = 0; i < captures; i++) {
    const day = Math.floor((i / captures) * DAYS);
    const at = new Date(start + day * 86_400_000 + ((i * 7919) % (10 * 3600)) * 1000 + 8 * 3600_000);
    const date = at.toISOString().slice(0, 10).replaceAll('-', '');
    const camera = `CAM${String((i % CAMERAS) + 1).padStart(2, '0')}`;
    const rel = `抓拍图片/${date}/${camera}_${date}_${at.toISOString().slice(11, 19).replaceAll(':', '')}_${String(i % 1000).padStart(3, '0')}.jpg`;
    const file = path.join(dir, rel);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, crop(faceBytes[i % faceBytes.length]!, i));
    lines.push(`${i + 1},${at.toISOString().slice(0, 19).replace('T', ' ')},${camera},摄像头${(i % CAMERAS) + 1},${rel},P${i % 40_000},0.${80 + (i % 19)}`);
  }
  fs.writeFileSync(path.join(dir, '抓拍记录.csv'), iconv.encode(`${lines.join('\r\n')}\r\n`, 'gbk'));
  fs.writeFileSync(marker, new Date().toISOString());
  console.log(`built the archive: ${captures} captures in ${((Date.now() - t0) / 1000).toFixed(0)} s`);
}

function folderBytes(dir: string): { files: number; bytes: number } {
  let files = 0;
  let bytes = 0;
  for (const e of fs.readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!e.isFile() || e.name === 'COMPLETE') continue;
    files++;
    bytes += fs.statSync(path.join(e.parentPath, e.name)).size;
  }
  return { files, bytes };
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { captures: { type: 'string' }, keep: { type: 'boolean' } } });
  const captures = Number(values.captures ?? 124_200);
  const archive = path.join(findRepoRoot(), '.cache', `bench-import-${captures}`, 'archive');
  buildArchive(archive, captures);
  const { files, bytes } = folderBytes(archive);
  const root = tempDir('faceaudit-bench-import-');
  const caseDir = path.join(root, 'case');
  createCase(caseDir, { number: '测试〔2022〕1号', partyName: 'bench' });

  let peakRss = process.memoryUsage().rss;
  const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 100);
  const phases: Array<{ phase: string; at: number; rss: number; heap: number }> = [];
  const started = Date.now();
  const onProgress = (p: ImportProgress) => {
    if (phases.at(-1)?.phase !== p.phase) {
      const memory = process.memoryUsage();
      phases.push({ phase: p.phase, at: Date.now(), rss: memory.rss, heap: memory.heapUsed });
    }
  };
  const report = await importEvidence(caseDir, archive, { onProgress });
  const seconds = (Date.now() - started) / 1000;
  clearInterval(sampler);
  peakRss = Math.max(peakRss, process.resourceUsage().maxRSS * 1024);

  console.log(`archive: ${files.toLocaleString('en')} files, ${(bytes / 1e6).toFixed(0)} MB (${archive})`);
  console.log(`import: ${report.captures.toLocaleString('en')} captures in ${seconds.toFixed(1)} s`);
  console.log(`  ${(files / seconds).toFixed(0)} files/s, ${(report.captures / seconds).toFixed(0)} captures/s, ${(bytes / 1e6 / seconds).toFixed(1)} MB/s`);
  for (const [i, p] of phases.entries()) {
    const end = phases[i + 1]?.at ?? Date.now();
    console.log(`  ${p.phase.padEnd(9)} ${((end - p.at) / 1000).toFixed(1).padStart(5)} s   (at its start: RSS ${(p.rss / 1e6).toFixed(0)} MB, JS heap ${(p.heap / 1e6).toFixed(0)} MB)`);
  }
  console.log(`peak memory (RSS): ${(peakRss / 1e6).toFixed(0)} MB`);
  if (!values.keep) fs.rmSync(root, { recursive: true, force: true });
  else console.log(`case kept at ${caseDir}`);
}

await main();
