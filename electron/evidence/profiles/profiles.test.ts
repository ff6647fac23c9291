import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { UserError } from '../../../shared/messages';
import { FileResolver } from '../captureRows';
import { authRowsFromSheet } from '../sheet/authRows';
import { classifySheet } from '../sheet/classifySheet';
import type { NamedSheet } from '../sheet/namedSheet';
import { parseTimeWithFormat } from '../sheet/parseTimeWithFormat';
import { readCsv } from '../sheet/readCsv';
import { readSheetFile } from '../sheet/readSheetFile';
import { applyProfile } from './applyProfile';
import type { ColumnProfile } from './profileSchema';
import { listProfiles, loadProfile, profilesDir, saveProfile } from './profileStore';

let workspace: string;
beforeAll(() => {
  workspace = fs.mkdtempSync(path.join(os.tmpdir(), 'faceaudit-profiles-'));
});
afterAll(() => fs.rmSync(workspace, { recursive: true, force: true }));

const sheetOf = (text: string): NamedSheet => ({ ...readCsv(Buffer.from(text)), name: 'odd.csv', rowUnit: 'row', problems: [] });

/** A platform whose headers no alias knows and whose times are day-first. */
const ODD = ['平台导出,,,', 'when,where,pic,score', '18/04/2021 9:30,门口,a.jpg,88', '18/04/2021 21:05,门口,b.jpg,91', '31/02/2021 9:00,门口,c.jpg,70'].join('\n');

const PROFILE: ColumnProfile = {
  name: '某平台/v2',
  description: 'day-first times',
  columns: { time: 'when', cameraName: 'WHERE', faceImage: 2, similarity: 'score' },
  timeFormat: 'dd/MM/yyyy H:mm',
  kind: 'captures',
};

