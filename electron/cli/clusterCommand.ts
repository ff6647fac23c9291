/**
 * `faceaudit cluster <case-dir> [--json]`: groups the case's analysed faces into persons, keeping every review
 * decision. Ctrl-C cancels and leaves the persons as they were.
 */
import { UserError } from '../../shared/messages';
import { clusterCase, type ClusterReport } from '../identities/clusterCase';
import { isCaseDir } from '../store/caseDb';
import { parse, usageError, type Out } from './args';
import { progressPrinter } from './progressLine';

export async function runClustering(dir: string): Promise<ClusterReport> {
  const controller = new AbortController();
  const onSigint = () => controller.abort();
  process.once('SIGINT', onSigint);
  const progress = progressPrinter(process.stderr, 'steps');
  try {
    return await clusterCase(dir, { signal: controller.signal, onProgress: (p) => progress.update(p) });
  } finally {
    progress.end();
    process.off('SIGINT', onSigint);
  }
}

export function describeClustering(report: ClusterReport): string[] {
  const range = report.sensitivity.length ? `${report.sensitivity[report.sensitivity.length - 1]!.persons}–${report.sensitivity[0]!.persons}` : '';
  return [
    `${report.persons} persons from ${report.faces} faces (${report.facesSetAside} set aside: ${report.facesBystanders} bystanders in a record's image, the rest below the quality floor; ${report.facesAttached} of them attached to a person); ${report.decisionsApplied} review decisions kept`,
    `threshold ${report.threshold}; persons across the sensitivity range ${range}: ${report.sensitivity.map((s) => `${s.threshold} → ${s.persons}`).join(', ')}`,
    `${report.suggestions} merge suggestions to review; ${report.seconds.toFixed(1)} s (${Object.entries(report.timings).map(([k, v]) => `${k} ${v} s`).join(', ')})`,
  ];
}

export async function clusterCommand(args: string[], out: Out): Promise<void> {
  const { values, positionals } = parse(args, { json: { type: 'boolean' } });
  const [dir] = positionals;
  if (!dir) throw usageError('cluster needs a case folder');
  if (!isCaseDir(dir)) throw new UserError('case.notFound', { dir });
  const report = await runClustering(dir);
  if (values.json) out(JSON.stringify(report, null, 2));
  else describeClustering(report).forEach((line) => out(line));
}
