/**
 * One unit of analysis work: read an image file, decode it, find and embed its faces, write their thumbnails.
 * Runs inside a pool worker (and in-process for benchmarks); returns plain data that crosses threads cheaply.
 */
import fs from 'node:fs';
import type { Box, FaceEngine, FaceQuality, StageTimings } from './faceEngine';
import type { FivePoints } from './alignFace';
import { thumbRelPath, writeThumbnail } from './faceThumbnails';
import { decodeImage } from './rgbImage';

export interface AnalyzeTask {
  /** Caller's key (the capture id). */
  key: number;
  file: string;
  sourceSha256: string;
  /** When set, thumbnails are written under this case folder. */
  caseDir?: string;
}

export interface FaceRecord {
  box: Box;
  landmarks: FivePoints;
  quality: FaceQuality;
  rotation: number;
  embedding: Float32Array;
  thumbPath: string | null;
}

export interface AnalyzeTaskResult {
  key: number;
  ok: boolean;
  error?: string;
  width: number;
  height: number;
  faces: FaceRecord[];
  timings: StageTimings & { readMs: number; decodeMs: number; thumbMs: number };
}

export async function analyzeImageFile(engine: FaceEngine, task: AnalyzeTask): Promise<AnalyzeTaskResult> {
  const timings = { readMs: 0, decodeMs: 0, thumbMs: 0, detectMs: 0, landmarkMs: 0, alignMs: 0, embedMs: 0 };
  let t = performance.now();
  let image;
  // An unreadable or undecodable file is a fact about the evidence (recorded, skipped on re-runs); a failure of
  // the engine itself is not, and propagates so the run stops instead of marking every capture failed.
  try {
    const bytes = await fs.promises.readFile(task.file);
    timings.readMs = performance.now() - t;
    t = performance.now();
    image = await decodeImage(bytes);
    timings.decodeMs = performance.now() - t;
  } catch (error) {
    return { key: task.key, ok: false, error: error instanceof Error ? error.message : String(error), width: 0, height: 0, faces: [], timings };
  }
  const result = await engine.analyze(image);
  Object.assign(timings, result.timings);
  t = performance.now();
  const faces: FaceRecord[] = [];
  for (const [index, face] of result.faces.entries()) {
    let thumbPath: string | null = null;
    if (task.caseDir) {
      thumbPath = thumbRelPath(engine.version.modelId, task.sourceSha256, index);
      await writeThumbnail(task.caseDir, thumbPath, face.aligned);
    }
    faces.push({ box: face.box, landmarks: face.landmarks, quality: face.quality, rotation: face.rotation, embedding: face.embedding, thumbPath });
  }
  timings.thumbMs = performance.now() - t;
  return { key: task.key, ok: true, width: image.width, height: image.height, faces, timings };
}
