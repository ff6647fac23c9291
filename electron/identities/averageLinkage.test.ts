import { describe, expect, it } from 'vitest';
import { averageLinkage, countsAtThresholds, type LinkageInput } from './averageLinkage';

/** Unit vectors in the plane (2-d): angles in degrees; cosines are then easy to count by hand. */
function atAngles(degrees: number[]): Float32Array {
  return Float32Array.from(degrees.flatMap((d) => [Math.cos((d * Math.PI) / 180), Math.sin((d * Math.PI) / 180)]));
}

function allPairs(n: number): { edgeA: Int32Array; edgeB: Int32Array; edgeCount: number } {
  const a: number[] = [], b: number[] = [];
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) {
      a.push(i);
      b.push(j);
    }
  }
  return { edgeA: Int32Array.from(a), edgeB: Int32Array.from(b), edgeCount: a.length };
}

function input(degrees: number[], over: Partial<LinkageInput> = {}): LinkageInput {
  return {
    dims: 2, embeddings: atAngles(degrees), items: degrees.length, ...allPairs(degrees.length),
    mustLink: [], tags: new Map(), threshold: Math.cos((30 * Math.PI) / 180), floor: -1, suggestFrom: 0, ...over,
  };
}

const sameGroup = (labels: Int32Array, i: number, j: number) => labels[i] === labels[j];

describe('averageLinkage', () => {
  it('groups tight bunches and keeps distant ones apart', async () => {
    const r = await averageLinkage(input([0, 5, 10, 90, 95, 180]));
    expect(r.groups).toBe(3);
    expect(sameGroup(r.labels, 0, 2)).toBe(true);
    expect(sameGroup(r.labels, 3, 4)).toBe(true);
    expect(sameGroup(r.labels, 2, 3)).toBe(false);
  });

  it('does not chain: a row of faces each close to the next is not one person when the ends are far apart', async () => {
    // Neighbours 20° apart (cos 0.94 > threshold cos 30°), but 0° and 80° are far: single linkage would join all.
    const r = await averageLinkage(input([0, 20, 40, 60, 80]));
    expect(r.groups).toBeGreaterThan(1);
    expect(sameGroup(r.labels, 0, 4)).toBe(false);
  });

  it('merges in non-increasing order of linkage and counts groups at any threshold from the heights', async () => {
    const r = await averageLinkage(input([0, 5, 10, 90, 95, 180]));
    for (let i = 1; i < r.heights.length; i++) expect(r.heights[i]).toBeLessThanOrEqual(r.heights[i - 1]! + 1e-12);
    const counts = countsAtThresholds(r, [0.999, Math.cos((30 * Math.PI) / 180), -1]);
    // cos 5° = 0.9962 ≥ 0.999? no → at 0.999 nothing has merged: 6 groups.
    expect(counts.find((c) => c.threshold === 0.999)!.groups).toBe(6);
    expect(counts.find((c) => c.threshold === Math.cos((30 * Math.PI) / 180))!.groups).toBe(3);
    expect(counts.find((c) => c.threshold === -1)!.groups).toBe(1);
  });

  it('never joins two faces whose tags forbid it, and says how often it refused', async () => {
    const tags = new Map([[0, [[7, 0]] as Array<[number, number]>], [1, [[7, 1]] as Array<[number, number]>]]);
    const r = await averageLinkage(input([0, 2, 4], { tags }));
    expect(sameGroup(r.labels, 0, 1)).toBe(false);
    expect(r.refusedByConstraint).toBeGreaterThan(0);
    // 2 may join either side, never both.
    expect(r.groups).toBe(2);
  });

  it('joins must-link groups whatever their similarity, before anything else', async () => {
    const r = await averageLinkage(input([0, 180, 90], { mustLink: [[0, 1]] }));
    expect(sameGroup(r.labels, 0, 1)).toBe(true);
    expect(r.seededGroups).toBe(2);
    expect(r.seededMulti).toBe(1);
  });

  it('offers pairs just below the threshold as suggestions', async () => {
    const r = await averageLinkage(input([0, 40], { suggestFrom: Math.cos((60 * Math.PI) / 180) }));
    expect(r.groups).toBe(2);
    expect(r.suggestions).toHaveLength(1);
    expect(r.suggestions[0]!.similarity).toBeCloseTo(Math.cos((40 * Math.PI) / 180), 5);
  });

  it('only considers the candidate pairs it is given', async () => {
    const r = await averageLinkage({ ...input([0, 1, 2]), edgeA: Int32Array.from([0]), edgeB: Int32Array.from([1]), edgeCount: 1 });
    expect(r.groups).toBe(2);
    expect(sameGroup(r.labels, 0, 1)).toBe(true);
  });
});
