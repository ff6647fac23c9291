/**
 * Files the page may download from the browser host: only what the services exported into a case's exports/
 * folder (documents, tables, charts), named by the file's base name. The browser has no other way to reach a file
 * the services wrote (Electron shows the path, and the user opens it from there).
 */
import fs from 'node:fs';
import path from 'node:path';

const CONTENT_TYPES: Record<string, string> = {
  '.pdf': 'application/pdf',
  '.docx': 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  '.xlsx': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  '.csv': 'text/csv; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
};

export interface ExportFile {
  file: string;
  name: string;
  contentType: string;
}

/**
 * The exported file `name` of the case at `caseDir`, or null: a name with a path in it, a case folder without a
 * case database, or a file that is not a regular file right inside exports/ gives null.
 */
export function exportFile(caseDir: string, name: string): ExportFile | null {
  if (!caseDir || !name || name !== path.basename(name) || name.startsWith('.') || /[\\/\0]/u.test(name)) return null;
  const dir = path.resolve(caseDir);
  if (!fs.existsSync(path.join(dir, 'case.sqlite'))) return null;
  const file = path.join(dir, 'exports', name);
  let stat: fs.Stats;
  try {
    stat = fs.lstatSync(file);
  } catch {
    return null;
  }
  if (!stat.isFile()) return null;
  return { file, name, contentType: CONTENT_TYPES[path.extname(name).toLowerCase()] ?? 'application/octet-stream' };
}

/** Content-Disposition for a download: the name as typed (UTF-8, RFC 6266) and an ASCII stand-in for old clients. */
export function attachmentHeader(name: string): string {
  const ascii = name.replace(/[^\x20-\x7e]|["\\]/gu, '_');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(name)}`;
}
