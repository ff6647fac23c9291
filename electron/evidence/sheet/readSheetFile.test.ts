import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { UserError } from '../../../shared/messages';
import { parseCaptureTime } from '../parseTime';
import { readJsonSheet } from './readJsonSheet';
import { readSheetFile } from './readSheetFile';
import { xlsxCellText } from './xlsxCellText';

let dir: string;
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'faceaudit-sheet-'));
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

/** A two-sheet export as a platform makes it: a title row, real date cells, a long number, an image link. */
async function writeWorkbook(file: string): Promise<void> {
  const book = new ExcelJS.Workbook();
  const captures = book.addWorksheet('抓拍记录');
  captures.addRow(['抓拍记录导出 2021-10-15']);
  captures.addRow(['抓拍时间', '设备名称', '人脸图片', '手机号', '相似度', '次日']);
  // exceljs writes a Date's UTC fields as Excel's wall time: this cell shows 2021-04-18 09:30:15.120 in Excel.
  const first = captures.addRow([
    new Date(Date.UTC(2021, 3, 18, 9, 30, 15, 120)), '入口摄像头',
    { text: '查看图片', hyperlink: 'faces/%E5%BC%A0%E4%B8%89.jpg' }, 8613812345678, 0.953,
    { formula: 'A3+1', result: 44305.5 },
  ]);
  first.getCell(1).numFmt = 'yyyy-mm-dd hh:mm:ss.000';
  first.getCell(5).numFmt = '0.0%';
  first.getCell(6).numFmt = 'yyyy"年"m"月"d"日" h:mm';
  const second = captures.addRow([new Date(Date.UTC(2021, 3, 18, 23, 59, 59)), '大厅', 'b.jpg', '138****5678', 0.5]);
  second.getCell(1).numFmt = 'yyyy/m/d h:mm:ss';
  const auth = book.addWorksheet('客户认证');
  auth.addRow(['客户姓名', '手机号', '人员编号', '认证时间', '到访时刻']);
  const row = auth.addRow(['张三', '138****5678', 'P0001', '2021-04-18 09:31:00', 0.396875]);
  row.getCell(5).numFmt = 'hh:mm:ss';
  await book.xlsx.writeFile(file);
}

describe('XLSX', () => {
  it('reads every worksheet with Excel row numbers and cells as Excel shows them', async () => {
    const file = path.join(dir, 'export.xlsx');
    await writeWorkbook(file);
    const sheets = await readSheetFile(file, 'seized/export.xlsx');
    expect(sheets.map((s) => [s.name, s.encoding, s.rowUnit])).toEqual([
      ['seized/export.xlsx#抓拍记录', 'xlsx', 'row'],
      ['seized/export.xlsx#客户认证', 'xlsx', 'row'],
    ]);
    expect(sheets[0]!.rows).toEqual([
      { row: 1, cells: ['抓拍记录导出 2021-10-15'] },
      { row: 2, cells: ['抓拍时间', '设备名称', '人脸图片', '手机号', '相似度', '次日'] },
      { row: 3, cells: ['2021-04-18 09:30:15.120', '入口摄像头', 'faces/张三.jpg', '8613812345678', '95.3%', '2021-04-19 12:00:00'] },
      { row: 4, cells: ['2021-04-18 23:59:59', '大厅', 'b.jpg', '138****5678', '0.5'] },
    ]);
    expect(sheets[1]!.rows[1]!.cells).toEqual(['张三', '138****5678', 'P0001', '2021-04-18 09:31:00', '09:31:30']);
    // The wall time read back is the case-zone time, whatever zone this machine is in.
    expect(parseCaptureTime(sheets[0]!.rows[2]!.cells[0]!, 'Asia/Shanghai')?.iso).toBe('2021-04-18T09:30:15.120+08:00');
  });

  it('keeps wall-clock text independent of the machine zone', () => {
    const date = new Date(Date.UTC(2021, 0, 1, 0, 0, 0));
    expect(xlsxCellText({ value: date, numFmt: 'yyyy-mm-dd hh:mm' })).toBe('2021-01-01 00:00:00');
    expect(xlsxCellText({ value: date, numFmt: 'yyyy-mm-dd' })).toBe('2021-01-01');
    expect(xlsxCellText({ value: 44304.396, numFmt: 'General' })).toBe('44304.396');
    expect(xlsxCellText({ value: 44304.5, numFmt: 'yyyy/m/d h:mm' })).toBe('2021-04-18 12:00:00');
    expect(xlsxCellText({ value: 123456789012345, numFmt: 'General' })).toBe('123456789012345');
    expect(xlsxCellText({ value: 0.1 + 0.2 })).toBe('0.3');
    expect(xlsxCellText({ value: { richText: [{ text: '入口' }, { text: '摄像头' }] } })).toBe('入口摄像头');
    expect(xlsxCellText({ value: { formula: 'A1', result: { error: '#N/A' } } })).toBe('#N/A');
  });

  it('refuses a file that is not a workbook with a reason, as a UserError', async () => {
    const file = path.join(dir, 'old.xlsx');
    fs.writeFileSync(file, Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 1, 2, 3, 4])); // an old binary .xls renamed
    const error = await readSheetFile(file, 'old.xlsx').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UserError);
    expect((error as UserError).code).toBe('sheet.unreadable');
    expect((error as UserError).message).toContain('old.xlsx');
    const truncated = path.join(dir, 'cut.xlsx');
    fs.writeFileSync(truncated, fs.readFileSync(path.join(dir, 'export.xlsx')).subarray(0, 300));
    await expect(readSheetFile(truncated, 'cut.xlsx')).rejects.toMatchObject({ code: 'sheet.unreadable' });
    const empty = path.join(dir, 'empty.csv');
    fs.writeFileSync(empty, '');
    await expect(readSheetFile(empty, 'empty.csv')).rejects.toThrow(/empty/u);
  });
});

