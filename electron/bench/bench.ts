/**
 * `npm run bench`: the figures behind the foundation's speed claims, printed, never asserted.
 *   1. import throughput on a sample archive (files/s, MB/s), hashing and copying into the vault included;
 *   2. the overview queries (stats, a page of a day's captures, deep in the day) at case scale (124,200 captures).
 */
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { listCaptures } from '../captures/listCaptures';
import { facesDir } from '../cli/paths';
import { importEvidence } from '../evidence/importEvidence';
import { computeStats } from '../findings/stats';
import { generateSample } from '../sample/generateSample';
import { createCase, withCase } from '../store/caseStore';
import { tempDir } from '../testing/fixtures';

function time<T>(fn: () => T): { value: T; ms: number } {
  const start = process.hrtime.bigint();
  const value = fn();
  return { value, ms: Number(process.hrtime.bigint() - start) / 1e6 };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

async function benchImport(captures: number): Promise<void> {
  const root = tempDir('faceaudit-bench-');
  const started = Date.now();
  await generateSample({ outDir: path.join(root, 'sample'), captures, seed: 1, facesDir: facesDir() });
  const generatedIn = (Date.now() - started) / 1000;
  const archive = path.join(root, 'sample', 'archive');
  const bytes = fs.readdirSync(archive, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile()).reduce((sum, e) => sum + fs.statSync(path.join(e.parentPath, e.name)).size, 0);
  const caseDir = path.join(root, 'case');
  createCase(caseDir, { number: '测试〔2022〕1号', partyName: 'bench' });
  const t0 = Date.now();
  const report = await importEvidence(caseDir, archive);
  const seconds = (Date.now() - t0) / 1000;
  console.log(`sample generation: ${captures} captures in ${generatedIn.toFixed(1)} s`);
  console.log(`import: ${report.filesSeen} files, ${(bytes / 1e6).toFixed(1)} MB, ${report.captures} captures in ${seconds.toFixed(2)} s ` +
    `= ${(report.filesSeen / seconds).toFixed(0)} files/s, ${(bytes / 1e6 / seconds).toFixed(1)} MB/s`);
  fs.rmSync(root, { recursive: true, force: true });
}

function benchQueries(captures: number): void {
  const root = tempDir('faceaudit-bench-');
  const caseDir = path.join(root, 'case');
  createCase(caseDir, { number: '测试〔2022〕1号', partyName: 'bench' });
  withCase(caseDir, (db) => {
    // Rows shaped like the Yuzhou case: 9 cameras, 180 days, opening hours; inserted directly, as the
    // import would have written them, to measure the queries alone.
    db.prepare("INSERT INTO sources (kind, original_path, manifest_sha256, imported_at, file_count, report) VALUES ('folder', 'bench', 'x', '', 0, '{}')").run();
    for (let c = 1; c <= 9; c++) db.prepare('INSERT INTO cameras (id, name) VALUES (?, ?)').run(`CAM0${c}`, `摄像头${c}`);
    const insert = db.prepare(`INSERT INTO captures (source_id, sheet_path, sheet_row, captured_at, captured_ms, local_date, time_source, camera_id, raw)
      VALUES (1, 's.csv', ?, ?, ?, ?, 'sheet', ?, '{}')`);
    const start = Date.UTC(2021, 3, 18, 1, 0, 0);
    db.transaction(() => {
      for (let i = 0; i < captures; i++) {
        const ms = start + Math.floor(i / (captures / 180)) * 86_400_000 + (i % 1000) * 30_000;
        const local = new Date(ms + 8 * 3_600_000).toISOString();
        insert.run(i + 1, `${local.slice(0, 19)}+08:00`, ms, local.slice(0, 10), `CAM0${(i % 9) + 1}`);
      }
    })();
  });
  withCase(caseDir, (db) => {
    const statsTimes = Array.from({ length: 5 }, () => time(() => computeStats(db)).ms);
    const stats = computeStats(db);
    const busiest = [...stats.perDay].sort((a, b) => b.captures - a.captures)[0]!;
    const pageTimes = Array.from({ length: 5 }, () => time(() => listCaptures(db, { date: busiest.date, offset: busiest.captures - 500, limit: 500 })).ms);
    const allTimes = Array.from({ length: 5 }, () => time(() => listCaptures(db, { offset: captures - 500, limit: 500 })).ms);
    console.log(`queries at ${stats.captures} captures, ${stats.daysActive} days, ${stats.cameras.length} cameras (median of 5):`);
    console.log(`  stats (overview):                 ${median(statsTimes).toFixed(1)} ms`);
    console.log(`  last page of the busiest day:     ${median(pageTimes).toFixed(1)} ms (${busiest.captures} captures that day)`);
    console.log(`  last page of all captures:        ${median(allTimes).toFixed(1)} ms`);
  });
  fs.rmSync(root, { recursive: true, force: true });
}

const { values } = parseArgs({ options: { captures: { type: 'string' }, scale: { type: 'string' } } });
await benchImport(Number(values.captures ?? 2000));
benchQueries(Number(values.scale ?? 124_200));
