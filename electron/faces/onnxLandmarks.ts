/**
 * The ONNX 68-point landmark model (fr_landmark.onnx: 64×64 grayscale, pixel/256 in; 68 (x, y) pairs out, in
 * 0..1 of the crop). The crop is the square of the detector box's height around its centre, as the model's
 * original pre-processing does, so the model sees faces framed the way it was trained.
 */
import type { FivePoints, Point } from './alignFace';
import type { Box } from './faceEngine';
import { runSingle, type Session } from './onnxSessions';
import { windowToGrayTensor } from './resample';
import type { RgbImage } from './rgbImage';

const SIZE = 64;

export function landmarkWindow(box: Box): Box {
  const side = box.height;
  return { x: box.x + box.width / 2 - side / 2, y: box.y + box.height / 2 - side / 2, width: side, height: side };
}

/** The 68 points in source image coordinates. */
export async function predictLandmarks68(session: Session, image: RgbImage, box: Box): Promise<Point[]> {
  const win = landmarkWindow(box);
  const input = windowToGrayTensor(image, win, SIZE, 256);
  const out = (await runSingle(session, input, [1, 1, SIZE, SIZE]))['output']!;
  const points: Point[] = [];
  for (let i = 0; i < 68; i++) points.push([win.x + out[i * 2]! * win.width, win.y + out[i * 2 + 1]! * win.height]);
  return points;
}

/** iBUG 68-point layout → eye centres (mean of the four lid points), nose tip, mouth corners (outer and inner lip). */
export function fivePointsFrom68(p: readonly Point[]): FivePoints {
  const mean = (...idx: number[]): Point => [idx.reduce((s, i) => s + p[i]![0], 0) / idx.length, idx.reduce((s, i) => s + p[i]![1], 0) / idx.length];
  return [mean(37, 38, 40, 41), mean(43, 44, 46, 47), mean(30), mean(48, 60), mean(54, 64)];
}
