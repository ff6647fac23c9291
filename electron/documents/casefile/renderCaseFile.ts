/**
 * One call for an export handler or the CLI (`faceaudit document <case> casefile --format pdf|docx --out f`): the
 * case file from the documents as saved, as PDF or DOCX, and the record the caller writes to the audit log
 * (what was printed, on which pages, which captures, how many faces masked, whether a reviewer asked for them).
 */
import type { CaseDb } from '../../store/caseDb';
import { buildCaseFile, type BuildCaseFileOptions, type CaseFile } from './buildCaseFile';
import { caseFileDocx } from './caseFileDocx';
import { storedCaseFileInputs } from './storedDocuments';

export type CaseFileFormat = 'pdf' | 'docx';

export interface CaseFileAuditRecord {
  format: CaseFileFormat;
  volumes: string[];
  pages: number;
  parts: { title: string; volume: string; first: number; count: number }[];
  /** Documents drafted and printed; the others are listed as not yet drafted. */
  documents: string[];
  sample: { captureId: number; sha256: string; faces: number; masked: number }[];
  maskedFaces: number;
  unmasked: boolean;
}

export function caseFileAuditRecord(caseFile: CaseFile, format: CaseFileFormat, documents: string[]): CaseFileAuditRecord {
  return {
    format,
    volumes: [...new Set(caseFile.pages.map((p) => p.volume))],
    pages: caseFile.pages.reduce((s, p) => s + p.count, 0),
    parts: caseFile.pages.map(({ title, volume, first, count }) => ({ title, volume, first, count })),
    documents,
    sample: caseFile.sample,
    maskedFaces: caseFile.maskedFaces,
    unmasked: caseFile.unmasked,
  };
}

export async function renderCaseFile(
  db: CaseDb,
  opts: Omit<BuildCaseFileOptions, 'documents' | 'filedOn'> & { format: CaseFileFormat },
): Promise<{ bytes: Buffer; caseFile: CaseFile; audit: CaseFileAuditRecord }> {
  const inputs = storedCaseFileInputs(db);
  const caseFile = await buildCaseFile(db, { ...opts, ...inputs });
  const bytes = opts.format === 'pdf' ? caseFile.pdf : await caseFileDocx(caseFile);
  return { bytes, caseFile, audit: caseFileAuditRecord(caseFile, opts.format, Object.keys(inputs.documents)) };
}
