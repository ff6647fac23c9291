/**
 * An import killed with SIGKILL part-way (no chance to clean up) and run again resumes from what it had stored,
 * and ends with exactly the captures, files and vault of a clean run.
 */
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import sharp from 'sharp';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ImportReport } from '../../../shared/api';
import { withCase } from '../../store/caseStore';
import { buildCliForTest, runCli } from '../../testing/cliProcess';
import { HEADER, listVault, newCase, tempDir, writeSheet } from '../../testing/fixtures';
import { verifyCase } from '../verify/verifyCase';

const FILES = 3000;

/** A distinct JPEG per index, quickly: one small image with a comment segment that makes its bytes unique. */
function distinctJpeg(base: Buffer, index: number): Buffer {
  const comment = Buffer.alloc(16_000, 0x20);
  comment.write(`capture ${index}`);
  const segment = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from([((comment.length + 2) >> 8) & 0xff, (comment.length + 2) & 0xff]), comment]);
  return Buffer.concat([base.subarray(0, 2), segment, base.subarray(2)]);
}

function staged(caseDir: string): number {
  try {
    const db = new Database(path.join(caseDir, 'case.sqlite'), { readonly: true, fileMustExist: true });
    try {
      return (db.prepare('SELECT COUNT(*) AS n FROM import_job_files').get() as { n: number }).n;
    } finally {
      db.close();
    }
  } catch {
    return 0; // the database is being created or migrated
  }
}

function snapshot(caseDir: string) {
  return withCase(caseDir, (db) => ({
    captures: db.prepare('SELECT sheet_path, sheet_row, captured_at, camera_id, image_path, image_sha256 FROM captures ORDER BY sheet_row').all(),
    files: db.prepare('SELECT rel_path, sha256, size FROM source_files ORDER BY rel_path').all(),
    manifest: db.prepare('SELECT manifest_sha256 FROM sources').all(),
  }));
}

let root: string;
let archive: string;
let cli: string;
beforeAll(async () => {
  root = tempDir();
  archive = path.join(root, 'archive');
  fs.mkdirSync(path.join(archive, 'faces'), { recursive: true });
  const base = await sharp({ create: { width: 32, height: 32, channels: 3, background: '#336699' } }).jpeg().toBuffer();
  const rows = [HEADER];
  for (let i = 0; i < FILES; i++) {
    const name = `faces/CAM0${i % 3}_${String(i).padStart(5, '0')}.jpg`;
    fs.writeFileSync(path.join(archive, name), distinctJpeg(base, i));
    rows.push([String(i + 1), `2021-04-${String(18 + (i % 5)).padStart(2, '0')} 09:${String(i % 60).padStart(2, '0')}:00`, `CAM0${i % 3}`, `摄像头${i % 3}`, name]);
  }
  writeSheet(path.join(archive, 'records.csv'), rows, 'gbk');
  cli = await buildCliForTest();
});

describe('resuming an import killed part-way', () => {
  it('ends with exactly what a clean run gives', async () => {
    const killedCase = newCase(root, 'killed');
    const first = runCli(cli, ['import', killedCase, archive, '--json']);
    // Wait until some files are staged, then kill without warning.
    const deadline = Date.now() + 60_000;
    while (staged(killedCase) === 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 5));
    first.child.kill('SIGKILL');
    const killed = await first.done;
    expect(killed.code).toBeNull(); // it really was killed, not finished
    const stagedAtKill = staged(killedCase);
    expect(stagedAtKill).toBeGreaterThan(0);
    expect(stagedAtKill).toBeLessThan(FILES + 1);
    expect(withCase(killedCase, (db) => (db.prepare('SELECT COUNT(*) AS n FROM captures').get() as { n: number }).n)).toBe(0);

    const second = await runCli(cli, ['import', killedCase, archive, '--json']).done;
    expect(second.stderr).not.toMatch(/error|warning/iu);
    expect(second.code).toBe(0);
    const report = JSON.parse(second.stdout) as ImportReport;
    expect(report.filesResumed).toBe(stagedAtKill);
    expect(report.captures).toBe(FILES);

    const cleanCase = newCase(root, 'clean');
    const clean = await runCli(cli, ['import', cleanCase, archive, '--json']).done;
    expect(clean.code).toBe(0);
    expect(snapshot(killedCase)).toEqual(snapshot(cleanCase));
    expect(listVault(killedCase)).toEqual(listVault(cleanCase));

    const verified = await verifyCase(killedCase);
    expect(verified.ok).toBe(true);
    expect(verified.vault.unreferenced).toEqual([]);
    const actions = withCase(killedCase, (db) => db.prepare('SELECT action FROM audit_log ORDER BY seq').all()).map((r) => (r as { action: string }).action);
    expect(actions).toEqual(['case.create', 'import.resumed', 'import', 'verify']);
  });
});
