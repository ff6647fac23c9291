/**
 * How a clustering compares with the truth, in the measures the issue asks for: pairwise precision, recall and F1
 * (over all pairs of items: a pair put together is a claim "same person"), BCubed F (per item, so large
 * identities do not dominate), and the numbers of people.
 */
export interface ClusterMetrics {
  items: number;
  pairwise: { precision: number; recall: number; f1: number; truePairs: number; foundPairs: number; correctPairs: number };
  bcubed: { precision: number; recall: number; f: number };
  people: { truth: number; found: number; truthWithTwo: number; foundWithTwo: number };
}

const pairs = (n: number) => (n * (n - 1)) / 2;

/** `predicted[i]` < 0 means item i is unassigned: it counts as a person of its own. */
export function clusterMetrics(truth: readonly string[], predicted: ArrayLike<number>): ClusterMetrics {
  const n = truth.length;
  const predictedKey = (i: number) => (predicted[i]! >= 0 ? `p${predicted[i]}` : `u${i}`);
  const bySize = <K>(keys: K[]) => {
    const m = new Map<K, number>();
    for (const k of keys) m.set(k, (m.get(k) ?? 0) + 1);
    return m;
  };
  const truthSizes = bySize([...truth]);
  const predictedKeys = Array.from({ length: n }, (_, i) => predictedKey(i));
  const predictedSizes = bySize(predictedKeys);
  const cellSizes = bySize(predictedKeys.map((p, i) => `${p}\u0000${truth[i]}`));

  let truePairs = 0, foundPairs = 0, correctPairs = 0;
  for (const s of truthSizes.values()) truePairs += pairs(s);
  for (const s of predictedSizes.values()) foundPairs += pairs(s);
  for (const s of cellSizes.values()) correctPairs += pairs(s);

  let bp = 0, br = 0;
  for (let i = 0; i < n; i++) {
    const cell = cellSizes.get(`${predictedKeys[i]}\u0000${truth[i]}`)!;
    bp += cell / predictedSizes.get(predictedKeys[i]!)!;
    br += cell / truthSizes.get(truth[i]!)!;
  }
  const precision = foundPairs === 0 ? 1 : correctPairs / foundPairs;
  const recall = truePairs === 0 ? 1 : correctPairs / truePairs;
  const bPrecision = n === 0 ? 1 : bp / n;
  const bRecall = n === 0 ? 1 : br / n;
  return {
    items: n,
    pairwise: { precision, recall, f1: harmonic(precision, recall), truePairs, foundPairs, correctPairs },
    bcubed: { precision: bPrecision, recall: bRecall, f: harmonic(bPrecision, bRecall) },
    people: {
      truth: truthSizes.size,
      found: predictedSizes.size,
      truthWithTwo: [...truthSizes.values()].filter((s) => s >= 2).length,
      foundWithTwo: [...predictedSizes.values()].filter((s) => s >= 2).length,
    },
  };
}

function harmonic(a: number, b: number): number {
  return a + b === 0 ? 0 : (2 * a * b) / (a + b);
}
