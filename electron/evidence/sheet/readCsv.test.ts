import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { recogniseHeaders } from './headerAliases';
import { readCsv } from './readCsv';

const text = '抓拍时间,设备名称,人脸图片\r\n2021-04-18 09:30:15,入口摄像头,a.jpg\r\n';

describe('record sheets', () => {
  it('reads GBK with its Chinese intact', () => {
    const table = readCsv(iconv.encode(text, 'gbk'));
    expect(table.encoding).toBe('gb18030');
    expect(table.headers).toEqual(['抓拍时间', '设备名称', '人脸图片']);
    expect(table.rows).toEqual([{ row: 1, cells: ['2021-04-18 09:30:15', '入口摄像头', 'a.jpg'] }]);
  });

  it('reads UTF-8 with and without BOM', () => {
    expect(readCsv(Buffer.from(text)).encoding).toBe('utf-8');
    const bom = readCsv(Buffer.from(`\uFEFF${text}`));
    expect(bom.encoding).toBe('utf-8-bom');
    expect(bom.headers[0]).toBe('抓拍时间');
  });

  it('reads tab-separated sheets', () => {
    expect(readCsv(Buffer.from(text.replace(/,/gu, '\t'))).rows[0]?.cells[1]).toBe('入口摄像头');
  });

  it('recognises Chinese and English headers, whatever their case and width', () => {
    expect(recogniseHeaders(['序号', '抓拍时间', '设备编号', '设备名称', '人脸图片'])).toEqual({
      serial: 0, time: 1, cameraId: 2, cameraName: 3, faceImage: 4,
    });
    expect(recogniseHeaders(['Capture Time', 'CAMERA', 'face_image', 'Similarity'])).toMatchObject({
      time: 0, cameraName: 1, faceImage: 2, similarity: 3,
    });
  });
});
