/**
 * The identities table: one row per face, `source_path, face, x, y, w, h, person, role` (issue 5's columns), as CSV
 * (UTF-8 with a byte-order mark, so Excel opens the Chinese paths correctly) or XLSX (streamed: 124,200 rows
 * never sit in memory at once). The path is the analysed image's path inside the archive as imported: the face
 * crop, or the scene image when the capture had no crop; the box is in that image's pixels. Faces set aside and
 * not attached to anyone have an empty person.
 */
import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import type { CaseDb } from '../store/caseDb';

export const IDENTITY_COLUMNS = ['source_path', 'face', 'x', 'y', 'w', 'h', 'person', 'role'] as const;

interface ExportRow {
  source_path: string | null;
  face: number;
  x: number; y: number; w: number; h: number;
  person: string | null;
  role: string | null;
}

function* exportRows(db: CaseDb): Generator<Array<string | number>> {
  const rows = db
    .prepare(
      `SELECT CASE WHEN f.source_sha256 = c.scene_sha256 AND c.scene_path IS NOT NULL THEN c.scene_path ELSE c.image_path END AS source_path,
              f.face_index AS face, f.box_x AS x, f.box_y AS y, f.box_w AS w, f.box_h AS h, p.label AS person, p.role AS role
         FROM faces f JOIN captures c ON c.id = f.capture_id
         LEFT JOIN face_persons fp ON fp.face_id = f.id LEFT JOIN persons p ON p.id = fp.person_id
        ORDER BY c.captured_ms, c.id, f.face_index`,
    )
    .iterate() as IterableIterator<ExportRow>;
  const px = (v: number) => Math.round(v);
  for (const r of rows) yield [r.source_path ?? '', r.face, px(r.x), px(r.y), px(r.w), px(r.h), r.person ?? '', r.person ? (r.role ?? 'unknown') : ''];
}

function csvCell(value: string | number): string {
  const text = String(value);
  return /[",\r\n]/u.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

export async function exportIdentities(db: CaseDb, file: string, format: 'csv' | 'xlsx'): Promise<number> {
  await fs.promises.mkdir(path.dirname(path.resolve(file)), { recursive: true });
  const tmp = `${file}.${process.pid}.tmp`;
  let rows = 0;
  try {
    if (format === 'csv') {
      const out = fs.createWriteStream(tmp);
      const write = (line: string) => (out.write(line) ? Promise.resolve() : new Promise<void>((r) => out.once('drain', () => r())));
      await write(`\ufeff${IDENTITY_COLUMNS.join(',')}\r\n`);
      for (const row of exportRows(db)) {
        await write(`${row.map(csvCell).join(',')}\r\n`);
        rows++;
      }
      await new Promise<void>((resolve, reject) => out.end((error?: Error | null) => (error ? reject(error) : resolve())));
    } else {
      const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: tmp, useStyles: false, useSharedStrings: false });
      const sheet = workbook.addWorksheet('identities');
      sheet.addRow([...IDENTITY_COLUMNS]).commit();
      for (const row of exportRows(db)) {
        sheet.addRow(row).commit();
        rows++;
      }
      sheet.commit();
      await workbook.commit();
    }
    await fs.promises.rename(tmp, file);
  } catch (error) {
    await fs.promises.rm(tmp, { force: true });
    throw error;
  }
  return rows;
}
