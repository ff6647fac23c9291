/**
 * Quality of a face, from what the engine already has: the detector's score, the face's size, the sharpness of
 * the aligned crop and a pose estimate from the five points. Later stages weigh or exclude faces with these;
 * nothing here decides on its own.
 */
import type { FivePoints } from './alignFace';
import type { FaceQuality } from './faceEngine';
import { toGray, type RgbImage } from './rgbImage';

/** Variance of the 4-neighbour Laplacian over the inner part of the aligned face (its border is often padding). */
export function laplacianVariance(aligned: RgbImage): number {
  const gray = toGray(aligned);
  const { width: w, height: h } = aligned;
  const m = Math.round(w * 0.15);
  let sum = 0, sumSq = 0, n = 0;
  for (let y = Math.max(1, m); y < Math.min(h - 1, h - m); y++) {
    for (let x = Math.max(1, m); x < Math.min(w - 1, w - m); x++) {
      const i = y * w + x;
      const lap = gray[i - 1]! + gray[i + 1]! + gray[i - w]! + gray[i + w]! - 4 * gray[i]!;
      sum += lap; sumSq += lap * lap; n++;
    }
  }
  return n ? sumSq / n - (sum / n) ** 2 : 0;
}

const DEG = 180 / Math.PI;

/**
 * Pose from five points, in degrees. Roll is the eye line's angle. Yaw compares the nose tip's horizontal offset
 * from the eye/mouth midline with the face's half-width (asin of it); pitch compares the nose tip's height between
 * eyes and mouth with its frontal position (~0.45 of the way down in the ArcFace template). Good to ±10°.
 */
export function estimatePose(points: FivePoints): { yaw: number; pitch: number; roll: number } {
  const [le, re, nose, lm, rm] = points;
  const roll = Math.atan2(re[1] - le[1], re[0] - le[0]);
  // Undo the roll so yaw and pitch are measured in the face's own frame.
  const cos = Math.cos(-roll), sin = Math.sin(-roll);
  const rot = ([x, y]: readonly [number, number]): [number, number] => [x * cos - y * sin, x * sin + y * cos];
  const [l, r, n, ml, mr] = [le, re, nose, lm, rm].map(rot) as [[number, number], [number, number], [number, number], [number, number], [number, number]];
  const eyeMid: [number, number] = [(l[0] + r[0]) / 2, (l[1] + r[1]) / 2];
  const mouthMid: [number, number] = [(ml[0] + mr[0]) / 2, (ml[1] + mr[1]) / 2];
  const halfWidth = Math.max(1e-6, (r[0] - l[0] + mr[0] - ml[0]) / 4);
  const midX = (eyeMid[0] + mouthMid[0]) / 2;
  const yaw = Math.asin(Math.max(-1, Math.min(1, (n[0] - midX) / (halfWidth * 1.6)))) * DEG;
  const span = Math.max(1e-6, mouthMid[1] - eyeMid[1]);
  const t = (n[1] - eyeMid[1]) / span;
  const pitch = Math.asin(Math.max(-1, Math.min(1, (t - 0.49) / 0.5))) * DEG;
  return { yaw, pitch, roll: roll * DEG };
}

/** Face size in source pixels: eye-to-mouth distance scaled to a face height (~2.2× in the template), or the box. */
export function faceSizePx(points: FivePoints, boxHeight: number): number {
  const [le, re, , lm, rm] = points;
  const eyeMid = [(le[0] + re[0]) / 2, (le[1] + re[1]) / 2];
  const mouthMid = [(lm[0] + rm[0]) / 2, (lm[1] + rm[1]) / 2];
  const eyeMouth = Math.hypot(mouthMid[0]! - eyeMid[0]!, mouthMid[1]! - eyeMid[1]!);
  return Math.round(Math.max(eyeMouth * 2.2, boxHeight));
}

export function faceQuality(detectorScore: number, points: FivePoints, boxHeight: number, aligned: RgbImage, embeddingNorm: number): FaceQuality {
  return { detectorScore, sizePx: faceSizePx(points, boxHeight), blur: laplacianVariance(aligned), ...estimatePose(points), embeddingNorm };
}
