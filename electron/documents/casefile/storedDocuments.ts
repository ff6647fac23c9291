/**
 * The case file's inputs from the documents store: each drafted document as the drafter saved it (edits
 * included, figures as signed where signed), and the filing date from the documents' fields. A kind never drafted
 * is left out, and the table of contents says it is not yet drafted.
 */
import { DraftKind } from '../../../shared/documentsApi';
import type { CaseDb } from '../../store/caseDb';
import { documentModel } from '../store/documentActions';
import { readDocument } from '../store/documentRows';
import type { CaseDocuments } from './caseFileContents';

export interface StoredCaseFileInputs {
  documents: CaseDocuments;
  /** 立案日期 (ISO) from the decision's fields, else any document's. */
  filedOn: string | null;
}

export function storedCaseFileInputs(db: CaseDb): StoredCaseFileInputs {
  const documents: CaseDocuments = {};
  let filedOn: string | null = null;
  for (const kind of DraftKind.options) {
    const stored = readDocument(db, kind);
    if (!stored) continue;
    documents[kind] = documentModel(db, kind);
    if (!filedOn || kind === 'decision') filedOn = stored.fields.filingDate ?? filedOn;
  }
  return { documents, filedOn };
}
