/**
 * Before importing: the record sheets a source holds and how each one is read, so the analyst can map the columns
 * of a sheet whose headers are not recognised (the column-mapping step) before anything is written to the case.
 * Reads only: sheets inside a ZIP are copied to a temporary folder to be parsed and the folder is removed.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import type { SheetPreviewItem } from '../../../shared/api';
import type { ColumnProfile } from '../profiles/profileSchema';
import { classifySheet, previewSheet } from '../sheet/classifySheet';
import { isSheetFileName, readSheetFile } from '../sheet/readSheetFile';
import { walkFolder } from '../walkFolder';
import { isZipName, readZipEntries } from '../zip/readZip';
import { sourceKindOf } from './sourceKind';

/** Sheets beyond this many are not previewed: an export has a few sheets, not hundreds. */
const MAX_SHEETS = 50;

/** The sheet files of a source; those inside a ZIP are copied into `tmp` as they are met (a ZIP entry can only be read while its archive is being listed). */
async function sheetEntries(root: string, tmp: string): Promise<Array<{ relPath: string; file: string }>> {
  const kind = await sourceKindOf(root);
  if (kind === 'sheet') return [{ relPath: path.basename(root), file: root }];
  const found: Array<{ relPath: string; file: string }> = [];
  const zips: Array<{ relPath: string; file: string }> = [];
  if (kind === 'folder') {
    for (const f of (await walkFolder(root)).files) {
      if (isSheetFileName(f.relPath)) found.push({ relPath: f.relPath, file: f.absPath });
      else if (isZipName(f.relPath)) zips.push({ relPath: f.relPath, file: f.absPath });
    }
  } else if (kind === 'zip') {
    zips.push({ relPath: path.basename(root), file: root });
  }
  // Sheets directly inside the ZIPs the source holds (not nested ones: a preview, not an import).
  for (const zip of zips) {
    try {
      for await (const item of readZipEntries(zip.file, { prefix: `${zip.relPath}/` })) {
        if (item.kind === 'file' && isSheetFileName(item.relPath)) {
          const file = path.join(tmp, `${found.length}${path.extname(item.relPath)}`);
          await pipeline(await item.open(), fs.createWriteStream(file));
          found.push({ relPath: item.relPath, file });
        }
        if (found.length >= MAX_SHEETS) break;
      }
    } catch {
      /* an unreadable archive is reported by the import itself */
    }
  }
  return found.slice(0, MAX_SHEETS);
}

export async function previewSheets(target: string, profile?: ColumnProfile): Promise<SheetPreviewItem[]> {
  const root = path.resolve(target);
  const tmp = await fs.promises.mkdtemp(path.join(os.tmpdir(), 'faceaudit-preview-'));
  try {
    const items: SheetPreviewItem[] = [];
    for (const source of await sheetEntries(root, tmp)) {
      const file = source.file;
      try {
        for (const sheet of await readSheetFile(file, source.relPath)) {
          let classified = classifySheet(sheet);
          let profileError: string | null = null;
          if (classified.kind === 'unknown' && profile) {
            try {
              classified = classifySheet(sheet, profile);
            } catch (error) {
              profileError = (error as Error).message;
            }
          }
          const preview = previewSheet(sheet);
          items.push({
            name: sheet.name,
            file: source.relPath,
            kind: classified.kind,
            rowUnit: sheet.rowUnit,
            headerRow: classified.kind === 'unknown' ? null : classified.table.headerRow,
            mapping: classified.kind === 'unknown' ? {} : classified.table.mapping,
            profileError,
            error: null,
            preview: {
              rows: preview.rows, columnCount: preview.columnCount, totalRows: preview.totalRows,
              headerCandidates: preview.headerCandidates.map((c) => c.row),
            },
          });
        }
      } catch (error) {
        items.push({
          name: source.relPath, file: source.relPath, kind: 'unknown', rowUnit: 'row', headerRow: null, mapping: {},
          profileError: null, error: (error as Error).message, preview: { rows: [], columnCount: 0, totalRows: 0, headerCandidates: [] },
        });
      }
    }
    return items;
  } finally {
    await fs.promises.rm(tmp, { recursive: true, force: true });
  }
}
