/**
 * `npm run bench:identities`: clustering time and peak memory at case scale, on real embeddings of sample captures.
 * Printed, never asserted.
 *
 * The case is a generated sample archive of 124,200 captures (180 days, real labelled faces from ../shared/faces,
 * rendered as camera crops), imported and analysed once into .cache/bench-identities (the analysis takes ~20 min
 * on 2 cores; later runs reuse it). Then: loading the faces, the full clustering as a run does it, the recall of
 * the inverted-file neighbour search against the exact one on a subsample, and the result against truth.json.
 *
 *   npm run bench:identities [-- --captures 124200] [--recall-sample 20000]
 */
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { importEvidence } from '../evidence/importEvidence';
import { analyzeCase } from '../faces/analyzeCase';
import { loadCaseFaces } from '../identities/caseFaces';
import { clusterFaces } from '../identities/clusterFaces';
import { clusterMetrics } from '../identities/clusterMetrics';
import { defaultClusterParams } from '../identities/clusterParams';
import { groupingThreshold } from '../identities/clusterThresholds';
import { searchNeighbours } from '../identities/neighbourSearch';
import { SimilarityKernel } from '../identities/similarityKernel';
import { gatherRows, sampleRows } from '../identities/sphericalKMeans';
import { mulberry32 } from '../sample/prng';
import { facesDir } from '../cli/paths';
import { findRepoRoot } from '../sample/faces';
import { generateSample } from '../sample/generateSample';
import { createCase, withCase } from '../store/caseStore';

async function benchCase(dir: string, captures: number): Promise<string> {
  const caseDir = path.join(dir, 'case');
  if (fs.existsSync(path.join(dir, 'analyze.json'))) return caseDir;
  const archive = path.join(dir, 'archive');
  if (!fs.existsSync(path.join(archive, 'truth.json'))) {
    console.log(`generating a ${captures}-capture sample archive…`);
    await generateSample({ outDir: archive, captures, days: 180, seed: 11, facesDir: facesDir() });
  }
  if (!fs.existsSync(caseDir)) createCase(caseDir, { number: '禹市监处罚〔2022〕12号', partyName: '基准测试公司' });
  console.log('importing and analysing (once; ~20 min at 124,200 captures)…');
  await importEvidence(caseDir, path.join(archive, 'archive'), {});
  const report = await analyzeCase(caseDir, {});
  fs.writeFileSync(path.join(dir, 'analyze.json'), JSON.stringify(report, null, 2));
  return caseDir;
}

