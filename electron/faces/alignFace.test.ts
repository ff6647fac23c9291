import { describe, expect, it } from 'vitest';
import { alignToTemplate, applySimilarity, ARCFACE_TEMPLATE_112, estimateSimilarity, type FivePoints, type Point } from './alignFace';

describe('five-point similarity alignment', () => {
  it('recovers a known rotation, scale and shift exactly', () => {
    const angle = 0.4, scale = 2.5, tx = 31, ty = -7;
    const t = { a: scale * Math.cos(angle), b: scale * Math.sin(angle), tx, ty };
    const moved = ARCFACE_TEMPLATE_112.map((p) => applySimilarity(t, p));
    const back = estimateSimilarity(moved, ARCFACE_TEMPLATE_112);
    for (const [i, p] of moved.entries()) {
      const q = applySimilarity(back, p);
      expect(q[0]).toBeCloseTo(ARCFACE_TEMPLATE_112[i]![0], 6);
      expect(q[1]).toBeCloseTo(ARCFACE_TEMPLATE_112[i]![1], 6);
    }
  });

  it('warps a marked pixel onto its template position', () => {
    // A 400×300 image with one white pixel at the (scaled, shifted) left-eye position.
    const width = 400, height = 300, s = 2, ox = 100, oy = 50;
    const data = new Uint8Array(width * height * 3);
    const eye: Point = [ox + ARCFACE_TEMPLATE_112[0][0] * s, oy + ARCFACE_TEMPLATE_112[0][1] * s];
    const i = (Math.round(eye[1]) * width + Math.round(eye[0])) * 3;
    data[i] = data[i + 1] = data[i + 2] = 255;
    const landmarks = ARCFACE_TEMPLATE_112.map(([x, y]) => [Math.round(ox + x * s), Math.round(oy + y * s)] as Point) as FivePoints;
    const out = alignToTemplate({ width, height, data }, landmarks);
    let best = 0, at = -1;
    for (let p = 0; p < 112 * 112; p++) if (out.data[p * 3]! > best) { best = out.data[p * 3]!; at = p; }
    expect(Math.abs((at % 112) - ARCFACE_TEMPLATE_112[0][0])).toBeLessThanOrEqual(1);
    expect(Math.abs(Math.floor(at / 112) - ARCFACE_TEMPLATE_112[0][1])).toBeLessThanOrEqual(1);
  });

  it('refuses degenerate landmarks', () => {
    const same: Point[] = Array(5).fill([10, 10]);
    expect(() => estimateSimilarity(same, ARCFACE_TEMPLATE_112)).toThrow(/degenerate/u);
  });
});
