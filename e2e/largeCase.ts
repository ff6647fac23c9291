/**
 * A case at the scale of the real ones, written straight into the case database (as an import would have
 * written it), so the UI can be driven at 100,000+ captures without generating 100,000 images.
 */
import path from 'node:path';
import { openCaseDb } from '../electron/store/caseDb';
import { createCase } from '../electron/store/caseStore';

export function writeLargeCase(parentDir: string, busyDayCaptures: number): { caseDir: string; busyDay: string; total: number } {
  const caseDir = path.join(parentDir, 'large');
  createCase(caseDir, { number: '禹市监处罚〔2022〕99号', partyName: '大规模测试公司' });
  const db = openCaseDb(caseDir);
  const busyDay = '2021-05-01';
  const quietDay = { date: '2021-05-02', captures: 10 };
  try {
    db.transaction(() => {
      db.prepare("INSERT INTO sources (kind, original_path, manifest_sha256, imported_at, file_count, report) VALUES ('folder', 'synthetic', 'synthetic', '', 0, '{}')").run();
      db.prepare("INSERT INTO cameras (id, name) VALUES ('CAM01', '入口1')").run();
      const insert = db.prepare(`INSERT INTO captures (source_id, sheet_path, sheet_row, captured_at, captured_ms, local_date, time_source, camera_id, raw)
        VALUES (1, 'synthetic.csv', ?, ?, ?, ?, 'sheet', 'CAM01', '{}')`);
      const write = (row: number, date: string, secondOfDay: number) => {
        const ms = Date.parse(`${date}T00:00:00+08:00`) + secondOfDay * 1000;
        const local = new Date(ms + 8 * 3_600_000).toISOString().slice(0, 19);
        insert.run(row, `${local}+08:00`, ms, date);
      };
      // 100,000 captures spread over one day: several a second, as a busy camera set would produce.
      for (let i = 0; i < busyDayCaptures; i++) write(i + 1, busyDay, Math.floor((i * 86_399) / busyDayCaptures));
      for (let i = 0; i < quietDay.captures; i++) write(busyDayCaptures + i + 1, quietDay.date, 36_000 + i * 60);
    })();
  } finally {
    db.close();
  }
  return { caseDir, busyDay, total: busyDayCaptures + quietDay.captures };
}
