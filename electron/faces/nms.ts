/** Non-maximum suppression over scored boxes: keeps the best box of every cluster of overlapping ones. */
import type { Box } from './faceEngine';

export interface ScoredBox extends Box {
  score: number;
}

export function iou(a: Box, b: Box): number {
  const inter = intersection(a, b);
  return inter / (a.width * a.height + b.width * b.height - inter);
}

function intersection(a: Box, b: Box): number {
  const w = Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x);
  const h = Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y);
  return w > 0 && h > 0 ? w * h : 0;
}

/**
 * Greedy NMS by score. A box is also dropped when it lies mostly inside a kept box (overlap over its own area),
 * which removes the part-face boxes a tiled detection produces at tile borders.
 */
export function nms<T extends ScoredBox>(boxes: T[], iouThreshold: number, containThreshold = 0.7): T[] {
  const sorted = [...boxes].sort((a, b) => b.score - a.score);
  const kept: T[] = [];
  for (const box of sorted) {
    const suppressed = kept.some((k) => iou(k, box) > iouThreshold || intersection(k, box) / (box.width * box.height) > containThreshold);
    if (!suppressed) kept.push(box);
  }
  return kept;
}
