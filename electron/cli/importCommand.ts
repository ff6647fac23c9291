/**
 * `faceaudit import <case-dir> <path>... [--profile name] [--json]`: folders, ZIPs, sheets, clips and images.
 * Ctrl-C cancels cleanly (the case is left as it was); a killed import resumes when the same command runs again.
 */
import path from 'node:path';
import type { ImportReport } from '../../shared/api';
import { importEvidence } from '../evidence/importEvidence';
import { loadProfile } from '../evidence/profiles/profileStore';
import { defaultWorkspace } from '../store/workspace';
import { parse, usageError, type Out } from './args';
import { progressPrinter } from './progressLine';

function printReport(source: string, report: ImportReport, out: Out, err: Out): void {
  if (report.duplicateOf !== null) {
    out(`${source}: already imported as source ${report.duplicateOf} (same files, same hashes); nothing added`);
    return;
  }
  const resumed = report.filesResumed ? `, ${report.filesResumed} taken from the interrupted run` : '';
  out(`${source}: ${report.captures} captures from ${report.filesSeen} files (${report.filesStored} new in the vault${resumed}, ${report.duplicateFiles} duplicate files)`);
  if (report.receivedSha256) out(`  received as SHA-256 ${report.receivedSha256}`);
  for (const archive of report.archives) out(`  archive ${archive.path}: ${archive.entries} entries`);
  for (const sheet of report.sheets) out(`  ${sheet.kind === 'auth' ? 'authentication sheet' : 'sheet'} ${sheet.path}: ${sheet.rows} rows, ${sheet.encoding}`);
  for (const video of report.videos) out(`  video ${video.path}: ${video.frames} frames sampled, starts ${video.start} (from ${video.startSource})`);
  if (report.authRecords) out(`  authentication records: ${report.authRecords}, ${report.authLinked} linked to captures`);
  const sources = Object.entries(report.timeSources).map(([k, v]) => `${k} ${v}`).join(', ');
  if (sources) out(`  capture times from: ${sources}`);
  if (report.rowsWithoutFile.length) {
    const first = report.rowsWithoutFile[0]!;
    err(`  warning: ${report.rowsWithoutFile.length} sheet rows name an image that is not in the archive (first: ${first.sheet} row ${first.row}: ${first.path}); they were kept as records without an image`);
  }
  if (report.badRows.length) {
    const first = report.badRows[0]!;
    err(`  warning: ${report.badRows.length} sheet rows could not be read (first: ${first.sheet} row ${first.row}: ${first.reason}); they were not imported`);
  }
  if (report.skipped.length) {
    err(`  note: ${report.skipped.length} files set aside:`);
    for (const s of report.skipped.slice(0, 10)) err(`    ${s.path}: ${s.reason}`);
    if (report.skipped.length > 10) err(`    … and ${report.skipped.length - 10} more (see --json or the import report in the app)`);
  }
  if (report.filesWithoutRow.length) err(`  note: ${report.filesWithoutRow.length} images are not named in any sheet; they are kept as evidence`);
}

export async function importCommand(args: string[], out: Out, err: Out): Promise<void> {
  const { values, positionals } = parse(args, { json: { type: 'boolean' }, profile: { type: 'string' }, workspace: { type: 'string' } });
  const [dir, ...sources] = positionals;
  if (!dir || sources.length === 0) throw usageError('import needs a case folder and at least one path');
  const profile = values.profile ? loadProfile((values.workspace as string | undefined) ?? defaultWorkspace(), values.profile as string) : undefined;
  const controller = new AbortController();
  const onSigint = () => controller.abort();
  process.once('SIGINT', onSigint);
  const reports: ImportReport[] = [];
  try {
    for (const source of sources) {
      const progress = progressPrinter();
      try {
        reports.push(await importEvidence(dir, source, { signal: controller.signal, profile, onProgress: (p) => progress.update(p) }));
      } finally {
        progress.end();
      }
      if (!values.json) printReport(path.normalize(source), reports.at(-1)!, out, err);
    }
  } finally {
    process.off('SIGINT', onSigint);
  }
  if (values.json) out(JSON.stringify(reports.length === 1 ? reports[0] : reports, null, 2));
}
