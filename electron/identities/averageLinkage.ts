/**
 * Agglomerative clustering with average linkage, restricted to the candidate pairs of the neighbour graph.
 *
 * Why average linkage: two groups join only when their faces are alike on average, so one chance resemblance
 * (a single close pair, the way single linkage chains strangers together) cannot join two people. That favours
 * precision, which the count of distinct people needs: a false merge hides a victim.
 *
 * Exact average linkage from sums: the mean cosine between groups A and B of unit vectors is (ΣA · ΣB) / (|A||B|),
 * so each group keeps the sum of its embeddings and a linkage costs one dot product.
 *
 * Lazy updates: average linkage is reducible, L(A∪B, C) ≤ max(L(A,C), L(B,C)), so the heap entries left from
 * before a merge are upper bounds of the new linkages. An entry popped with stale versions is recomputed and pushed
 * back; an entry popped with current versions is the true best pair. Merges therefore happen in exactly
 * non-increasing order of linkage, and the number of groups at any threshold is read from the merge heights.
 *
 * Constraints: must-link groups (review decisions, tracklets) are merged before anything else; cannot-link tags
 * (two faces of one image; "not the same person"; different confirmed roles) forbid a merge whose two sides carry
 * the same tag key with different values.
 */
import { MergeHeap } from './maxHeap';

export interface LinkageInput {
  dims: number;
  /** Unit embeddings, one row per item. */
  embeddings: Float32Array;
  items: number;
  /** Candidate pairs: edgeA[i]–edgeB[i] (each pair once or more). */
  edgeA: Int32Array;
  edgeB: Int32Array;
  edgeCount: number;
  /** Groups of items that are one person whatever the similarity. */
  mustLink: ReadonlyArray<ArrayLike<number>>;
  /** Per item, [key, value] pairs: two groups holding one key with different values never join. */
  tags: ReadonlyMap<number, ReadonlyArray<readonly [number, number]>>;
  /** Where the person grouping is read (the same-person threshold). */
  threshold: number;
  /** Merging continues down to here to count persons at looser thresholds (sensitivity). */
  floor: number;
  /** Stop once the grouping at the threshold is read (no sensitivity counts below it): a first pass needs no more. */
  stopAtThreshold?: boolean;
  /** Pairs of final groups with linkage in [suggestFrom, threshold) are returned as merge suggestions. */
  suggestFrom: number;
  signal?: AbortSignal;
}

export interface LinkageResult {
  /** Group number (0..groups-1) of each item at the threshold. */
  labels: Int32Array;
  groups: number;
  /** Mean cosine of each item to the other items of its group (NaN for a group of one). */
  cohesion: Float32Array;
  /** Merges below the seeds, in order: height (linkage), and the two groups' sizes. */
  heights: Float64Array;
  mergedSizes: Int32Array;
  /** Groups after the must-link seeds, before any similarity merge. */
  seededGroups: number;
  /** Multi-item groups after the seeds. */
  seededMulti: number;
  suggestions: Array<{ a: number; b: number; similarity: number }>;
  refusedByConstraint: number;
}

