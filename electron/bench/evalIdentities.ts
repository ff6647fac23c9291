/**
 * `npm run eval:identities`: how well faces are grouped into people, against labelled truth. Printed, never
 * asserted (the unit tests assert on a small labelled set).
 *
 * - lfw-dev (default): every photo of ../shared/faces/lfw-dev is one capture; the person is the photo's folder.
 *   The case is built once into .cache/eval-identities-lfw (import + face analysis, the product's own path).
 * - --case <dir> --truth <truth.json>: a sample archive's case and its truth (records[].image → person).
 *
 * In each capture the labelled face is the largest one (LFW photos are centred on their person; others in the
 * frame are bystanders that still take part in the clustering but are not scored).
 *
 *   npm run eval:identities [-- --case <dir> --truth <file>] [--threshold 0.344] [--method exact|ivf]
 */
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { facesDir } from '../cli/paths';
import { importEvidence } from '../evidence/importEvidence';
import { analyzeCase } from '../faces/analyzeCase';
import { loadCaseFaces } from '../identities/caseFaces';
import { clusterFaces } from '../identities/clusterFaces';
import { clusterMetrics } from '../identities/clusterMetrics';
import { defaultClusterParams } from '../identities/clusterParams';
import { groupingThreshold } from '../identities/clusterThresholds';
import { SimilarityKernel } from '../identities/similarityKernel';
import { findRepoRoot } from '../sample/faces';
import { createCase, withCase } from '../store/caseStore';

async function lfwCase(root: string): Promise<string> {
  const dir = path.join(root, '.cache', 'eval-identities-lfw', 'case');
  const marker = path.join(dir, '..', 'ANALYSED');
  if (fs.existsSync(marker)) return dir;
  fs.rmSync(path.dirname(dir), { recursive: true, force: true });
  createCase(dir, { number: '评估〔2026〕1号', partyName: 'LFW' });
  console.log('building the lfw-dev case (import and face analysis, once)…');
  await importEvidence(dir, path.join(facesDir(), 'lfw-dev', 'images'), {});
  await analyzeCase(dir, {});
  fs.writeFileSync(marker, new Date().toISOString());
  return dir;
}

/** Person of each capture: the folder for lfw-dev, the truth's person for a sample. */
function truthOfCaptures(caseDir: string, truthFile?: string): Map<number, string> {
  const byImage = new Map<string, string>();
  if (truthFile) {
    const truth = JSON.parse(fs.readFileSync(truthFile, 'utf8')) as { records: Array<{ image: string; person: string }> };
    for (const r of truth.records) byImage.set(r.image.replaceAll('\\', '/'), r.person);
  }
  return withCase(caseDir, (db) => {
    const rows = db.prepare('SELECT c.id, sf.rel_path FROM captures c JOIN source_files sf ON sf.source_id = c.source_id AND sf.sha256 = c.image_sha256').all() as Array<{ id: number; rel_path: string }>;
    const out = new Map<number, string>();
    for (const row of rows) {
      const rel = row.rel_path.replaceAll('\\', '/');
      const person = truthFile ? (byImage.get(rel) ?? [...byImage.entries()].find(([image]) => rel.endsWith(image))?.[1]) : rel.split('/').at(-2);
      if (person) out.set(row.id, person);
    }
    return out;
  });
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { case: { type: 'string' }, truth: { type: 'string' }, threshold: { type: 'string' }, method: { type: 'string' } } });
  const root = findRepoRoot();
  const caseDir = values.case ? path.resolve(values.case) : await lfwCase(root);
  const loaded = withCase(caseDir, loadCaseFaces);
  if (!loaded) throw new Error('the case has no analysed faces');
  const truthOf = truthOfCaptures(caseDir, values.truth);
  const grouping = groupingThreshold(loaded.modelId, loaded.sameThreshold);
  const params = defaultClusterParams(values.threshold ? Number(values.threshold) : grouping.threshold, grouping.span);
  if (values.method) params.method = values.method as 'exact' | 'ivf';

  const kernel = new SimilarityKernel(loaded.dims);
  const t0 = performance.now();
  const out = await clusterFaces(kernel, { dims: loaded.dims, embeddings: loaded.embeddings, faces: loaded.faces, confirmed: [], tags: new Map(), params });
  const seconds = (performance.now() - t0) / 1000;
  await kernel.release();

  // The labelled face of each capture: its largest.
  const sizes = withCase(caseDir, (db) => new Map((db.prepare('SELECT id, size_px FROM faces').all() as Array<{ id: number; size_px: number }>).map((r) => [r.id, r.size_px])));
  const best = new Map<number, number>();
  loaded.faces.forEach((f, i) => {
    const current = best.get(f.captureId);
    if (current === undefined || sizes.get(loaded.faceIds[i]!)! > sizes.get(loaded.faceIds[current]!)!) best.set(f.captureId, i);
  });
  const truth: string[] = [];
  const predicted: number[] = [];
  for (const [captureId, i] of best) {
    const person = truthOf.get(captureId);
    if (!person) continue;
    truth.push(person);
    predicted.push(out.labels[i]!);
  }
  const m = clusterMetrics(truth, predicted);
  const pct = (x: number) => `${(x * 100).toFixed(2)}%`;
  console.log(`case: ${caseDir}`);
  console.log(`faces ${out.counts.faces} (clustered ${out.counts.clustered}, set aside ${out.counts.setAside}, attached ${out.counts.attached}); tracklet links ${out.counts.trackletLinks}; merges refused by constraints ${out.counts.refusedByConstraint}`);
  console.log(`search: ${out.search.method}${out.search.lists ? ` (${out.search.lists} lists)` : ''}; clustering ${seconds.toFixed(1)} s ${JSON.stringify(out.timings)}`);
  console.log(`threshold ${params.threshold}; scored faces ${m.items}`);
  console.log(`pairwise precision ${pct(m.pairwise.precision)}  recall ${pct(m.pairwise.recall)}  F1 ${pct(m.pairwise.f1)}  (pairs: true ${m.pairwise.truePairs}, found ${m.pairwise.foundPairs}, correct ${m.pairwise.correctPairs})`);
  console.log(`BCubed precision ${pct(m.bcubed.precision)}  recall ${pct(m.bcubed.recall)}  F ${pct(m.bcubed.f)}`);
  const diff = m.people.foundWithTwo / m.people.truthWithTwo - 1;
  console.log(`people: truth ${m.people.truth}, found ${m.people.found}; with ≥ 2 photos: truth ${m.people.truthWithTwo}, found ${m.people.foundWithTwo} (${diff >= 0 ? '+' : ''}${(diff * 100).toFixed(1)}%)`);
  console.log(`sensitivity (all faces): ${out.sensitivity.map((s) => `${s.threshold}: ${s.persons} (${s.personsMulti} with ≥2)`).join(' · ')}`);
  console.log(`merge suggestions: ${out.suggestions.length}`);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