describe('JSON and JSON Lines', () => {
  it('finds the records inside an API envelope and flattens nested keys', () => {
    const body = {
      code: 0,
      msg: 'ok',
      data: {
        total: 2,
        cameras: [{ id: 1 }],
        list: [
          { captureTime: '2021-04-18 09:30:15', camera: { id: 'C1', name: '入口' }, faceUrl: 'a.jpg' },
          { captureTime: '2021-04-18 09:31:15', camera: { id: 'C2', name: '大厅' }, faceUrl: 'b.jpg', personId: 'P9' },
        ],
      },
    };
    const [sheet] = readJsonSheet(iconv.encode(JSON.stringify(body), 'gbk'), 'api.json');
    expect(sheet!.rowUnit).toBe('record');
    expect(sheet!.encoding).toBe('gb18030');
    expect(sheet!.rows).toEqual([
      { row: 0, cells: ['captureTime', 'camera.id', 'camera.name', 'faceUrl', 'personId'] },
      { row: 1, cells: ['2021-04-18 09:30:15', 'C1', '入口', 'a.jpg', ''] },
      { row: 2, cells: ['2021-04-18 09:31:15', 'C2', '大厅', 'b.jpg', 'P9'] },
    ]);
  });

  it('numbers JSON Lines by line and reports a broken line without losing the others', async () => {
    const file = path.join(dir, 'records.jsonl');
    fs.writeFileSync(file, '{"time":"2021-04-18 09:30:15","device":"A"}\n\n{"time":"2021-04-18 09:31:15","device":\n{"time":"2021-04-18 09:32:15","device":"B"}\n');
    const [sheet] = await readSheetFile(file, 'records.jsonl');
    expect(sheet!.rowUnit).toBe('line');
    expect(sheet!.rows).toEqual([
      { row: 0, cells: ['time', 'device'] },
      { row: 1, cells: ['2021-04-18 09:30:15', 'A'] },
      { row: 4, cells: ['2021-04-18 09:32:15', 'B'] },
    ]);
    expect(sheet!.problems).toHaveLength(1);
    expect(sheet!.problems[0]!.row).toBe(3);
  });

  it('reads a top-level array, and refuses JSON with no records', () => {
    expect(readJsonSheet(Buffer.from('\uFEFF[{"a":1},{"b":null}]'), 'x.json')[0]!.rows).toEqual([
      { row: 0, cells: ['a', 'b'] },
      { row: 1, cells: ['1', ''] },
      { row: 2, cells: ['', ''] },
    ]);
    expect(() => readJsonSheet(Buffer.from('[1,2,3]'), 'x.json')).toThrow(/no records/u);
  });

  it('reads a .csv by content even when named .txt, and a GBK CSV', async () => {
    const file = path.join(dir, 'export.txt');
    fs.writeFileSync(file, iconv.encode('抓拍时间\t设备名称\n2021-04-18 09:30:15\t入口\n', 'gbk'));
    const [sheet] = await readSheetFile(file, 'export.txt');
    expect(sheet).toMatchObject({ name: 'export.txt', encoding: 'gb18030', rowUnit: 'row' });
    expect(sheet!.rows[1]!.cells).toEqual(['2021-04-18 09:30:15', '入口']);
  });
});