function mb(bytes: number): string {
  return `${(bytes / 1048576).toFixed(0)} MB`;
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { captures: { type: 'string' }, 'recall-sample': { type: 'string' } } });
  const captures = Number(values.captures ?? 124_200);
  const dir = path.join(findRepoRoot(), '.cache', captures === 124_200 ? 'bench-identities' : `bench-identities-${captures}`);
  const caseDir = await benchCase(dir, captures);

  let peak = process.memoryUsage().rss;
  const meter = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 50);
  const t0 = performance.now();
  const loaded = withCase(caseDir, loadCaseFaces);
  if (!loaded) throw new Error('no analysed faces in the bench case');
  const loadSeconds = (performance.now() - t0) / 1000;
  const grouping = groupingThreshold(loaded.modelId, loaded.sameThreshold);
  const params = defaultClusterParams(grouping.threshold, grouping.span);
  const kernel = new SimilarityKernel(loaded.dims);
  const t1 = performance.now();
  const out = await clusterFaces(kernel, { dims: loaded.dims, embeddings: loaded.embeddings, faces: loaded.faces, confirmed: [], tags: new Map(), params });
  const clusterSeconds = (performance.now() - t1) / 1000;
  peak = Math.max(peak, process.memoryUsage().rss);
  clearInterval(meter);

  console.log(`faces ${out.counts.faces} (clustered ${out.counts.clustered}, set aside ${out.counts.setAside}, attached ${out.counts.attached})`);
  console.log(`load ${loadSeconds.toFixed(1)} s; clustering ${clusterSeconds.toFixed(1)} s ${JSON.stringify(out.timings)}; search ${out.search.method} (${out.search.lists} lists, ${(out.search.comparisons / 1e6).toFixed(0)} M cosines)`);
  console.log(`peak RSS ${mb(peak)}`);
  console.log(`persons ${out.groups}; sensitivity ${out.sensitivity.map((s) => `${s.threshold}: ${s.persons}`).join(' · ')}`);

  // Truth: the sample's person of each capture (one face per crop: its largest face).
  const truthFile = path.join(dir, 'archive', 'truth.json');
  const truth = JSON.parse(fs.readFileSync(truthFile, 'utf8')) as { records: Array<{ image: string; person: string }>; persons: number; staff: number };
  const personOfImage = new Map(truth.records.map((r) => [r.image, r.person]));
  const personOfCapture = withCase(caseDir, (db) => {
    const rows = db.prepare('SELECT c.id, sf.rel_path FROM captures c JOIN source_files sf ON sf.source_id = c.source_id AND sf.sha256 = c.image_sha256').all() as Array<{ id: number; rel_path: string }>;
    return new Map(rows.map((r) => [r.id, personOfImage.get(r.rel_path)]));
  });
  const firstFace = new Map<number, number>();
  loaded.faces.forEach((f, i) => firstFace.has(f.captureId) || firstFace.set(f.captureId, i));
  const t: string[] = [], p: number[] = [];
  for (const [captureId, i] of firstFace) {
    const person = personOfCapture.get(captureId);
    if (person) {
      t.push(person);
      p.push(out.labels[i]!);
    }
  }
  const m = clusterMetrics(t, p);
  console.log(`against truth.json (${truth.persons} persons, ${m.items} scored faces): pairwise P ${(m.pairwise.precision * 100).toFixed(2)}% R ${(m.pairwise.recall * 100).toFixed(2)}% F1 ${(m.pairwise.f1 * 100).toFixed(2)}%; BCubed F ${(m.bcubed.f * 100).toFixed(2)}%; people found ${m.people.found} (with ≥2: ${m.people.foundWithTwo} of ${m.people.truthWithTwo})`);

  // Recall of the inverted-file search against the exact one, on a subsample (exact is quadratic).
  const sampleSize = Math.min(Number(values['recall-sample'] ?? 20_000), out.counts.clustered);
  const eligible = loaded.faces.map((f, i) => (f.eligible ? i : -1)).filter((i) => i >= 0);
  const rows = sampleRows(eligible.length, sampleSize, mulberry32(3));
  const subset = gatherRows(loaded.embeddings, loaded.dims, Array.from(rows, (r) => eligible[r]!));
  const opts = { k: params.neighbours, floor: params.threshold, self: true } as const;
  const te = performance.now();
  const exact = await searchNeighbours(kernel, subset, rows.length, subset, rows.length, { ...opts, method: 'exact' });
  const exactSeconds = (performance.now() - te) / 1000;
  const ti = performance.now();
  const ivf = await searchNeighbours(kernel, subset, rows.length, subset, rows.length, { ...opts, method: 'ivf' });
  const ivfSeconds = (performance.now() - ti) / 1000;
  let wanted = 0, found = 0;
  for (let i = 0; i < rows.length; i++) {
    const got = new Set(ivf.rows.neighbours(i).map((n) => n.id));
    for (const n of exact.rows.neighbours(i)) {
      wanted++;
      if (got.has(n.id)) found++;
    }
  }
  console.log(`neighbour search on ${rows.length} faces: exact ${exactSeconds.toFixed(1)} s, inverted file ${ivfSeconds.toFixed(1)} s (${ivf.lists} lists); recall of exact neighbours ≥ ${params.threshold}: ${((found / Math.max(1, wanted)) * 100).toFixed(2)}% (${found}/${wanted})`);
  await kernel.release();
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
