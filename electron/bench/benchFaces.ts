/**
 * `npm run bench:faces`: where the face engine's time goes, and how fast it is end to end, for both engines.
 *   stages (one thread, in-process): decode (sharp), detect, landmarks + align, embed — faces/s of each alone;
 *   end to end (worker pool: read, decode, detect, align, embed, thumbnail): faces/s with 1 worker and with
 *   every core. Input: face crops (lfw-dev photos, the way capture crops come); peak RSS of the whole process.
 * Options: --images N (onnx, default 600)  --tfjs-images N (default 80)  --engines onnx,tfjs
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { createEngine } from '../faces/createEngine';
import type { AnalyzeTaskResult } from '../faces/analyzeImageFile';
import { ENGINE_NAMES, type EngineName } from '../faces/faceEngine';
import { decodeImage } from '../faces/rgbImage';
import { FacePool } from '../faces/workerPool';
import { labelledImages } from './labelledImages';

interface StageFigures { images: number; faces: number; decode: number; detect: number; landmarksAlign: number; embed: number }

async function stages(engineName: EngineName, files: string[]): Promise<StageFigures> {
  const engine = await createEngine(engineName);
  const totals = { decodeMs: 0, detectMs: 0, landmarkMs: 0, alignMs: 0, embedMs: 0, faces: 0 };
  // Warm-up: first runs include graph optimisation and (tfjs) kernel compilation.
  for (const file of files.slice(0, 3)) await engine.analyze(await decodeImage(fs.readFileSync(file)));
  for (const file of files) {
    const bytes = fs.readFileSync(file);
    const t = performance.now();
    const image = await decodeImage(bytes);
    totals.decodeMs += performance.now() - t;
    const r = await engine.analyze(image);
    totals.detectMs += r.timings.detectMs;
    totals.landmarkMs += r.timings.landmarkMs;
    totals.alignMs += r.timings.alignMs;
    totals.embedMs += r.timings.embedMs;
    totals.faces += r.faces.length;
  }
  await engine.dispose();
  const perSecond = (ms: number, n: number) => (ms > 0 ? n / (ms / 1000) : NaN);
  return {
    images: files.length, faces: totals.faces,
    decode: perSecond(totals.decodeMs, files.length),
    detect: perSecond(totals.detectMs, totals.faces),
    landmarksAlign: perSecond(totals.landmarkMs + totals.alignMs, totals.faces),
    embed: perSecond(totals.embedMs, totals.faces),
  };
}

async function endToEnd(engine: EngineName, files: string[], workers: number, thumbDir: string): Promise<{ facesPerSecond: number; imagesPerSecond: number; faces: number; seconds: number; stagesMs: Record<string, number> }> {
  const pool = await FacePool.start({ engine, workers });
  try {
    // Warm every worker before timing.
    await Promise.all(files.slice(0, workers * 2).map((file, key) => pool.run({ key, file, sourceSha256: `warm${key}` })));
    const started = performance.now();
    const results = await Promise.all(files.map((file, key) => pool.run({ key, file, sourceSha256: `${key}`.padStart(4, '0'), caseDir: thumbDir })));
    const seconds = (performance.now() - started) / 1000;
    const faces = results.reduce((n, r) => n + r.faces.length, 0);
    // Where a worker's time goes, per image: every stage the worker timed, and what is left of its share of the
    // wall time (messaging, JS glue, waiting for a core).
    const perImage = (key: keyof AnalyzeTaskResult['timings']) => results.reduce((sum, r) => sum + r.timings[key], 0) / results.length;
    const stagesMs = Object.fromEntries((['readMs', 'decodeMs', 'detectMs', 'landmarkMs', 'alignMs', 'embedMs', 'thumbMs'] as const).map((k) => [k.replace('Ms', ''), perImage(k)]));
    const accounted = Object.values(stagesMs).reduce((a, b) => a + b, 0);
    const share = (seconds * 1000 * workers) / results.length;
    return { facesPerSecond: faces / seconds, imagesPerSecond: files.length / seconds, faces, seconds, stagesMs: { ...stagesMs, other: share - accounted } };
  } finally {
    await pool.close();
  }
}

const f1 = (v: number) => (Number.isFinite(v) ? v.toFixed(1) : '—');

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { images: { type: 'string' }, 'tfjs-images': { type: 'string' }, engines: { type: 'string' } } });
  const engines = ((values.engines as string | undefined) ?? ENGINE_NAMES.join(',')).split(',') as EngineName[];
  const counts: Record<EngineName, number> = { onnx: Number(values.images ?? 600), tfjs: Number(values['tfjs-images'] ?? 80) };
  const crops = labelledImages('lfw-dev').map((i) => i.file);
  if (crops.length === 0) throw new Error('no lfw-dev photos under ../shared/faces (or $FACEAUDIT_FACES)');
  const cores = os.availableParallelism();
  const thumbDir = fs.mkdtempSync(path.join(os.tmpdir(), 'faceaudit-bench-faces-'));
  console.log(`bench:faces — ${os.cpus()[0]?.model ?? 'cpu'} × ${cores}, Node ${process.version}; load before: ${os.loadavg().map((l) => l.toFixed(2)).join(' ')}`);
  console.log('faces/s per stage (1 thread) | end to end faces/s: 1 worker, all cores');
  try {
    for (const engine of engines) {
      // Every n-th photo, so the sample spans the whole set.
      const step = Math.max(1, Math.floor(crops.length / counts[engine]));
      const files = crops.filter((_, i) => i % step === 0).slice(0, counts[engine]);
      const s = await stages(engine, files);
      const one = await endToEnd(engine, files, 1, thumbDir);
      const all = await endToEnd(engine, files, cores, thumbDir);
      console.log(`[${engine}] ${files.length} crops, ${s.faces} faces`);
      console.log(`  stages:     decode ${f1(s.decode)} img/s · detect ${f1(s.detect)} · landmarks+align ${f1(s.landmarksAlign)} · embed ${f1(s.embed)} faces/s`);
      if (engine === 'tfjs') console.log('              (face-api runs detection, landmarks and descriptor in one call: "detect" is all three)');
      console.log(`  end to end: 1 worker ${f1(one.facesPerSecond)} faces/s · ${cores} workers ${f1(all.facesPerSecond)} faces/s (${f1(all.imagesPerSecond)} images/s)`);
      for (const [label, run] of [['1 worker', one], [`${cores} workers`, all]] as const) {
        console.log(`  ms per image, ${label}: ${Object.entries(run.stagesMs).map(([k, v]) => `${k} ${v.toFixed(1)}`).join(' · ')}`);
      }
      if (engine === 'onnx') console.log(`  124,200 captures at this rate: ${(124_200 / all.imagesPerSecond / 60).toFixed(0)} min`);
    }
  } finally {
    fs.rmSync(thumbDir, { recursive: true, force: true });
  }
  console.log(`peak RSS ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB (process incl. worker threads); load after: ${os.loadavg().map((l) => l.toFixed(2)).join(' ')}`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
