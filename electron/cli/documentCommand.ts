/**
 * `faceaudit document <case-dir> <decision|notice|report|evidence|casefile> --format docx|pdf --out <file>
 *  [--fields <json-file>] [--regenerate] [--volume main|secondary|both] [--unmask-faces]`: writes one of the case's
 * documents. A kind not drafted yet is drafted from the case and its findings first; `--fields` sets the case's
 * document fields (发文机关, dates, fine…: one record shared by every document of the case, so the other unsigned
 * documents take them too; a signed one keeps its own and reports the change) from a JSON file (only the keys it
 * names change); `--regenerate` redrafts every section from the fields and findings, replacing edits made
 * in the app. `casefile` prints the case file (案卷) from the documents as saved (electron/documents/casefile), the
 * main volume unless `--volume` says otherwise, bystanders' faces masked unless `--unmask-faces` (a reviewer's
 * copy). The export is written to the audit log.
 */
import fs from 'node:fs';
import { DocumentFields } from '../../shared/documents/fields';
import { DraftKind } from '../../shared/documentsApi';
import { exportCaseFile } from '../documents/casefile/exportCaseFile';
import { chromiumPrinter } from '../documents/render/pdf';
import { draftDocument, saveCaseFields, startingFields } from '../documents/store/documentActions';
import { readDocument } from '../documents/store/documentRows';
import { exportDocument } from '../documents/store/exportDocument';
import { withCase } from '../store/caseStore';
import { parse, usageError, type Out } from './args';

/** The fields file's keys over the current fields, one level deep (a file naming `issuer.name` keeps `issuer.code`). */
function mergeFields(current: DocumentFields, file: string): DocumentFields {
  let patch: unknown;
  try {
    patch = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (error) {
    throw usageError(`--fields ${file}: ${(error as Error).message}`);
  }
  if (typeof patch !== 'object' || patch === null || Array.isArray(patch)) throw usageError(`--fields ${file} must hold a JSON object`);
  const merged: Record<string, unknown> = { ...current };
  for (const [key, value] of Object.entries(patch)) {
    const was = merged[key];
    merged[key] = was && typeof was === 'object' && !Array.isArray(was) && value && typeof value === 'object' && !Array.isArray(value) ? { ...was, ...value } : value;
  }
  const parsed = DocumentFields.safeParse(merged);
  if (!parsed.success) {
    throw usageError(`--fields ${file}: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  }
  return parsed.data;
}

export async function documentCommand(args: string[], out: Out): Promise<void> {
  const { values, positionals } = parse(args, {
    format: { type: 'string' }, out: { type: 'string' }, fields: { type: 'string' }, regenerate: { type: 'boolean' },
    volume: { type: 'string' }, 'unmask-faces': { type: 'boolean' },
  });
  const [dir, kindArg] = positionals;
  if (!dir || !kindArg) throw usageError('document needs a case folder and a kind (decision, notice, report, evidence, casefile)');
  const format = values.format as string | undefined;
  if (format !== 'docx' && format !== 'pdf') throw usageError('document needs --format docx or --format pdf');
  const outFile = values.out as string | undefined;
  if (!outFile) throw usageError('document needs --out <file>');
  if (kindArg === 'casefile') {
    if (values.fields || values.regenerate) throw usageError('the case file prints the documents as saved: set the fields with a document (decision, notice…) first');
    const volume = (values.volume as string | undefined) ?? 'main';
    if (volume !== 'main' && volume !== 'secondary' && volume !== 'both') throw usageError('--volume is main, secondary or both');
    const { path: file } = await exportCaseFile(dir, { format, volume, unmaskFaces: values['unmask-faces'] === true }, () => chromiumPrinter(), outFile);
    out(`wrote ${file}`);
    return;
  }
  if (values.volume || values['unmask-faces']) throw usageError('--volume and --unmask-faces are for the case file (casefile)');
  const kind = DraftKind.safeParse(kindArg);
  if (!kind.success) throw usageError(`unknown document "${kindArg}": use decision, notice, report, evidence or casefile`);

  const fieldsFile = values.fields as string | undefined;
  withCase(dir, (db) => {
    const existing = readDocument(db, kind.data);
    // The file's keys over the case's fields (not a signed document's frozen ones).
    const fields = fieldsFile ? mergeFields(startingFields(db), fieldsFile) : undefined;
    if (fields) saveCaseFields(db, fields);
    if (!existing || values.regenerate) {
      draftDocument(db, kind.data, { all: true });
    } else if (fields) {
      out(existing.state === 'signed'
        ? `case fields saved; the ${kind.data} is signed and prints the fields it was signed with (unsign it to take them)`
        : 'case fields saved (every unsigned document of the case uses them); the sections keep their edited text (add --regenerate to redraft them from the fields)');
    }
  });
  const file = await exportDocument(dir, kind.data, format, () => chromiumPrinter(), outFile);
  out(`wrote ${file}`);
}
