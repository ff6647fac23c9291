import { describe, expect, it } from 'vitest';
import { verificationFigures } from './verificationMetrics';
import { verificationPairs } from './verificationPairs';

describe('verification figures', () => {
  it('is perfect when genuine and impostor scores do not overlap', () => {
    const f = verificationFigures([0.9, 0.8, 0.7], [0.1, 0.2, 0.3]);
    expect(f.eer).toBe(0);
    expect(f.tarAtFar).toBe(1);
  });

  it('finds the equal error rate of a known overlap', () => {
    // 10 genuine, 10 impostor; one genuine below and one impostor above the crossing: 10% each.
    const genuine = [0.9, 0.85, 0.8, 0.75, 0.7, 0.65, 0.6, 0.55, 0.5, 0.2];
    const impostor = [0.1, 0.12, 0.14, 0.16, 0.18, 0.22, 0.24, 0.26, 0.28, 0.52];
    const f = verificationFigures(genuine, impostor, 0.1);
    expect(f.eer).toBeCloseTo(0.1, 6);
    // At most 10% false accepts allowed: threshold just above 0.28, so 9 of 10 genuine pass.
    expect(f.tarAtFar).toBeCloseTo(0.9, 6);
  });

  it('counts a missed face (-Infinity) as a false reject', () => {
    const f = verificationFigures([0.9, -Infinity], [0.1, 0.2], 0.5);
    expect(f.tarAtFar).toBe(0.5);
  });
});

describe('verification pairs', () => {
  it('takes every same-identity pair and as many distinct different-identity pairs, reproducibly', () => {
    const items = ['a', 'a', 'a', 'b', 'b', 'c', 'd'].map((identity) => ({ identity }));
    const p = verificationPairs(items);
    expect(p.genuine).toHaveLength(4); // a: 3 pairs, b: 1
    expect(p.impostor).toHaveLength(4);
    for (const [x, y] of p.impostor) expect(items[x]!.identity).not.toBe(items[y]!.identity);
    expect(new Set(p.impostor.map((q) => q.join(','))).size).toBe(4);
    expect(verificationPairs(items).impostor).toEqual(p.impostor);
  });
});
