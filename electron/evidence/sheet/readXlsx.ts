/**
 * Reading every worksheet of an XLSX/XLSM workbook into rows of cell text, numbered as Excel numbers them.
 *
 * exceljs's streaming reader is used so a 124k-row export is parsed as it is unzipped rather than built into a
 * whole workbook model. Styles are read because a cell is only a date by its number format; hyperlinks are read
 * because platforms often put the image path in a link whose text is just "查看图片".
 */
import path from 'node:path';
import ExcelJS from 'exceljs';
import type { NamedSheet } from './namedSheet';
import { xlsxCellText } from './xlsxCellText';

/** The parts of exceljs's streaming objects used here; its typings do not describe them. */
interface StreamCell { value: unknown; numFmt?: string }
interface StreamRow { number: number; eachCell(callback: (cell: StreamCell, col: number) => void): void }
interface StreamEvent { eventType: string; value: unknown }
interface WorksheetStream { name: string; id: number; parse(): AsyncIterable<StreamEvent[]> }
interface HyperlinksStream {
  id: string;
  on(event: 'hyperlink', listener: (rel: { rId: string; target?: string; targetMode?: string }) => void): void;
  read(): Promise<void>;
}
interface StyleManager {
  model: { styles: Array<{ numFmtId?: number }> };
  getStyleModel(id: number): { numFmt?: string } | null;
}
interface ReaderInternals {
  styles: StyleManager;
  properties?: { model?: { date1904?: boolean } };
  _parseStyles(entry: unknown): Promise<void>;
  on(event: 'entry', listener: (entry: { type: string; id?: string }) => void): void;
  parse(): AsyncIterable<StreamEvent>;
}

/**
 * Built-in number formats 27–36 and 50–58 are locale-dependent: a workbook saved by Chinese Excel or WPS refers to
 * them by id alone, and exceljs knows no code for them, so their dates would read as bare serial numbers.
 * These are the zh-CN codes (ECMA-376 Part 1, §18.8.30).
 */
const ZH_CN_BUILTIN_FORMATS: Record<number, string> = {
  27: 'yyyy"年"m"月"', 28: 'm"月"d"日"', 29: 'm"月"d"日"', 30: 'm-d-yy', 31: 'yyyy"年"m"月"d"日"',
  32: 'h"时"mm"分"', 33: 'h"时"mm"分"ss"秒"', 34: '上午/下午h"时"mm"分"', 35: '上午/下午h"时"mm"分"ss"秒"',
  36: 'yyyy"年"m"月"', 50: 'yyyy"年"m"月"', 51: 'm"月"d"日"', 52: 'yyyy"年"m"月"', 53: 'm"月"d"日"',
  54: 'm"月"d"日"', 55: '上午/下午h"时"mm"分"', 56: '上午/下午h"时"mm"分"ss"秒"', 57: 'yyyy"年"m"月"', 58: 'm"月"d"日"',
};

function teachChineseFormats(reader: ReaderInternals): void {
  const parseStyles = reader._parseStyles.bind(reader);
  reader._parseStyles = async (entry) => {
    await parseStyles(entry);
    const styles = reader.styles;
    const getStyleModel = styles.getStyleModel.bind(styles);
    styles.getStyleModel = (id) => {
      const model = getStyleModel(id);
      const fmtId = styles.model.styles[id]?.numFmtId;
      if (model && !model.numFmt && fmtId !== undefined && ZH_CN_BUILTIN_FORMATS[fmtId]) model.numFmt = ZH_CN_BUILTIN_FORMATS[fmtId];
      return model;
    };
  };
}

/** 'AB12' → { col: 28, row: 12 }. */
function decodeRef(ref: string): { col: number; row: number } | null {
  const match = /^([A-Z]+)(\d+)$/u.exec(ref.toUpperCase());
  if (!match) return null;
  let col = 0;
  for (const ch of match[1]!) col = col * 26 + (ch.charCodeAt(0) - 64);
  return { col, row: Number(match[2]) };
}

/** Link targets are stored URI-encoded ("%E5%9B%BE.jpg"); the file look-up wants the name. */
function decodeTarget(target: string): string {
  try {
    return /^[a-z][a-z0-9+.-]*:/iu.test(target) ? target : decodeURI(target);
  } catch {
    return target;
  }
}

interface ReadSheet {
  fileNo: string;
  name: string;
  rows: Map<number, string[]>;
  links: Array<{ ref: string; rId: string }>;
}

/**
 * Every worksheet, in workbook order, empty rows left out. `displayName` (default: the file's name) prefixes the
 * sheet names: 'exports/book.xlsx#抓拍记录'.
 */
export async function readXlsx(file: string, displayName = path.basename(file)): Promise<NamedSheet[]> {
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(file, {
    sharedStrings: 'cache',
    styles: 'cache',
    hyperlinks: 'emit',
    worksheets: 'emit',
    entries: 'emit',
  }) as unknown as ReaderInternals;
  teachChineseFormats(reader);
  // Which sheetN.xml a worksheet came from: its hyperlink targets are in sheetN.xml.rels, matched by that number.
  let currentFileNo = '';
  reader.on('entry', (entry) => {
    if (entry.type === 'worksheet' && entry.id !== undefined) currentFileNo = String(entry.id);
  });
  const sheets: ReadSheet[] = [];
  const linkTargets = new Map<string, Map<string, string>>();

  for await (const { eventType, value } of reader.parse()) {
    if (eventType === 'hyperlinks') {
      const rels = value as HyperlinksStream;
      const targets = new Map<string, string>();
      rels.on('hyperlink', (rel) => {
        if (rel.target) targets.set(rel.rId, rel.target);
      });
      await rels.read();
      linkTargets.set(String(rels.id), targets);
    } else if (eventType === 'worksheet') {
      const worksheet = value as WorksheetStream;
      const date1904 = reader.properties?.model?.date1904 === true;
      const sheet: ReadSheet = { fileNo: currentFileNo, name: worksheet.name, rows: new Map(), links: [] };
      for await (const events of worksheet.parse()) {
        for (const event of events) {
          if (event.eventType === 'row') {
            const row = event.value as StreamRow;
            const cells: string[] = [];
            row.eachCell((cell, col) => {
              cells[col - 1] = xlsxCellText({ value: cell.value, numFmt: cell.numFmt }, date1904).trim();
            });
            sheet.rows.set(row.number, Array.from(cells, (cell) => cell ?? ''));
          } else if (event.eventType === 'hyperlink') {
            sheet.links.push(event.value as { ref: string; rId: string });
          }
        }
      }
      sheets.push(sheet);
    }
  }

  return sheets.map((sheet) => {
    // The link target names the file; the text is often a label. Links inside the workbook (#Sheet2!A1) have no rId.
    const targets = linkTargets.get(sheet.fileNo);
    for (const link of sheet.links) {
      const target = link.rId ? targets?.get(link.rId) : undefined;
      const at = decodeRef(link.ref);
      if (!target || !at || /^mailto:/iu.test(target)) continue;
      const cells = sheet.rows.get(at.row) ?? [];
      while (cells.length < at.col) cells.push('');
      cells[at.col - 1] = decodeTarget(target);
      sheet.rows.set(at.row, cells);
    }
    const rows = [...sheet.rows.entries()]
      .filter(([, cells]) => cells.some((cell) => cell !== ''))
      .sort(([a], [b]) => a - b)
      .map(([row, cells]) => ({ row, cells }));
    return { name: `${displayName}#${sheet.name}`, encoding: 'xlsx' as const, rowUnit: 'row' as const, rows, problems: [] };
  });
}
