import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir, writeSmallArchive } from '../testing/fixtures';
import { runCli } from './main';

async function cli(args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(args, (l) => out.push(l), (l) => err.push(l));
  return { code, out: out.join('\n'), err: err.join('\n') };
}

describe('faceaudit CLI', () => {
  it('creates a case, imports an archive and prints the stats as JSON', async () => {
    const root = tempDir();
    const caseDir = path.join(root, 'case');
    await writeSmallArchive(path.join(root, 'archive'));
    const created = await cli(['case', 'create', caseDir, '--number', '禹市监处罚〔2022〕12号', '--party', '某房地产开发有限公司', '--credit-code', '91350100M000100Y43', '--json']);
    expect(created.code).toBe(0);
    expect(JSON.parse(created.out)).toMatchObject({ id: caseDir, number: '禹市监处罚〔2022〕12号', captures: 0 });

    const imported = await cli(['import', caseDir, path.join(root, 'archive'), '--json']);
    expect(imported.code).toBe(0);
    expect(JSON.parse(imported.out)).toMatchObject({ captures: 5, filesSeen: 6 });

    const stats = await cli(['stats', caseDir, '--json']);
    expect(stats.code).toBe(0);
    expect(JSON.parse(stats.out)).toMatchObject({
      captures: 5,
      daysActive: 2,
      period: { first: '2021-04-18T09:30:15+08:00', last: '2021-04-19T23:59:59+08:00' },
      perDay: [{ date: '2021-04-18', captures: 3 }, { date: '2021-04-19', captures: 2 }],
      cameras: [{ id: 'CAM01', name: '入口摄像头', captures: 2 }, { id: 'CAM02', name: '大厅东侧', captures: 3 }],
    });

    const audit = await cli(['audit', caseDir]);
    expect(audit.out).toMatch(/audit chain intact/u);
  });

  it('refuses an invalid credit code with one line that says what to do, and creates nothing', async () => {
    const caseDir = path.join(tempDir(), 'case');
    const result = await cli(['case', 'create', caseDir, '--number', '禹市监处罚〔2022〕12号', '--party', 'X公司', '--credit-code', '91350100M000100Y44']);
    expect(result.code).toBe(1);
    expect(result.err.split('\n')).toHaveLength(1);
    expect(result.err).toContain('check character (GB 32100-2015 gives 3)');
    expect(fs.existsSync(caseDir)).toBe(false);
  });

  it('explains a malformed case number and offers the corrected form', async () => {
    const result = await cli(['case', 'create', path.join(tempDir(), 'c'), '--number', '禹市监处罚[2022]第012号', '--party', 'X公司']);
    expect(result.code).toBe(1);
    expect(result.err).toBe(
      'Case number "禹市监处罚[2022]第012号" is malformed: the year must be in 〔〕; no 第 before the serial number; the serial number must not have leading zeros; did you mean "禹市监处罚〔2022〕12号".',
    );
  });

  it('speaks Chinese when asked', async () => {
    process.env.FACEAUDIT_LANG = 'zh';
    try {
      const result = await cli(['stats', path.join(tempDir(), 'none'), '--json']);
      expect(result.code).toBe(1);
      expect(result.err).toMatch(/不是案件文件夹/u);
    } finally {
      delete process.env.FACEAUDIT_LANG;
    }
  });

  it('warns about rows whose image is missing, naming the row', async () => {
    const root = tempDir();
    const caseDir = path.join(root, 'case');
    const rows = await writeSmallArchive(path.join(root, 'archive'));
    fs.rmSync(path.join(root, 'archive', rows[1]![4]!));
    await cli(['case', 'create', caseDir, '--number', '禹市监处罚〔2022〕12号', '--party', 'X公司']);
    const result = await cli(['import', caseDir, path.join(root, 'archive')]);
    expect(result.code).toBe(0);
    expect(result.err).toContain('1 sheet rows name an image that is not in the archive (first: 抓拍记录.csv row 3: 抓拍图片/CAM01_20210418_093102_000.jpg)');
  });

  it('rejects unknown options and commands with exit 1, no stack trace', async () => {
    const bad = await cli(['stats', '/tmp', '--bogus']);
    expect(bad.code).toBe(1);
    expect(bad.err).not.toMatch(/\n\s+at /u);
    expect((await cli(['frobnicate'])).code).toBe(1);
  });
});
