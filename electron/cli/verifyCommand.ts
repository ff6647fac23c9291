/**
 * `faceaudit verify <case-dir> [--json] [--vault-only]`: re-hashes the vault and the originals still reachable.
 * Exit code 0 when everything matches, 3 when anything is missing or altered, so scripts can act on it.
 */
import type { VerifyReport } from '../../shared/api';
import { verifyCase } from '../evidence/verify/verifyCase';
import { parse, usageError, type Out } from './args';
import { progressPrinter } from './progressLine';

export const VERIFY_FAILED_EXIT = 3;

function printProblems(title: string, list: VerifyReport['vault']['missing'], out: Out): void {
  if (list.length === 0) return;
  out(`  ${title}: ${list.length}`);
  for (const p of list.slice(0, 20)) out(`    ${p.path}${p.sha256 && p.sha256 !== p.path ? ` (${p.sha256.slice(0, 12)}…)` : ''}: ${p.problem}`);
  if (list.length > 20) out(`    … and ${list.length - 20} more (see --json)`);
}

export async function verifyCommand(args: string[], out: Out): Promise<number> {
  const { values, positionals } = parse(args, { json: { type: 'boolean' }, 'vault-only': { type: 'boolean' } });
  const [dir] = positionals;
  if (!dir) throw usageError('verify needs a case folder');
  const controller = new AbortController();
  const onSigint = () => controller.abort();
  process.once('SIGINT', onSigint);
  const progress = progressPrinter();
  let report: VerifyReport;
  try {
    report = await verifyCase(dir, { signal: controller.signal, originals: !values['vault-only'], onProgress: (p) => progress.update(p) });
  } finally {
    progress.end();
    process.off('SIGINT', onSigint);
  }
  if (values.json) {
    out(JSON.stringify(report, null, 2));
  } else {
    out(`vault: ${report.vault.files} files, ${(report.vault.bytes / 1e6).toFixed(1)} MB re-hashed`);
    printProblems('missing', report.vault.missing, out);
    printProblems('altered', report.vault.mismatched, out);
    printProblems('writable (not read-only)', report.vault.writable, out);
    printProblems('not part of any source', report.vault.unreferenced, out);
    for (const o of report.originals) {
      out(`original of source ${o.sourceId}: ${o.path}: ${o.reachable ? `${o.filesChecked} files re-hashed` : 'not reachable (only the vault copy was checked)'}`);
      printProblems('missing from the original', o.missing, out);
      printProblems('different from what was imported', o.mismatched, out);
    }
    out(`audit log: ${report.audit.entries} entries, chain ${report.audit.brokenAt === null ? 'intact' : `BROKEN at entry ${report.audit.brokenAt}`}`);
    out(report.ok ? 'VERIFIED: every file matches its recorded hash' : 'NOT VERIFIED: see the problems above');
  }
  return report.ok ? 0 : VERIFY_FAILED_EXIT;
}
