/** Exported tables and charts: in the case's exports/ folder, headed by the case number, in the audit log. */
import fs from 'node:fs';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { readAudit } from '../audit/auditLog';
import { withCase } from '../store/caseStore';
import { buildTable } from './exportTables';
import { withOpenCase } from './withOpenCase';
import { writeHandCase } from './testing/handCase';
import { writeChart, writeTable } from './writeExport';

describe('findings exports', () => {
  const caseDir = writeHandCase();

  it('writes the per-day table as CSV in Chinese with the case number and the SQL behind it', async () => {
    const out = await withOpenCase(caseDir, (db) => writeTable(db, caseDir, 'perDay', buildTable(db, { table: 'perDay', lang: 'zh' }), 'csv', 'zh'));
    expect(out.rows).toBe(3);
    const text = fs.readFileSync(out.path, 'utf8');
    expect(text.startsWith('\uFEFF每日抓拍与人数\r\n文号,禹市监处罚〔2022〕12号\r\n')).toBe(true);
    expect(text).toContain('日期,抓拍数,人数,访客数\r\n2021-04-18,4,3,2\r\n2021-04-19,3,2,1\r\n2021-04-20,1,0,0\r\n');
    expect(text).toContain('SELECT local_date AS date, COUNT(*) AS captures FROM captures GROUP BY local_date');
    const entry = withCase(caseDir, readAudit).at(-1)!;
    expect(entry.action).toBe('findings.export');
    expect(entry.details).toMatchObject({ kind: 'table', name: 'perDay', format: 'csv', rows: 3 });
  });

  it('writes the camera table and the heat map as XLSX that Excel reads back', async () => {
    const cams = await withOpenCase(caseDir, (db) => writeTable(db, caseDir, 'cameras', buildTable(db, { table: 'cameras', lang: 'zh' }), 'xlsx', 'zh'));
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(cams.path);
    const sheet = book.worksheets[0]!;
    const values = sheet.getSheetValues().filter(Boolean).map((r) => (r as unknown[]).slice(1));
    expect(values[1]).toEqual(['文号', '禹市监处罚〔2022〕12号']);
    const header = values.findIndex((r) => r[0] === '设备编号');
    expect(values.slice(header + 1).map((r) => [r[0], r[3]])).toEqual([['CAM01', 2], ['CAM02', 3], ['CAM03', 3], ['CAM04', 0]]);

    const heat = withCase(caseDir, (db) => buildTable(db, { table: 'heatmap', lang: 'zh' }));
    expect(heat.rows.find((r) => r[0] === '周一')?.[15]).toBe(3); // Monday 14:00 (column 0 is the weekday)
    expect(heat.rows.reduce((s, r) => s + r.slice(1).reduce<number>((a, v) => a + Number(v), 0), 0)).toBe(8);
  });

  it('exports the headline figures, the platform comparison, a person\'s visits and the captures of a cell', () => {
    withCase(caseDir, (db) => {
      const headline = buildTable(db, { table: 'headline', lang: 'en' });
      expect(headline.rows.find((r) => r[0] === 'Visitors (not staff)')?.slice(1, 2)).toEqual([2]);
      expect(headline.rows.find((r) => r[0] === 'Persons range (sensitivity)')?.[1]).toBe('2–4');
      expect(buildTable(db, { table: 'platform', lang: 'zh' }).rows[0]).toEqual(['人员数（平台人员编号数）', 5, 3, -2]);
      expect(buildTable(db, { table: 'visits', lang: 'zh', personId: 1 }).rows.map((r) => r[4])).toEqual([2, 1, 1]);
      expect(buildTable(db, { table: 'captures', lang: 'zh', filter: { zone: '大厅' } }).rows).toHaveLength(6);
    });
  });

  it('saves a chart as SVG or PNG, and refuses anything else', () => {
    const svg = withCase(caseDir, (db) => writeChart(db, caseDir, 'per-day', 'svg', '<svg xmlns="http://www.w3.org/2000/svg"><text>禹市监处罚〔2022〕12号</text></svg>'));
    expect(fs.readFileSync(svg.path, 'utf8')).toContain('禹市监处罚');
    const png = Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex').toString('base64');
    expect(withCase(caseDir, (db) => writeChart(db, caseDir, 'per-day', 'png', png)).bytes).toBe(16);
    expect(() => withCase(caseDir, (db) => writeChart(db, caseDir, 'x', 'png', Buffer.from('GIF89a').toString('base64')))).toThrow(/not a PNG/u);
    expect(() => withCase(caseDir, (db) => writeChart(db, caseDir, 'x', 'svg', '<html></html>'))).toThrow(/not an SVG/u);
  });
});
