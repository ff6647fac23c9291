/**
 * `verify` against known tampering: every change made by hand below must be found, and nothing else.
 */
import fs from 'node:fs';
import path from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { buildCliForTest, runCli } from '../../testing/cliProcess';
import { newCase, tempDir, writeSmallArchive } from '../../testing/fixtures';
import { importEvidence } from '../importEvidence';
import { vaultFile } from '../vault';
import { verifyCase } from './verifyCase';

let root: string;
let archive: string;
let caseDir: string;
let rows: string[][];
beforeEach(async () => {
  root = tempDir();
  archive = path.join(root, 'archive');
  rows = await writeSmallArchive(archive, 'utf8');
  caseDir = newCase(root);
  await importEvidence(caseDir, archive);
});


describe('verify', () => {
  it('passes an untouched case and audits the check', async () => {
    const report = await verifyCase(caseDir);
    expect(report.ok).toBe(true);
    expect(report.vault.files).toBe(6);
    expect(report.originals).toEqual([{ sourceId: 1, path: archive, reachable: true, filesChecked: 6, missing: [], mismatched: [] }]);
    expect(report.audit.brokenAt).toBeNull();
  });

  it('finds an altered vault file, a missing one, a stray one, and altered or missing originals', async () => {
    const image = rows[0]![4]!;
    const { createHash } = await import('node:crypto');
    const sha = (f: string) => createHash('sha256').update(fs.readFileSync(f)).digest('hex');
    const alteredSha = sha(path.join(archive, image));
    const missingSha = sha(path.join(archive, rows[1]![4]!));
    const altered = vaultFile(caseDir, alteredSha);
    fs.chmodSync(altered, 0o644);
    fs.appendFileSync(altered, 'tampered');
    fs.chmodSync(vaultFile(caseDir, missingSha), 0o644);
    fs.rmSync(vaultFile(caseDir, missingSha));
    const stray = '0'.repeat(64);
    fs.mkdirSync(path.dirname(vaultFile(caseDir, stray)), { recursive: true });
    fs.writeFileSync(vaultFile(caseDir, stray), 'left by a crash');
    fs.appendFileSync(path.join(archive, '抓拍记录.csv'), '6,2021-04-20 10:00:00,CAM01,入口摄像头,\n');
    fs.rmSync(path.join(archive, rows[2]![4]!));

    const report = await verifyCase(caseDir);
    expect(report.ok).toBe(false);
    expect(report.vault.mismatched.map((p) => [p.path, p.sha256])).toEqual([[image, alteredSha]]);
    expect(report.vault.missing.map((p) => p.sha256)).toEqual([missingSha]);
    expect(report.vault.writable.map((p) => p.sha256)).toEqual([]); // the altered one is reported as altered, not as writable
    expect(report.vault.unreferenced.map((p) => [p.sha256, p.problem])).toEqual([[stray, 'not part of any source']]);
    expect(report.originals[0]!.mismatched.map((p) => p.path)).toEqual(['抓拍记录.csv']);
    expect(report.originals[0]!.missing.map((p) => p.path)).toEqual([rows[2]![4]]);
  });

  it('says an original that is gone is not reachable, which is not a failure', async () => {
    fs.rmSync(archive, { recursive: true });
    const report = await verifyCase(caseDir);
    expect(report.ok).toBe(true);
    expect(report.originals[0]).toMatchObject({ reachable: false, filesChecked: 0 });
  });

  it('exits 3 from the CLI when something does not match, 0 when all does', async () => {
    const cli = await buildCliForTest();
    expect((await runCli(cli, ['verify', caseDir]).done).code).toBe(0);
    fs.appendFileSync(path.join(archive, '抓拍记录.csv'), 'x');
    const failed = await runCli(cli, ['verify', caseDir, '--json']).done;
    expect(failed.code).toBe(3);
    expect(JSON.parse(failed.stdout)).toMatchObject({ ok: false, originals: [{ mismatched: [{ path: '抓拍记录.csv' }] }] });
  });
});
