/**
 * Five-point face alignment: the similarity transform (rotation, uniform scale, translation — no shear, so the
 * face keeps its proportions) that best maps the detected eyes, nose tip and mouth corners onto the ArcFace
 * 112×112 template (least squares, Umeyama 1991), then a bilinear warp of the image through it.
 */
import type { RgbImage } from './rgbImage';

export type Point = [number, number];
/** Left eye, right eye (as seen in the image), nose tip, left and right mouth corner. */
export type FivePoints = [Point, Point, Point, Point, Point];

/** The ArcFace / InsightFace reference points for a 112×112 crop. */
export const ARCFACE_TEMPLATE_112: FivePoints = [
  [38.2946, 51.6963],
  [73.5318, 51.5014],
  [56.0252, 71.7366],
  [41.5493, 92.3655],
  [70.7299, 92.2041],
];

/** x' = a·x − b·y + tx, y' = b·x + a·y + ty. */
export interface Similarity {
  a: number;
  b: number;
  tx: number;
  ty: number;
}

export function estimateSimilarity(from: readonly Point[], to: readonly Point[]): Similarity {
  const n = from.length;
  let mfx = 0, mfy = 0, mtx = 0, mty = 0;
  for (let i = 0; i < n; i++) { mfx += from[i]![0]; mfy += from[i]![1]; mtx += to[i]![0]; mty += to[i]![1]; }
  mfx /= n; mfy /= n; mtx /= n; mty /= n;
  // With centred points the least-squares similarity is closed-form: a = Σ(p·q)/Σ|p|², b = Σ(p×q)/Σ|p|².
  let dot = 0, cross = 0, norm = 0;
  for (let i = 0; i < n; i++) {
    const px = from[i]![0] - mfx, py = from[i]![1] - mfy;
    const qx = to[i]![0] - mtx, qy = to[i]![1] - mty;
    dot += px * qx + py * qy;
    cross += px * qy - py * qx;
    norm += px * px + py * py;
  }
  if (norm === 0) throw new Error('degenerate landmarks: all points coincide');
  const a = dot / norm, b = cross / norm;
  return { a, b, tx: mtx - (a * mfx - b * mfy), ty: mty - (b * mfx + a * mfy) };
}

export function applySimilarity(t: Similarity, [x, y]: Point): Point {
  return [t.a * x - t.b * y + t.tx, t.b * x + t.a * y + t.ty];
}

/** Warps the image so the landmarks land on the template; pixels from outside the image are black. */
export function alignToTemplate(image: RgbImage, landmarks: FivePoints, size = 112, template: FivePoints = ARCFACE_TEMPLATE_112): RgbImage {
  const scale = size / 112;
  const dst = template.map(([x, y]) => [x * scale, y * scale] as Point);
  const t = estimateSimilarity(landmarks, dst);
  // Inverse mapping: for every output pixel, where it comes from in the source.
  const det = t.a * t.a + t.b * t.b;
  const ia = t.a / det, ib = -t.b / det;
  const itx = -(ia * t.tx - ib * t.ty), ity = -(ib * t.tx + ia * t.ty);
  const { width: w, height: h, data } = image;
  const out = new Uint8Array(size * size * 3);
  const row = w * 3;
  for (let oy = 0; oy < size; oy++) {
    // Walk the output row: the source position moves by (ia, ib) per output pixel.
    let sx = -ib * oy + itx, sy = ia * oy + ity;
    for (let ox = 0; ox < size; ox++, sx += ia, sy += ib) {
      const x0 = Math.floor(sx), y0 = Math.floor(sy);
      if (x0 < -1 || y0 < -1 || x0 >= w || y0 >= h) continue;
      const ax = sx - x0, ay = sy - y0;
      const o = (oy * size + ox) * 3;
      if (x0 >= 0 && y0 >= 0 && x0 + 1 < w && y0 + 1 < h) {
        // Inside the image (almost every pixel): no bounds checks.
        const i = y0 * row + x0 * 3;
        const w00 = (1 - ax) * (1 - ay), w01 = ax * (1 - ay), w10 = (1 - ax) * ay, w11 = ax * ay;
        out[o] = data[i]! * w00 + data[i + 3]! * w01 + data[i + row]! * w10 + data[i + row + 3]! * w11 + 0.5;
        out[o + 1] = data[i + 1]! * w00 + data[i + 4]! * w01 + data[i + row + 1]! * w10 + data[i + row + 4]! * w11 + 0.5;
        out[o + 2] = data[i + 2]! * w00 + data[i + 5]! * w01 + data[i + row + 2]! * w10 + data[i + row + 5]! * w11 + 0.5;
        continue;
      }
      for (let c = 0; c < 3; c++) {
        const p00 = x0 >= 0 && y0 >= 0 ? data[(y0 * w + x0) * 3 + c]! : 0;
        const p01 = x0 + 1 < w && y0 >= 0 ? data[(y0 * w + x0 + 1) * 3 + c]! : 0;
        const p10 = x0 >= 0 && y0 + 1 < h ? data[((y0 + 1) * w + x0) * 3 + c]! : 0;
        const p11 = x0 + 1 < w && y0 + 1 < h ? data[((y0 + 1) * w + x0 + 1) * 3 + c]! : 0;
        out[o + c] = Math.round(p00 * (1 - ax) * (1 - ay) + p01 * ax * (1 - ay) + p10 * (1 - ax) * ay + p11 * ax * ay);
      }
    }
  }
  return { width: size, height: size, data: out };
}