export async function averageLinkage(input: LinkageInput): Promise<LinkageResult> {
  const { dims, embeddings, items } = input;
  const parent = Int32Array.from({ length: items }, (_, i) => i);
  const size = new Int32Array(items).fill(1);
  const version = new Int32Array(items);
  const sums: Array<Float32Array | undefined> = new Array(items);
  const tags: Array<Map<number, number> | undefined> = new Array(items);
  for (const [item, list] of input.tags) tags[item] = new Map(list.map(([k, v]) => [k, v]));

  const find = (i: number): number => {
    while (parent[i] !== i) {
      parent[i] = parent[parent[i]!]!;
      i = parent[i]!;
    }
    return i;
  };
  const sumOf = (root: number): Float32Array => sums[root] ?? embeddings.subarray(root * dims, root * dims + dims);
  const linkage = (a: number, b: number): number => {
    const x = sumOf(a), y = sumOf(b);
    let s = 0;
    for (let d = 0; d < dims; d++) s += x[d]! * y[d]!;
    return s / (size[a]! * size[b]!);
  };
  const conflicts = (a: number, b: number): boolean => {
    const ta = tags[a], tb = tags[b];
    if (!ta || !tb) return false;
    const [small, large] = ta.size <= tb.size ? [ta, tb] : [tb, ta];
    for (const [k, v] of small) {
      const w = large.get(k);
      if (w !== undefined && w !== v) return true;
    }
    return false;
  };
  const union = (a: number, b: number): number => {
    const [root, child] = size[a]! >= size[b]! ? [a, b] : [b, a];
    const sum = sums[root] ?? Float32Array.from(sumOf(root));
    const other = sumOf(child);
    for (let d = 0; d < dims; d++) sum[d]! += other[d]!;
    sums[root] = sum;
    sums[child] = undefined;
    parent[child] = root;
    size[root]! += size[child]!;
    version[root]!++;
    const tc = tags[child];
    if (tc) {
      const tr = tags[root] ?? new Map<number, number>();
      for (const [k, v] of tc) if (!tr.has(k)) tr.set(k, v);
      tags[root] = tr;
      tags[child] = undefined;
    }
    return root;
  };

  // Must-link groups first: they are one person by decision, whatever their faces look like.
  for (const group of input.mustLink) {
    let root = -1;
    for (let i = 0; i < group.length; i++) {
      const r = find(group[i]!);
      root = root < 0 ? r : r === root ? root : union(root, r);
    }
  }
  let seededGroups = 0, seededMulti = 0;
  for (let i = 0; i < items; i++) {
    if (find(i) !== i) continue;
    seededGroups++;
    if (size[i]! > 1) seededMulti++;
  }

  const heap = new MergeHeap();
  for (let e = 0; e < input.edgeCount; e++) {
    const a = find(input.edgeA[e]!), b = find(input.edgeB[e]!);
    if (a === b) continue;
    const l = linkage(a, b);
    if (l >= input.floor) heap.push(l, a, b, version[a]!, version[b]!);
  }

  const heights: number[] = [];
  const mergedSizes: number[] = [];
  const top = new Int32Array(4);
  let refused = 0;
  const recomputed = new Map<number, number>();
  let snapshot: Pick<LinkageResult, 'labels' | 'groups' | 'cohesion' | 'suggestions'> | undefined;
  let steps = 0;
  for (;;) {
    if (!snapshot && heap.peekKey() < input.threshold) {
      snapshot = takeSnapshot();
      if (input.stopAtThreshold) break;
    }
    if (heap.size === 0) break;
    if ((++steps & 0xffff) === 0) {
      // Let the process breathe: other calls (the People screen's, a cancel) are served between slices, and a
      // grouping of 124,200 faces (~17 s of merging) neither freezes the service nor ignores its cancel.
      await new Promise<void>((resolve) => setImmediate(resolve));
      if (input.signal?.aborted) throw input.signal.reason instanceof Error ? input.signal.reason : new Error('cancelled');
    }
    const key = heap.pop(top);
    const a = find(top[0]!), b = find(top[1]!);
    if (a === b) continue;
    if (a !== top[0] || b !== top[1] || version[a] !== top[2] || version[b] !== top[3]) {
      // Many stale entries stand for one pair of groups (every candidate pair between two large groups): the pair
      // is recomputed once per change of either group, the other entries are dropped.
      const [lo, hi] = a < b ? [a, b] : [b, a];
      const pair = lo * items + hi;
      const stamp = version[lo]! * 4_294_967_296 + version[hi]!;
      if (recomputed.get(pair) === stamp) continue;
      recomputed.set(pair, stamp);
      const l = linkage(a, b);
      if (l >= input.floor) heap.push(l, a, b, version[a]!, version[b]!);
      continue;
    }
    if (conflicts(a, b)) {
      refused++;
      continue;
    }
    heights.push(key);
    mergedSizes.push(size[a]!, size[b]!);
    union(a, b);
  }
  snapshot ??= takeSnapshot();
  return {
    ...snapshot,
    heights: Float64Array.from(heights),
    mergedSizes: Int32Array.from(mergedSizes),
    seededGroups,
    seededMulti,
    refusedByConstraint: refused,
  };

  function takeSnapshot(): Pick<LinkageResult, 'labels' | 'groups' | 'cohesion' | 'suggestions'> {
    const labels = new Int32Array(items);
    const groupOfRoot = new Map<number, number>();
    for (let i = 0; i < items; i++) {
      const r = find(i);
      let g = groupOfRoot.get(r);
      if (g === undefined) {
        g = groupOfRoot.size;
        groupOfRoot.set(r, g);
      }
      labels[i] = g;
    }
    const cohesion = new Float32Array(items);
    for (let i = 0; i < items; i++) {
      const r = find(i);
      if (size[r] === 1) {
        cohesion[i] = NaN;
        continue;
      }
      const s = sumOf(r);
      let d = 0;
      for (let x = 0; x < dims; x++) d += embeddings[i * dims + x]! * s[x]!;
      cohesion[i] = (d - 1) / (size[r]! - 1);
    }
    const seen = new Set<string>();
    const suggestions: Array<{ a: number; b: number; similarity: number }> = [];
    for (let e = 0; e < input.edgeCount; e++) {
      const ra = find(input.edgeA[e]!), rb = find(input.edgeB[e]!);
      if (ra === rb) continue;
      const ga = groupOfRoot.get(ra)!, gb = groupOfRoot.get(rb)!;
      const pair = ga < gb ? `${ga}:${gb}` : `${gb}:${ga}`;
      if (seen.has(pair)) continue;
      seen.add(pair);
      const l = linkage(ra, rb);
      if (l >= input.suggestFrom && l < input.threshold && !conflicts(ra, rb)) suggestions.push({ a: Math.min(ga, gb), b: Math.max(ga, gb), similarity: l });
    }
    suggestions.sort((x, y) => y.similarity - x.similarity);
    return { labels, groups: groupOfRoot.size, cohesion, suggestions };
  }
}

/**
 * Persons counted at each threshold from the merge heights: below the seeds, every merge at or above a threshold
 * removes one group there. Multi-face groups are counted by replaying the merges in order.
 */
export function countsAtThresholds(result: Pick<LinkageResult, 'heights' | 'mergedSizes' | 'seededGroups' | 'seededMulti'>, thresholds: readonly number[]): Array<{ threshold: number; groups: number; multi: number }> {
  const sorted = [...thresholds].sort((a, b) => b - a);
  const out: Array<{ threshold: number; groups: number; multi: number }> = [];
  let groups = result.seededGroups, multi = result.seededMulti, m = 0;
  for (const t of sorted) {
    while (m < result.heights.length && result.heights[m]! >= t) {
      const sa = result.mergedSizes[2 * m]!, sb = result.mergedSizes[2 * m + 1]!;
      groups--;
      multi += 1 - (sa > 1 ? 1 : 0) - (sb > 1 ? 1 : 0);
      m++;
    }
    out.push({ threshold: t, groups, multi });
  }
  return out.sort((a, b) => a.threshold - b.threshold);
}
