import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { findCaptureTable } from './captureTable';
import { recogniseHeaders } from './headerAliases';
import { readCsv } from './readCsv';

const text = '抓拍时间,设备名称,人脸图片\r\n2021-04-18 09:30:15,入口摄像头,a.jpg\r\n';

describe('record sheets', () => {
  it('reads GBK with its Chinese intact, numbering rows as the sheet does', () => {
    const sheet = readCsv(iconv.encode(text, 'gbk'));
    expect(sheet.encoding).toBe('gb18030');
    expect(sheet.rows).toEqual([
      { row: 1, cells: ['抓拍时间', '设备名称', '人脸图片'] },
      { row: 2, cells: ['2021-04-18 09:30:15', '入口摄像头', 'a.jpg'] },
    ]);
  });

  it('reads UTF-8 with and without BOM', () => {
    expect(readCsv(Buffer.from(text)).encoding).toBe('utf-8');
    const bom = readCsv(Buffer.from(`\uFEFF${text}`));
    expect(bom.encoding).toBe('utf-8-bom');
    expect(bom.rows[0]?.cells[0]).toBe('抓拍时间');
  });

  it('reads tab-separated sheets', () => {
    expect(readCsv(Buffer.from(text.replace(/,/gu, '\t'))).rows[1]?.cells[1]).toBe('入口摄像头');
  });

  it('keeps the sheet row numbers across blank lines and quoted line breaks', () => {
    const sheet = readCsv(Buffer.from('抓拍时间,设备名称,备注\n\n2021-04-18 09:30:15,A,"two\nlines"\n2021-04-18 09:31:15,B,x\n'));
    expect(sheet.rows.map((r) => r.row)).toEqual([1, 3, 5]);
  });

  it('finds the header below a title row', () => {
    const sheet = readCsv(Buffer.from('抓拍记录导出,,\n导出时间：2021-10-15,,\n抓拍时间,设备名称,人脸图片\n2021-04-18 09:30:15,入口,a.jpg\n'));
    const table = findCaptureTable(sheet)!;
    expect(table.headerRow).toBe(3);
    expect(table.rows).toEqual([{ row: 4, cells: ['2021-04-18 09:30:15', '入口', 'a.jpg'] }]);
  });

  it('finds no capture table in a sheet without time and camera columns', () => {
    expect(findCaptureTable(readCsv(Buffer.from('姓名,手机号\n张三,138****5678\n')))).toBeNull();
  });

  it('recognises Chinese and English headers, whatever their case, width or notes', () => {
    expect(recogniseHeaders(['序号', '抓拍时间', '设备编号', '设备名称', '人脸图片'])).toEqual({
      serial: 0, time: 1, cameraId: 2, cameraName: 3, faceImage: 4,
    });
    expect(recogniseHeaders(['Capture Time', 'CAMERA', 'face_image', 'Similarity'])).toMatchObject({
      time: 0, cameraName: 1, faceImage: 2, similarity: 3,
    });
    expect(recogniseHeaders(['抓拍时间（北京时间）', '相似度(%)', 'ＣＡＭＥＲＡ'])).toEqual({ time: 0, similarity: 1, cameraName: 2 });
  });
});
