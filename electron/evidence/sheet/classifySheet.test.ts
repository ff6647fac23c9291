import { describe, expect, it } from 'vitest';
import { FileResolver } from '../captureRows';
import { authRowsFromSheet } from './authRows';
import { classifySheet } from './classifySheet';
import { recogniseHeaders } from './headerAliases';
import type { NamedSheet } from './namedSheet';
import { readCsv } from './readCsv';

const sheetOf = (text: string, name = 'x.csv'): NamedSheet => ({ ...readCsv(Buffer.from(text)), name, rowUnit: 'row', problems: [] });

const AUTH = [
  '客户认证记录,,,,,,,',
  '序号,客户姓名,手机号,人员编号,注册照片,认证时间,认证结果,置业顾问,证件号',
  '1,张三,138****5678,P0001,faces/p1.jpg,2021-04-18 09:31:00,认证成功,李四,3101**********1234',
  '2,王五,139****0000,P0002,missing.jpg,2021-02-30 10:00:00,认证成功,李四,',
  '3,,,,,,,,',
  '4,赵六,,P0003,,,待认证,,',
].join('\n');

describe('sheet classification', () => {
  it('recognises English export headers in snake_case and camelCase', () => {
    expect(recogniseHeaders(['captureTime', 'deviceName', 'faceUrl', 'personId', 'scene_url', 'device_sn'])).toEqual({
      time: 0, cameraName: 1, faceImage: 2, personId: 3, sceneImage: 4, cameraId: 5,
    });
    expect(recogniseHeaders(['认证时间', '核验结果', '身份证号', '场景图片'])).toEqual({ authTime: 0, result: 1, idNumber: 2, sceneImage: 3 });
  });

  it('classifies a capture sheet as captures', () => {
    const result = classifySheet(sheetOf('抓拍时间,设备名称,人脸图片,客户姓名\n2021-04-18 09:30:15,入口,a.jpg,张三\n'));
    expect(result.kind).toBe('captures');
  });

  it('classifies an authentication sheet as auth, with its header below the title', () => {
    const result = classifySheet(sheetOf(AUTH));
    expect(result.kind).toBe('auth');
    if (result.kind !== 'auth') return;
    expect(result.table.headerRow).toBe(2);
    expect(result.table.mapping).toMatchObject({ customerName: 1, phone: 2, personId: 3, faceImage: 4, authTime: 5, result: 6, salesAgent: 7, idNumber: 8 });
  });

  it('lets the sheet name decide a sheet that fits both kinds', () => {
    const text = '时间,设备,客户姓名,人员编号\n2021-04-18 09:30:15,入口,张三,P1\n';
    expect(classifySheet(sheetOf(text, 'book.xlsx#抓拍')).kind).toBe('captures');
    expect(classifySheet(sheetOf(text, 'book.xlsx#客户认证记录')).kind).toBe('auth');
  });

  it('gives a preview of an unknown sheet for the mapping step', () => {
    const rows = ['导出,,', 'when,where,pic', ...Array.from({ length: 30 }, (_, i) => `18/04/2021 9:${String(i).padStart(2, '0')},门口,${i}.jpg`)];
    const result = classifySheet(sheetOf(rows.join('\n')));
    expect(result.kind).toBe('unknown');
    if (result.kind !== 'unknown') return;
    expect(result.preview.rows).toHaveLength(20);
    expect(result.preview.rows[1]).toEqual({ row: 2, cells: ['when', 'where', 'pic'] });
    expect(result.preview.columnCount).toBe(3);
    expect(result.preview.totalRows).toBe(32);
    expect(result.preview.headerCandidates).toEqual([]);
  });
});

describe('authentication records', () => {
  it('keeps each record with its sheet row, linking the image, and reports what is wrong', () => {
    const classified = classifySheet(sheetOf(AUTH));
    if (classified.kind !== 'auth') throw new Error('not classified as auth');
    const resolver = new FileResolver([{ relPath: 'seized/faces/p1.jpg', sha256: 'ab'.repeat(32), size: 1, mediaType: 'image/jpeg', modifiedAt: '2021-04-18T00:00:00Z' }]);
    const findings: Parameters<typeof authRowsFromSheet>[4] = { rowsWithoutFile: [], badRows: [] };
    const rows = authRowsFromSheet('seized/auth.csv', classified.table, resolver, 'Asia/Shanghai', findings);
    expect(rows.map((r) => r.sheetRow)).toEqual([3, 4, 6]);
    expect(rows[0]).toMatchObject({
      customerName: '张三', phone: '138****5678', platformPersonId: 'P0001', imagePath: 'seized/faces/p1.jpg',
      imageSha256: 'ab'.repeat(32), salesAgent: '李四', result: '认证成功', cameraId: null,
      time: { iso: '2021-04-18T09:31:00+08:00' },
    });
    expect(rows[0]!.raw['证件号']).toBe('3101**********1234');
    expect(rows[1]).toMatchObject({ customerName: '王五', time: null, imagePath: 'missing.jpg', imageSha256: null });
    expect(rows[2]).toMatchObject({ customerName: '赵六', time: null, result: '待认证' });
    expect(findings.rowsWithoutFile).toEqual([{ sheet: 'seized/auth.csv', row: 4, path: 'missing.jpg' }]);
    expect(findings.badRows.map((f) => f.row)).toEqual([4, 5]);
    expect(findings.badRows[0]!.reason).toContain('2021-02-30');
  });
});
