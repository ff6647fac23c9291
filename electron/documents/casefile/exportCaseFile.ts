/**
 * Exports the case file (案卷) of a case as PDF or DOCX into <case>/exports/ (or `out`), audited as
 * 'casefile.export' with what was printed (parts and pages, the sample's pictures, faces masked, whether a reviewer
 * asked for them unmasked). One service for the CLI (`faceaudit document <case> casefile`) and the app's job
 * ('documents.caseFile.export').
 *
 * The case file is printed part by part to learn its page numbers (10–40 s for a real case): every print is
 * reported (`onPrinted`), and `signal` stops it between prints, before anything is written.
 */
import fs from 'node:fs';
import path from 'node:path';
import { UserError } from '../../../shared/messages';
import { appendAudit } from '../../audit/auditLog';
import { openCase } from '../../store/caseStore';
import type { PdfPrinter } from '../render/pdf';
import { exportPath } from '../store/exportDocument';
import { VOLUME_NAMES } from './caseFileContents';
import { renderCaseFile, type CaseFileFormat } from './renderCaseFile';

export type CaseFileVolumeChoice = 'main' | 'secondary' | 'both';

export interface CaseFileExportOptions {
  format: CaseFileFormat;
  volume: CaseFileVolumeChoice;
  unmaskFaces: boolean;
  signal?: AbortSignal;
  /** After each print of Chromium's (every part is measured, then the whole printed): the prints so far. */
  onPrinted?(prints: number): void;
}

export interface CaseFileExportResult {
  path: string;
  pages: number;
  bytes: number;
  volumes: string[];
  maskedFaces: number;
  unmasked: boolean;
}

/** 案卷-正卷, 案卷-副卷, 案卷-正卷副卷: the export's name before its time stamp. */
export function caseFileExportName(volume: CaseFileVolumeChoice): string {
  const volumes = volume === 'both' ? [VOLUME_NAMES.main, VOLUME_NAMES.secondary] : [VOLUME_NAMES[volume]];
  return `案卷-${volumes.join('')}`;
}

function throwIfAborted(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw new UserError('documents.caseFile.cancelled');
}

/** The caller's printer, counting its prints and stopping between them when the signal says so. */
function watchedPrinter(printer: PdfPrinter, opts: CaseFileExportOptions): PdfPrinter {
  let prints = 0;
  return {
    async print(html) {
      throwIfAborted(opts.signal);
      const pdf = await printer.print(html);
      prints++;
      opts.onPrinted?.(prints);
      throwIfAborted(opts.signal);
      return pdf;
    },
  };
}

export async function exportCaseFile(
  caseDir: string,
  opts: CaseFileExportOptions,
  printer: () => PdfPrinter,
  out?: string,
): Promise<CaseFileExportResult> {
  throwIfAborted(opts.signal);
  const db = openCase(caseDir);
  try {
    const { bytes, audit } = await renderCaseFile(db, {
      printer: watchedPrinter(printer(), opts), format: opts.format, volume: opts.volume, unmaskFaces: opts.unmaskFaces,
    });
    throwIfAborted(opts.signal);
    const file = path.resolve(out ?? exportPath(caseDir, caseFileExportName(opts.volume), opts.format));
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, bytes);
    appendAudit(db, 'casefile.export', { ...audit, file, bytes: bytes.length });
    return { path: file, pages: audit.pages, bytes: bytes.length, volumes: audit.volumes, maskedFaces: audit.maskedFaces, unmasked: audit.unmasked };
  } finally {
    db.close();
  }
}
