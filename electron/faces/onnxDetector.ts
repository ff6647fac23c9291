/**
 * The ONNX face detector (fr_detect.onnx: an Ultra-Light-Fast-Generic-Face-Detector "RFB-320" network: input
 * 1×3×240×320 RGB, (p − 127)/128; outputs per anchor softmax scores [4420×2] and boxes already decoded to
 * corners in 0..1 of the input). Run over the windows of detectionWindows, boxes mapped back to the source
 * image and merged by NMS.
 */
import type { Box } from './faceEngine';
import { detectionWindows, touchesInnerEdge, DEFAULT_WINDOW_OPTIONS, type WindowOptions } from './detectionWindows';
import { nms, type ScoredBox } from './nms';
import { runSingle, type Session } from './onnxSessions';
import { windowToTensor } from './resample';
import type { RgbImage } from './rgbImage';

export const DETECTOR_INPUT = { width: 320, height: 240 } as const;

export interface DetectorOptions {
  /** Candidate threshold; faces below it are not reported at all. */
  minScore: number;
  /** Boxes smaller than this (source pixels, height) are dropped: too small to recognise, mostly false alarms. */
  minFacePx: number;
  nmsIou: number;
  windows: WindowOptions;
}

// 0.75: on lfw-dev the labelled faces score above 0.95; the false alarms seen (flags, patterned cloth) 0.6–0.75.
export const DEFAULT_DETECTOR_OPTIONS: DetectorOptions = { minScore: 0.75, minFacePx: 20, nmsIou: 0.4, windows: DEFAULT_WINDOW_OPTIONS };

export async function detectBoxes(session: Session, image: RgbImage, options: DetectorOptions = DEFAULT_DETECTOR_OPTIONS): Promise<ScoredBox[]> {
  const { width: iw, height: ih } = DETECTOR_INPUT;
  const tensor = new Float32Array(3 * iw * ih);
  const found: ScoredBox[] = [];
  for (const win of detectionWindows(image.width, image.height, DETECTOR_INPUT, options.windows)) {
    windowToTensor(image, win, { width: iw, height: ih, mean: 127, std: 128, fill: 127 }, tensor);
    const out = await runSingle(session, tensor, [1, 3, ih, iw]);
    const scores = out['scores']!, boxes = out['boxes']!;
    const candidates: ScoredBox[] = [];
    for (let i = 0; i < scores.length / 2; i++) {
      const score = scores[i * 2 + 1]!;
      if (score < options.minScore) continue;
      const x1 = boxes[i * 4]! * iw, y1 = boxes[i * 4 + 1]! * ih, x2 = boxes[i * 4 + 2]! * iw, y2 = boxes[i * 4 + 3]! * ih;
      if (x2 <= x1 || y2 <= y1) continue;
      candidates.push({ x: win.x + x1 / win.scale, y: win.y + y1 / win.scale, width: (x2 - x1) / win.scale, height: (y2 - y1) / win.scale, score });
    }
    for (const box of nms(candidates, options.nmsIou)) {
      if (!touchesInnerEdge(box, win) && overlapsImage(box, image)) found.push(box);
    }
  }
  return nms(found, options.nmsIou).filter((b) => b.height >= options.minFacePx);
}

function overlapsImage(box: Box, image: RgbImage): boolean {
  const cx = box.x + box.width / 2, cy = box.y + box.height / 2;
  return cx >= 0 && cy >= 0 && cx < image.width && cy < image.height;
}
