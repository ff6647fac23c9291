/** The services behind shared/documentsApi.ts. */
import type { CaseFileExportResult, CheckFindingWire, documentsContract } from '../../shared/documentsApi';
import { checkDraft, checkMessage } from '../../shared/documents/checks';
import { documentHtml } from '../../shared/documents/html/toHtml';
import { unresolvedMessage, unresolvedTokens } from '../../shared/documents/figureTokens';
import type { HandlersFor } from '../api/handlerTypes';
import type { JobRunner } from '../jobs/jobRunner';
import { withCase } from '../store/caseStore';
import { exportCaseFile } from './casefile/exportCaseFile';
import { caseFigures } from './drafts/draftContext';
import type { PdfPrinter } from './render/pdf';
import {
  documentModel, draftDocument, getDocument, listDocuments, printedFigures, saveDocument, signDocument, startingFields, undoDocument, unsignDocument,
} from './store/documentActions';
import { documentCheckInput } from './store/documentCheckInput';
import { readDocument, readHistory } from './store/documentRows';
import { exportDocument } from './store/exportDocument';
import type { CaseDb } from '../store/caseDb';
import type { DraftKind } from '../../shared/documentsApi';
import { UserError } from '../../shared/messages';
import { DOCUMENT_SPECS } from './drafts/documentSpecs';

/** The checks' findings for a saved document, each with its message in the drafter's language (zh). */
export function checkDocument(db: CaseDb, kind: DraftKind, lang: 'zh' | 'en' = 'zh') {
  const doc = readDocument(db, kind);
  if (!doc) throw new UserError('documents.notDrafted', { title: DOCUMENT_SPECS[kind].title });
  const { stats, table } = caseFigures(db);
  const printed = printedFigures(doc, table);
  const findings: CheckFindingWire[] = checkDraft(documentCheckInput(kind, doc.fields, doc.sections, stats, printed))
    .map((f) => ({ ...f, message: checkMessage(f, lang) }));
  // Figures the case cannot give yet would print as 【persons】: a finding of its own, beside the drafting checks.
  for (const section of doc.sections) {
    const keys = unresolvedTokens(section.text, printed);
    if (keys.length === 0) continue;
    findings.push({
      code: 'figure.unresolved', severity: 'warning', section: section.id,
      params: { title: section.title, keys: keys.join(',') }, message: unresolvedMessage(section.title, keys, lang),
    });
  }
  return findings;
}

/**
 * `printer`: how PDFs are printed here (Electron's printToPDF in the app, headless Chromium elsewhere); `jobs` runs
 * the case file's export, which takes tens of seconds.
 */
export function documentHandlers(printer: () => PdfPrinter, jobs: JobRunner): HandlersFor<keyof typeof documentsContract> {
  return {
    'documents.list': ({ caseId }) =>
      withCase(caseId, (db) => listDocuments(db).map(({ id, kind, state, version, updatedAt, signedAt, figureChanges, fieldChanges }) => (
        { id, kind, state, version, updatedAt, signedAt, figureChanges: figureChanges.length, fieldChanges: fieldChanges.length }
      ))),
    'documents.get': ({ caseId, kind }) => withCase(caseId, (db) => getDocument(db, kind)),
    'documents.fields': ({ caseId }) => withCase(caseId, startingFields),
    'documents.draft': ({ caseId, kind, sections, all, fields }) => withCase(caseId, (db) => draftDocument(db, kind, { sections, all, fields })),
    'documents.save': ({ caseId, kind, fields, sections, baseVersion, fieldsBaseVersion }) =>
      withCase(caseId, (db) => saveDocument(db, kind, { fields, sections, baseVersion, fieldsBaseVersion })),
    'documents.sign': ({ caseId, kind }) => withCase(caseId, (db) => signDocument(db, kind)),
    'documents.unsign': ({ caseId, kind }) => withCase(caseId, (db) => unsignDocument(db, kind)),
    'documents.undo': ({ caseId, kind }) => withCase(caseId, (db) => undoDocument(db, kind)),
    'documents.history': ({ caseId, kind }) =>
      withCase(caseId, (db) => {
        const doc = readDocument(db, kind);
        return doc ? readHistory(db, doc.id) : [];
      }),
    'documents.check': ({ caseId, kind, lang }) => withCase(caseId, (db) => checkDocument(db, kind, lang)),
    'documents.export': async ({ caseId, kind, format }) => ({ path: await exportDocument(caseId, kind, format, printer) }),
    'documents.caseFile.export': ({ caseId, format, volume, unmaskFaces }) => {
      withCase(caseId, () => undefined); // fail now, not inside the job, when the case does not exist
      const jobId = jobs.start(caseId, 'casefile', async (ctx) => {
        ctx.progress('preparing', 0, 0);
        const result: CaseFileExportResult = await exportCaseFile(caseId, {
          format, volume, unmaskFaces, signal: ctx.signal,
          onPrinted: (prints) => ctx.progress('printing', prints, 0),
        }, printer);
        ctx.progress('written', 1, 1);
        return result;
      });
      return { jobId };
    },
    'documents.preview': ({ caseId, kind, as }) =>
      withCase(caseId, (db) => {
        const model = documentModel(db, kind);
        return { model, html: as === 'html' ? documentHtml(model, { forPrint: false }) : null };
      }),
  };
}