describe('column-mapping profiles', () => {
  it('saves under a clean name, lists, loads by the CLI name, and applies', () => {
    const saved = saveProfile(workspace, PROFILE);
    expect(saved.name).toBe('某平台_v2');
    expect(fs.existsSync(path.join(profilesDir(workspace), '某平台_v2.json'))).toBe(true);
    expect(listProfiles({ root: workspace })).toEqual([{ name: '某平台_v2', kind: 'captures', description: 'day-first times', problem: null }]);
    const loaded = loadProfile(workspace, '某平台_v2.json');
    expect(loaded).toEqual({ ...PROFILE, name: '某平台_v2' });

    const table = applyProfile(sheetOf(ODD), loaded);
    expect(table.headerRow).toBe(2);
    expect(table.mapping).toEqual({ time: 0, cameraName: 1, faceImage: 2, similarity: 3 });
    expect(table.timeFormat).toBe('dd/MM/yyyy H:mm');
    expect(table.rows.map((r) => r.row)).toEqual([3, 4, 5]);
    expect(classifySheet(sheetOf(ODD), loaded)).toMatchObject({ kind: 'captures', table: { headerRow: 2 } });
  });

  it('reads a custom time format, still rejecting impossible dates', () => {
    expect(parseTimeWithFormat('18/04/2021 9:30', 'Asia/Shanghai', 'dd/MM/yyyy H:mm')?.iso).toBe('2021-04-18T09:30:00+08:00');
    expect(parseTimeWithFormat('18/04/2021 21:05', 'Asia/Shanghai', 'dd/MM/yyyy H:mm')?.localDate).toBe('2021-04-18');
    expect(parseTimeWithFormat('31/02/2021 9:00', 'Asia/Shanghai', 'dd/MM/yyyy H:mm')).toBeNull();
    expect(parseTimeWithFormat('2021-04-18 09:30:15.5', 'Asia/Shanghai', 'dd/MM/yyyy H:mm')?.iso).toBe('2021-04-18T09:30:15.500+08:00');
    expect(parseTimeWithFormat('2021年4月18日 9时30分', 'Asia/Shanghai', "yyyy'年'M'月'd'日' H'时'm'分'")?.ms).toBe(Date.UTC(2021, 3, 18, 1, 30));
  });

  it('names what is missing when a profile does not fit the sheet', () => {
    const wrong: ColumnProfile = { name: 'p', columns: { time: 'when', cameraName: '设备', faceImage: 9 }, kind: 'captures' };
    const error = (() => {
      try {
        applyProfile(sheetOf(ODD), wrong);
      } catch (e) {
        return e as UserError;
      }
      return null;
    })();
    expect(error).toBeInstanceOf(UserError);
    expect(error!.code).toBe('profile.columnsMissing');
    expect(error!.message).toContain('cameraName → "设备"');
    expect(error!.message).toContain('faceImage → column 9 (the sheet has 4)');
    // Every header found but a required field not mapped.
    expect(() => applyProfile(sheetOf(ODD), { name: 'p', columns: { time: 'when' }, kind: 'captures' })).toThrow(/设备名称\/camera/u);
    expect(() => applyProfile(sheetOf(ODD), { name: 'p', columns: { customerName: 'where' }, kind: 'auth' })).toThrow(/人员编号/u);
  });

  it('maps a headerless sheet by column index', () => {
    const table = applyProfile(sheetOf('2021-04-18 09:30:15,CAM1,a.jpg\n2021-04-18 09:31:15,CAM2,b.jpg\n'), {
      name: 'bare', headerRow: 0, columns: { time: 0, cameraId: 1, faceImage: 2 }, kind: 'captures',
    });
    expect(table).toMatchObject({ headerRow: 0, headers: ['column 1', 'column 2', 'column 3'], mapping: { time: 0, cameraId: 1, faceImage: 2 } });
    expect(table.rows).toHaveLength(2);
  });

  it('reports missing, invalid and unusable profiles clearly', () => {
    expect(() => loadProfile(workspace, '不存在')).toThrow(expect.objectContaining({ code: 'profile.missing' }));
    fs.writeFileSync(path.join(profilesDir(workspace), 'broken.json'), JSON.stringify({ name: 'broken', columns: { time: -1 }, kind: 'x' }));
    expect(() => loadProfile(workspace, 'broken')).toThrow(expect.objectContaining({ code: 'profile.invalid' }));
    expect(listProfiles(workspace).find((p) => p.name === 'broken')?.problem).toMatch(/kind/u);
    expect(() => saveProfile(workspace, { ...PROFILE, name: '../..' })).toThrow(expect.objectContaining({ code: 'profile.nameInvalid' }));
    expect(() => saveProfile(workspace, { ...PROFILE, columns: { time: '' } })).toThrow(expect.objectContaining({ code: 'profile.invalid' }));
    expect(fs.readdirSync(profilesDir(workspace)).sort()).toEqual(['broken.json', '某平台_v2.json']);
  });

  it('maps an XLSX auth worksheet through an auth profile', async () => {
    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet('认证');
    sheet.addRow(['会员', '联系方式', '底照', '验证于']);
    sheet.addRow(['张三', 13812345678, 'p1.jpg', '2021/4/18 9:31']);
    const file = path.join(workspace, 'auth.xlsx');
    await book.xlsx.writeFile(file);
    const [read] = await readSheetFile(file, 'auth.xlsx');
    expect(classifySheet(read!).kind).toBe('unknown');
    const result = classifySheet(read!, {
      name: 'auth', kind: 'auth', timeFormat: 'yyyy/M/d H:mm',
      columns: { customerName: '会员', phone: '联系方式', faceImage: '底照', authTime: '验证于' },
    });
    expect(result).toMatchObject({ kind: 'auth', table: { headerRow: 1, mapping: { customerName: 0, phone: 1, faceImage: 2, authTime: 3 } } });
    expect(read!.rows[1]!.cells[1]).toBe('13812345678');
    if (result.kind !== 'auth') return;
    const findings = { rowsWithoutFile: [], badRows: [] };
    const [row] = authRowsFromSheet('auth.xlsx#认证', result.table, new FileResolver([]), 'Asia/Shanghai', findings, 'auth.xlsx');
    expect(row).toMatchObject({ sheetRow: 2, customerName: '张三', phone: '13812345678', time: { iso: '2021-04-18T09:31:00+08:00' } });
  });
});
