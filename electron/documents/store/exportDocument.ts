/**
 * Exports a document as DOCX or PDF into <case>/exports/, audited. The PDF printer is the caller's: Electron's
 * printToPDF in the app, headless Chromium from the browser host and the CLI.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { DocumentModel } from '../../../shared/documents/model';
import type { DraftKind } from '../../../shared/documentsApi';
import { appendAudit } from '../../audit/auditLog';
import { openCase } from '../../store/caseStore';
import { renderDocx } from '../render/docx';
import { renderPdf, type PdfPrinter } from '../render/pdf';
import { documentModel } from './documentActions';
import { readDocument } from './documentRows';

export type ExportFormat = 'docx' | 'pdf';

export function renderDocument(model: DocumentModel, format: ExportFormat, printer: () => PdfPrinter): Promise<Buffer> {
  return format === 'docx' ? renderDocx(model) : renderPdf(model, printer());
}

/**
 * Where an export goes by default: the case's exports/ folder, under a name that sorts by time and never
 * overwrites an earlier export (行政处罚决定书-20261123T060102Z.docx, 案卷-正卷-20261123T060102Z.pdf).
 */
export function exportPath(caseDir: string, name: string, format: ExportFormat): string {
  const stamp = new Date().toISOString().replaceAll(':', '').replaceAll('-', '').replace(/\.\d+Z$/u, 'Z');
  return path.join(caseDir, 'exports', `${name}-${stamp}.${format}`);
}

/** Renders the kind's document and writes it to `out` (default: the case's exports folder); returns the path. */
export async function exportDocument(caseDir: string, kind: DraftKind, format: ExportFormat, printer: () => PdfPrinter, out?: string): Promise<string> {
  const db = openCase(caseDir);
  try {
    const model = documentModel(db, kind);
    const bytes = await renderDocument(model, format, printer);
    const file = path.resolve(out ?? exportPath(caseDir, model.parts[0]?.title ?? model.kind, format));
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, bytes);
    const doc = readDocument(db, kind)!;
    appendAudit(db, 'document.export', { kind, format, version: doc.version, state: doc.state, file, bytes: bytes.length });
    return file;
  } finally {
    db.close();
  }
}
