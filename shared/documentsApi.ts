/**
 * The documents part of the API contract (issue 7): the four drafts of a case (decision, notice, investigation
 * report, evidence list), their editable sections and fields, signing (定稿), checks, preview and export; and
 * the case file (案卷) printed from them.
 *
 * A case holds at most one document of each kind; the kind is its handle. Section texts keep figures as tokens
 * (【captures】, shared/documents/figureTokens.ts) that resolve against the case's findings when rendered.
 */
import { z } from 'zod';
import { call, caseRef } from './apiParts';
import { DocumentFields } from './documents/fields';
import type { DocumentModel } from './documents/model';

export const DraftKind = z.enum(['decision', 'notice', 'report', 'evidence']);
export type DraftKind = z.infer<typeof DraftKind>;

export const DraftSection = z.object({
  /** Stable within a kind (facts, evidence, discretion…): what "重新生成" and the checks name. */
  id: z.string(),
  /** What the section is, for the editor and the checks (事实, 证据…). */
  title: z.string(),
  /** The heading printed above it (一、当事人基本情况), if the document numbers its parts. */
  heading: z.string().nullable(),
  required: z.boolean(),
  /**
   * 'paragraphs': one paragraph per line, lines starting "1." or "1、" form a numbered list;
   * 'table': one row per line, cells separated by tabs, under `columns`.
   */
  layout: z.enum(['paragraphs', 'table']),
  columns: z.array(z.string()).optional(),
  text: z.string(),
});
export type DraftSection = z.infer<typeof DraftSection>;

export const FigureChange = z.object({ key: z.string(), signed: z.string().nullable(), current: z.string().nullable() });
/** A field (dotted path: fineYuan, issuer.name, basis.violated) whose signed value differs from the case's now. */
export const FieldChange = z.object({ key: z.string(), signed: z.string().nullable(), current: z.string().nullable() });

export const DocumentRecord = z.object({
  id: z.number().int(),
  kind: DraftKind,
  state: z.enum(['draft', 'signed']),
  version: z.number().int(),
  /**
   * The fields the document renders with: the case's fields (one record shared by every document of the case) while
   * it is a draft; the fields it was signed with once signed (定稿).
   */
  fields: DocumentFields,
  /** The version of the case's fields (their history is the case's, not the document's). */
  fieldsVersion: z.number().int(),
  sections: z.array(DraftSection),
  createdAt: z.string(),
  updatedAt: z.string(),
  signedAt: z.string().nullable(),
  /** A signed document's figures that the case now gives differently: the UI shows them as a warning. */
  figureChanges: z.array(FigureChange),
  /** A signed document's fields that the case's fields now give differently (old → new): shown with the figures. */
  fieldChanges: z.array(FieldChange),
  /** Tokens the case cannot resolve (unknown keys, person figures before clustering), by section id. */
  unresolved: z.record(z.string(), z.array(z.string())),
});
export type DocumentRecord = z.infer<typeof DocumentRecord>;

export const DocumentListItem = DocumentRecord.pick({ id: true, kind: true, state: true, version: true, updatedAt: true, signedAt: true })
  .extend({ figureChanges: z.number().int(), fieldChanges: z.number().int() });

/** A check's finding (shared/documents/checks.ts), as the wire carries it. */
export const CheckFindingWire = z.object({
  code: z.string(),
  severity: z.enum(['warning', 'info']),
  /** The section it concerns (an id of the document's sections), when one does. */
  section: z.string().optional(),
  params: z.record(z.string(), z.union([z.string(), z.number()])),
  message: z.string(),
});
export type CheckFindingWire = z.infer<typeof CheckFindingWire>;

const kindRef = caseRef.extend({ kind: DraftKind });

/** The case file (案卷) export job's result: the file written and its pages (the printed case file's, for DOCX too). */
export const CaseFileExportResult = z.object({
  path: z.string(),
  pages: z.number().int(),
  bytes: z.number().int(),
  volumes: z.array(z.string()),
  maskedFaces: z.number().int(),
  unmasked: z.boolean(),
});
export type CaseFileExportResult = z.infer<typeof CaseFileExportResult>;

export const documentsContract = {
  'documents.list': call(caseRef, z.array(DocumentListItem)),
  /** Null when the kind has not been drafted yet. */
  'documents.get': call(kindRef, DocumentRecord.nullable()),
  /**
   * The case's document fields: one record for the case, shared by every document (each unsigned document renders
   * with them; a signed one keeps those it was signed with). Defaults from the case record before any is saved.
   */
  'documents.fields': call(caseRef, DocumentFields),
  /**
   * Drafts the kind when it has no document yet; otherwise regenerates the named sections from the current
   * findings (or all of them with `all`), keeping every other section's edits. `fields` replaces the case's fields first.
   */
  'documents.draft': call(
    kindRef.extend({ sections: z.array(z.string()).default([]), all: z.boolean().default(false), fields: DocumentFields.optional() }),
    DocumentRecord,
  ),
  /**
   * Saves the document's section texts as a new version and the fields as the case's (a new version of the case
   * fields when they differ: every unsigned document then renders them). Refused while the document is signed.
   */
  'documents.save': call(
    kindRef.extend({
      fields: DocumentFields,
      sections: z.array(z.object({ id: z.string(), text: z.string() })),
      baseVersion: z.number().int().optional(),
      /** The case fields' version the edit started from: refused if they changed meanwhile and this save changes them. */
      fieldsBaseVersion: z.number().int().optional(),
    }),
    DocumentRecord,
  ),
  'documents.sign': call(kindRef, DocumentRecord),
  'documents.unsign': call(kindRef, DocumentRecord),
  /**
   * Steps back the newest saved change to what the document prints (as a new version, so undo itself is in the
   * history): its own sections, or the case's fields (shared: stepping them back does so for every unsigned
   * document), or both when one save changed both. See electron/documents/store/documentActions.ts undoDocument.
   */
  'documents.undo': call(kindRef, DocumentRecord),
  /** The drafting checks' findings (warnings and notes; the drafter decides), worded in `lang`. */
  /** The document's versions, newest first (empty when not drafted). */
  'documents.history': call(kindRef, z.array(z.object({
    version: z.number().int(), action: z.string(), at: z.string(), actor: z.string(), restores: z.number().int().nullable(),
  }))),
  'documents.check': call(kindRef.extend({ lang: z.enum(['zh', 'en']).default('zh') }), z.array(CheckFindingWire)),
  /** Writes <case>/exports/<title>.<format> and returns its path; audited. */
  'documents.export': call(kindRef.extend({ format: z.enum(['docx', 'pdf']) }), z.object({ path: z.string() })),
  /**
   * Prints the case file (案卷) from the documents as saved, as a job (10–40 s: its progress counts Chromium's
   * prints; cancellable): the main volume (正卷), the secondary (副卷) or both; bystanders' faces masked unless
   * `unmaskFaces` (a reviewer's copy). Writes <case>/exports/案卷-正卷-<time>.<format>, audited as casefile.export;
   * the job's result is a CaseFileExportResult.
   */
  'documents.caseFile.export': call(
    caseRef.extend({
      format: z.enum(['docx', 'pdf']),
      volume: z.enum(['main', 'secondary', 'both']).default('main'),
      unmaskFaces: z.boolean().default(false),
    }),
    z.object({ jobId: z.string() }),
  ),
  'documents.preview': call(
    kindRef.extend({ as: z.enum(['model', 'html']).default('model') }),
    z.object({ model: z.custom<DocumentModel>(), html: z.string().nullable() }),
  ),
} as const;
