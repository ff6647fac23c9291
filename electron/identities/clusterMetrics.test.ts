import { describe, expect, it } from 'vitest';
import { clusterMetrics } from './clusterMetrics';

describe('clusterMetrics', () => {
  it('is perfect when the clustering equals the truth', () => {
    const m = clusterMetrics(['a', 'a', 'b', 'c', 'c', 'c'], [5, 5, 1, 2, 2, 2]);
    expect(m.pairwise).toMatchObject({ precision: 1, recall: 1, f1: 1, truePairs: 4 });
    expect(m.bcubed.f).toBe(1);
    expect(m.people).toEqual({ truth: 3, found: 3, truthWithTwo: 2, foundWithTwo: 2 });
  });

  it('counts a false merge against precision and a split against recall (hand-counted)', () => {
    // truth: a a a | b b ; found: {a a} {a b b}
    const m = clusterMetrics(['a', 'a', 'a', 'b', 'b'], [0, 0, 1, 1, 1]);
    // true pairs: 3 + 1 = 4; found pairs: 1 + 3 = 4; correct: (a,a) in 0 → 1, (b,b) in 1 → 1 = 2
    expect(m.pairwise.truePairs).toBe(4);
    expect(m.pairwise.foundPairs).toBe(4);
    expect(m.pairwise.correctPairs).toBe(2);
    expect(m.pairwise.precision).toBe(0.5);
    expect(m.pairwise.recall).toBe(0.5);
    // BCubed precision: items of cluster 0: 2/2 each; cluster 1: a 1/3, b 2/3 each → (1+1+1/3+2/3+2/3)/5
    expect(m.bcubed.precision).toBeCloseTo((1 + 1 + 1 / 3 + 2 / 3 + 2 / 3) / 5, 10);
    // BCubed recall: a in 0: 2/3 each, a in 1: 1/3, b: 2/2 each → (2/3+2/3+1/3+1+1)/5
    expect(m.bcubed.recall).toBeCloseTo((2 / 3 + 2 / 3 + 1 / 3 + 1 + 1) / 5, 10);
  });

  it('treats unassigned items as people of their own', () => {
    const m = clusterMetrics(['a', 'a', 'b'], [-1, -1, -1]);
    expect(m.people.found).toBe(3);
    expect(m.pairwise.foundPairs).toBe(0);
    expect(m.pairwise.precision).toBe(1);
    expect(m.pairwise.recall).toBe(0);
  });
});
