/**
 * `npm run eval:faces`: how well each engine finds and recognises faces, on labelled photos.
 *   lfw-dev: detection rate (images where the labelled, centred face is found / images), and verification on
 *   every same-identity pair against as many different-identity pairs: equal error rate, true-accept rate at
 *   0.1% false-accept. A photo whose face was not found scores -Infinity in all its pairs (counted against the
 *   engine). The smaller sets are reported as a sanity check, with their multi-face images listed.
 * Options: --engines onnx,tfjs  --limit N (first N lfw-dev photos, for a quick look)  --workers N  --json FILE
 */
import fs from 'node:fs';
import os from 'node:os';
import { parseArgs } from 'node:util';
import type { AnalyzeTaskResult, FaceRecord } from '../faces/analyzeImageFile';
import { ENGINE_NAMES, cosineSimilarity, isRecognisable, type EngineName } from '../faces/faceEngine';
import { modelVersionOf } from '../faces/createEngine';
import { verificationFigures } from '../faces/verificationMetrics';
import { verificationPairs } from '../faces/verificationPairs';
import { FacePool } from '../faces/workerPool';
import { labelledImages, type LabelledImage } from './labelledImages';

/** The labelled face of a photo: LFW centres it, so the face nearest the image centre (ties: the larger). */
export function centralFace(result: AnalyzeTaskResult): FaceRecord | undefined {
  const cx = result.width / 2, cy = result.height / 2;
  const distance = (f: FaceRecord) => Math.hypot(f.box.x + f.box.width / 2 - cx, f.box.y + f.box.height / 2 - cy) - 0.1 * f.box.height;
  return [...result.faces].sort((a, b) => distance(a) - distance(b))[0];
}

async function analyzeAll(engine: EngineName, images: LabelledImage[], workers: number): Promise<{ results: AnalyzeTaskResult[]; seconds: number }> {
  const pool = await FacePool.start({ engine, workers });
  const started = Date.now();
  let done = 0;
  try {
    const results = await Promise.all(images.map((img, key) => pool.run({ key, file: img.file, sourceSha256: '' }).then((r) => {
      done++;
      if (process.stderr.isTTY && done % 50 === 0) process.stderr.write(`\r${engine}: ${done}/${images.length}`);
      return r;
    })));
    if (process.stderr.isTTY) process.stderr.write('\n');
    return { results, seconds: (Date.now() - started) / 1000 };
  } finally {
    await pool.close();
  }
}

function verify(images: LabelledImage[], faces: Array<FaceRecord | undefined>) {
  const pairs = verificationPairs(images);
  const score = ([a, b]: [number, number]) => {
    const fa = faces[a], fb = faces[b];
    return fa && fb ? cosineSimilarity(fa.embedding, fb.embedding) : -Infinity;
  };
  return verificationFigures(pairs.genuine.map(score), pairs.impostor.map(score), 0.001);
}

const pct = (v: number, digits = 2) => `${(v * 100).toFixed(digits)}%`;

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { engines: { type: 'string' }, limit: { type: 'string' }, workers: { type: 'string' }, json: { type: 'string' } } });
  const engines = ((values.engines as string | undefined) ?? ENGINE_NAMES.join(',')).split(',') as EngineName[];
  const workers = values.workers ? Number(values.workers) : os.availableParallelism();
  const all = labelledImages();
  let lfw = all.filter((i) => i.set === 'lfw-dev');
  if (values.limit) lfw = lfw.slice(0, Number(values.limit));
  const others = all.filter((i) => i.set !== 'lfw-dev');
  if (lfw.length === 0) throw new Error('no lfw-dev photos found under ../shared/faces (or $FACEAUDIT_FACES)');
  console.log(`eval:faces — ${lfw.length} lfw-dev photos (${new Set(lfw.map((i) => i.identity)).size} people), ${others.length} photos of other sets; ${workers} workers; load ${os.loadavg().map((l) => l.toFixed(2)).join(' ')}`);
  const summary: Record<string, unknown> = {};
  for (const engine of engines) {
    const version = modelVersionOf(engine);
    const { results, seconds } = await analyzeAll(engine, [...lfw, ...others], workers);
    const lfwResults = results.slice(0, lfw.length);
    const faces = lfwResults.map(centralFace);
    const found = faces.filter(Boolean).length;
    const figures = verify(lfw, faces);
    console.log(`\n[${engine}] ${version.modelId}  (${seconds.toFixed(0)} s, ${(results.length / seconds).toFixed(1)} images/s)`);
    const recognisable = (f: FaceRecord) => isRecognisable(f.quality, version);
    console.log(`  lfw-dev detection: ${found}/${lfw.length} = ${pct(found / lfw.length)} (recognisable: ${faces.filter((f) => f && recognisable(f)).length}); photos with more than one face: ${lfwResults.filter((r) => r.faces.length > 1).length}, more than one recognisable: ${lfwResults.filter((r) => r.faces.filter(recognisable).length > 1).length}`);
    console.log(`  lfw-dev verification: ${figures.genuinePairs} genuine / ${figures.impostorPairs} impostor pairs: EER ${pct(figures.eer, 3)} (threshold ${figures.eerThreshold.toFixed(3)}), TAR ${pct(figures.tarAtFar)} at FAR 0.1% (threshold ${figures.thresholdAtFar.toFixed(3)})`);
    const missed = lfw.filter((_, i) => !faces[i]).map((i) => i.file);
    if (missed.length) console.log(`  not found (first 10): ${missed.slice(0, 10).join(', ')}`);
    const sets: Record<string, unknown> = {};
    for (const set of [...new Set(others.map((i) => i.set))]) {
      const idx = others.map((img, i) => ({ img, r: results[lfw.length + i]! })).filter((x) => x.img.set === set);
      const setFaces = idx.map((x) => largestFace(x.r));
      const setFound = setFaces.filter(Boolean).length;
      const multi = idx.filter((x) => x.r.faces.length > 1).map((x) => `${x.img.file.split('/').slice(-2).join('/')}:${x.r.faces.length}(${x.r.faces.filter(recognisable).length})`);
      let figuresText = '';
      try {
        const f = verify(idx.map((x) => x.img), setFaces);
        figuresText = `EER ${pct(f.eer)} over ${f.genuinePairs}+${f.impostorPairs} pairs`;
        sets[set] = { images: idx.length, found: setFound, eer: f.eer, multiFace: multi };
      } catch {
        sets[set] = { images: idx.length, found: setFound, multiFace: multi };
      }
      console.log(`  ${set}: found ${setFound}/${idx.length}; ${figuresText}; multi-face images, faces (recognisable): ${multi.join(' ') || 'none'}`);
    }
    summary[engine] = { modelId: version.modelId, images: lfw.length, found, detectionRate: found / lfw.length, ...figures, seconds, sets };
  }
  if (values.json) fs.writeFileSync(values.json as string, JSON.stringify(summary, null, 2));
}

function largestFace(result: AnalyzeTaskResult): FaceRecord | undefined {
  return [...result.faces].sort((a, b) => b.box.height - a.box.height)[0];
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
