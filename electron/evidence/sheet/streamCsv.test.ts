import fs from 'node:fs';
import path from 'node:path';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../../testing/fixtures';
import { readCsv } from './readCsv';
import { streamCsv } from './streamCsv';

async function all(file: string) {
  const { encoding, rows } = await streamCsv(file);
  const out = [];
  for await (const row of rows) out.push(row);
  return { encoding, rows: out };
}

describe('streaming a CSV sheet', () => {
  it('gives exactly what reading it whole gives, in every encoding, with quoted newlines and blank lines', async () => {
    const dir = tempDir();
    const text = '抓拍记录导出\r\n序号\t抓拍时间\t设备名称\t备注\r\n1\t2021-04-18 09:30:15\t入口\t"第一行\n第二行"\r\n\r\n2\t2021-04-18 09:31:00\t大厅\t无\r\n';
    const variants: Array<[string, Buffer]> = [
      ['gbk.csv', iconv.encode(text, 'gbk')],
      ['utf8.csv', Buffer.from(text, 'utf8')],
      ['bom.csv', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')])],
      ['utf16.csv', Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(text, 'utf16le')])],
    ];
    for (const [name, bytes] of variants) {
      const file = path.join(dir, name);
      fs.writeFileSync(file, bytes);
      const whole = readCsv(bytes);
      expect(await all(file), name).toEqual({ encoding: whole.encoding, rows: whole.rows });
    }
    expect(readCsv(variants[0]![1]).rows.map((r) => r.row)).toEqual([1, 2, 3, 6]);
  });

  it('decides GB18030 even when the GBK bytes come after a long ASCII start', async () => {
    const file = path.join(tempDir(), 'late.csv');
    const ascii = 'time,camera\n' + '2021-04-18 09:30:15,CAM01\n'.repeat(10_000);
    fs.writeFileSync(file, Buffer.concat([Buffer.from(ascii), iconv.encode('2021-04-18 09:30:16,大厅\n', 'gbk')]));
    const { encoding, rows } = await all(file);
    expect(encoding).toBe('gb18030');
    expect(rows.at(-1)!.cells).toEqual(['2021-04-18 09:30:16', '大厅']);
  });
});
