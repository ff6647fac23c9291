/**
 * `faceaudit export identities <case-dir> --out <file.csv|file.xlsx>`: one row per face with its person and role.
 * The format follows the file's extension (CSV unless it ends in .xlsx). Written to the audit log.
 */
import path from 'node:path';
import { UserError } from '../../shared/messages';
import { appendAudit } from '../audit/auditLog';
import { exportIdentities } from '../identities/exportIdentities';
import { openCase } from '../store/caseStore';
import { parse, usageError, type Out } from './args';

export async function exportCommand(args: string[], out: Out): Promise<void> {
  const [what, ...rest] = args;
  if (what !== 'identities') throw usageError(`export knows "identities", got "${what ?? ''}"`);
  const { values, positionals } = parse(rest, { out: { type: 'string' } });
  const [dir] = positionals;
  if (!dir) throw usageError('export identities needs a case folder');
  const file = values.out as string | undefined;
  if (!file) throw usageError('export identities needs --out <file.csv|file.xlsx>');
  const format = file.toLowerCase().endsWith('.xlsx') ? 'xlsx' : 'csv';
  const db = openCase(dir);
  try {
    const faces = (db.prepare('SELECT COUNT(*) AS n FROM faces').get() as { n: number }).n;
    if (faces === 0) throw new UserError('identities.noFaces');
    const rows = await exportIdentities(db, file, format);
    appendAudit(db, 'identities.export', { file: path.resolve(file), format, rows });
    out(`wrote ${rows} faces to ${file}`);
  } finally {
    db.close();
  }
}
