/**
 * Writes an exported table or chart into the case's exports/ folder, headed by the case number (a page torn from
 * the case file must still say which case it belongs to), and records it in the audit log with its SHA-256.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { UserError } from '../../shared/messages';
import { appendAudit } from '../audit/auditLog';
import type { CaseDb } from '../store/caseDb';
import { readCaseInfo } from '../store/caseStore';
import { label, type ExportLang } from './exportLabels';
import type { Cell, TableData } from './exportTables';

export const EXPORTS_DIR = 'exports';

function exportPath(caseDir: string, name: string, ext: string): string {
  const dir = path.join(caseDir, EXPORTS_DIR);
  fs.mkdirSync(dir, { recursive: true });
  const stamp = new Date().toISOString().replace(/[-:]/gu, '').replace('T', '-').slice(0, 15);
  let file = path.join(dir, `${name}-${stamp}.${ext}`);
  for (let i = 2; fs.existsSync(file); i++) file = path.join(dir, `${name}-${stamp}-${i}.${ext}`);
  return file;
}

/** The lines above the table: title, case number, provenance of its figures. */
function headLines(db: CaseDb, table: TableData, lang: ExportLang): Cell[][] {
  const info = readCaseInfo(db);
  const lines: Cell[][] = [[table.title], [label('caseNumber', lang), info.number]];
  for (const { figure, provenance } of table.provenance) {
    lines.push([`${label('provenance', lang)} ${figure}`, provenance.sql, JSON.stringify(provenance.params)]);
    lines.push([label('computedAt', lang), provenance.computedAt, label('identityRun', lang), provenance.identityRun, label('decisions', lang), provenance.decisions]);
  }
  return lines;
}

function csvCell(value: Cell): string {
  const text = value === null ? '' : String(value);
  return /[",\r\n]/u.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

export async function writeTable(db: CaseDb, caseDir: string, name: string, table: TableData, format: 'csv' | 'xlsx', lang: ExportLang): Promise<{ path: string; rows: number }> {
  const file = exportPath(caseDir, name, format);
  const head = headLines(db, table, lang);
  if (format === 'csv') {
    const lines = [...head, [], table.columns, ...table.rows].map((r) => r.map(csvCell).join(','));
    // A BOM, so Excel on Chinese Windows reads the UTF-8 as UTF-8.
    fs.writeFileSync(file, '\uFEFF' + lines.join('\r\n') + '\r\n', 'utf8');
  } else {
    const book = new ExcelJS.Workbook();
    book.creator = 'FaceAudit';
    const sheet = book.addWorksheet(table.title.slice(0, 31).replace(/[\\/?*[\]:]/gu, ' '));
    for (const line of head) sheet.addRow(line);
    sheet.getRow(1).font = { bold: true, size: 14 };
    sheet.addRow([]);
    const header = sheet.addRow(table.columns);
    header.font = { bold: true };
    for (const row of table.rows) sheet.addRow(row);
    sheet.columns.forEach((column) => {
      column.width = 16;
    });
    await book.xlsx.writeFile(file);
  }
  audit(db, { kind: 'table', name, format, rows: table.rows.length }, file);
  return { path: file, rows: table.rows.length };
}

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

export function writeChart(db: CaseDb, caseDir: string, name: string, format: 'svg' | 'png', data: string): { path: string; bytes: number } {
  const bytes = format === 'png' ? Buffer.from(data, 'base64') : Buffer.from(data, 'utf8');
  if (format === 'png' && !bytes.subarray(0, 8).equals(PNG_SIGNATURE)) throw new UserError('args.invalid', { details: 'data is not a PNG image' });
  if (format === 'svg' && !/^\s*(<\?xml[^>]*>\s*)?<svg[\s>]/u.test(data)) throw new UserError('args.invalid', { details: 'data is not an SVG image' });
  const file = exportPath(caseDir, name, format);
  fs.writeFileSync(file, bytes);
  audit(db, { kind: 'chart', name, format }, file);
  return { path: file, bytes: bytes.length };
}

function audit(db: CaseDb, what: Record<string, unknown>, file: string): void {
  const sha256 = crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex');
  appendAudit(db, 'findings.export', { ...what, file: path.relative(path.dirname(path.dirname(file)), file), sha256 });
}
