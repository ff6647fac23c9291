/**
 * `faceaudit analyze <case-dir> [--engine onnx|tfjs] [--workers N] [--json]`: finds, aligns, scores and embeds
 * every face of the case's captures. Progress on stderr; Ctrl-C stops after the images in hand and keeps them,
 * so running it again continues where it stopped. Then the faces are grouped into persons (faceaudit cluster).
 */
import { UserError } from '../../shared/messages';
import { asUserError } from '../faces/analysisErrors';
import { analyzeCase, type AnalysisReport } from '../faces/analyzeCase';
import { ENGINE_NAMES, type EngineName } from '../faces/faceEngine';
import { isCaseDir } from '../store/caseDb';
import { int, parse, usageError, type Out } from './args';
import { progressPrinter } from './progressLine';
import { describeClustering, runClustering } from './clusterCommand';
import type { ClusterReport } from '../identities/clusterCase';

export async function analyzeCommand(args: string[], out: Out): Promise<void> {
  const { values, positionals } = parse(args, { engine: { type: 'string' }, workers: { type: 'string' }, json: { type: 'boolean' }, 'no-cluster': { type: 'boolean' } });
  const [dir] = positionals;
  if (!dir) throw usageError('analyze needs a case folder');
  const engine = (values.engine as string | undefined) ?? 'onnx';
  if (!ENGINE_NAMES.includes(engine as EngineName)) throw usageError(`--engine must be one of ${ENGINE_NAMES.join(', ')}, got "${engine}"`);
  if (!isCaseDir(dir)) throw new UserError('case.notFound', { dir });
  const workers = int(values.workers, 'workers');
  if (workers === 0) throw usageError('--workers needs at least 1');

  const controller = new AbortController();
  const onSigint = () => controller.abort();
  process.once('SIGINT', onSigint);
  const progress = progressPrinter(process.stderr, 'captures');
  let report: AnalysisReport;
  try {
    report = await analyzeCase(dir, {
      engine: engine as EngineName, workers, signal: controller.signal,
      onProgress: (p) => progress.update({ phase: 'analyze', done: p.done, total: p.total }),
    });
  } catch (error) {
    // Refusals the user can act on are one-line user errors, not internal ones.
    throw asUserError(error);
  } finally {
    progress.end();
    process.off('SIGINT', onSigint);
  }
  // Persons are part of analysing a case: grouping follows unless it was cancelled or declined.
  const identities: ClusterReport | null = report.state === 'done' && !values['no-cluster'] ? await runClustering(dir).catch(noFacesIsNull) : null;
  if (values.json) {
    out(JSON.stringify({ ...report, identities }, null, 2));
    return;
  }
  out(`${report.state === 'done' ? 'analysed' : 'cancelled after'} ${report.capturesAnalyzed} captures (${report.capturesSkipped} already done, ${report.capturesFailed} unreadable): ${report.facesFound} faces`);
  out(`engine ${report.engine}, model ${report.modelId}, ${report.workers} workers, ${report.seconds.toFixed(1)} s, ${report.capturesPerSecond.toFixed(1)} captures/s`);
  if (report.state === 'cancelled') out('run "faceaudit analyze" again to continue');
  if (identities) describeClustering(identities).forEach((line) => out(line));
}

/** A case whose images hold no face has no persons to group: that is a result, not an error. */
function noFacesIsNull(error: unknown): null {
  if (error instanceof UserError && error.code === 'identities.noFaces') return null;
  throw error;
}
