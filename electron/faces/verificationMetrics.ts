/**
 * Verification figures from scored pairs: equal error rate and true-accept rate at a fixed false-accept rate.
 * A pair whose image yielded no face scores -Infinity: it is rejected at every threshold, so a missed detection
 * counts against the engine (a false reject) rather than vanishing from the figures.
 */

export interface VerificationFigures {
  genuinePairs: number;
  impostorPairs: number;
  /** Equal error rate (where false accepts and false rejects are equally frequent), 0..1. */
  eer: number;
  eerThreshold: number;
  /** True-accept rate at the lowest threshold whose false-accept rate is at most `far`. */
  tarAtFar: number;
  far: number;
  thresholdAtFar: number;
}

export function verificationFigures(genuine: readonly number[], impostor: readonly number[], far = 0.001): VerificationFigures {
  if (genuine.length === 0 || impostor.length === 0) throw new Error('need genuine and impostor pairs');
  const g = Float64Array.from(genuine).sort();
  const im = Float64Array.from(impostor).sort();
  // Candidate thresholds: every finite score. Accept when score >= threshold.
  const thresholds = Float64Array.from([...g, ...im].filter(Number.isFinite)).sort();
  let eer = 1, eerThreshold = Infinity, bestGap = Infinity;
  for (const t of thresholds) {
    const frr = countBelow(g, t) / g.length;
    const farT = 1 - countBelow(im, t) / im.length;
    const gap = Math.abs(frr - farT);
    if (gap < bestGap) { bestGap = gap; eer = (frr + farT) / 2; eerThreshold = t; }
  }
  // The threshold for the target FAR: just above the impostor score ranked at (1 - far).
  const allowed = Math.floor(far * im.length);
  const thresholdAtFar = allowed >= im.length ? -Infinity : nextUp(im[im.length - 1 - allowed]!);
  const tarAtFar = 1 - countBelow(g, thresholdAtFar) / g.length;
  return { genuinePairs: g.length, impostorPairs: im.length, eer, eerThreshold, tarAtFar, far, thresholdAtFar };
}

/** Number of sorted values strictly below t (binary search). */
function countBelow(sorted: Float64Array, t: number): number {
  let lo = 0, hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid]! < t) lo = mid + 1; else hi = mid;
  }
  return lo;
}

function nextUp(x: number): number {
  return Number.isFinite(x) ? x + Math.max(1e-9, Math.abs(x) * 1e-9) : x;
}
