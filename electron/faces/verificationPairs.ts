/**
 * The pairs of a verification test: every same-identity pair of a labelled set, and as many different-identity
 * pairs drawn at random with a fixed seed (so two runs, and two engines, score the very same pairs).
 */
import { mulberry32 } from '../sample/prng';

export interface LabelledItem {
  identity: string;
}

export interface Pairs {
  genuine: Array<[number, number]>;
  impostor: Array<[number, number]>;
}

export function verificationPairs(items: readonly LabelledItem[], seed = 20240601): Pairs {
  const byIdentity = new Map<string, number[]>();
  items.forEach((item, i) => {
    const list = byIdentity.get(item.identity) ?? [];
    list.push(i);
    byIdentity.set(item.identity, list);
  });
  const genuine: Array<[number, number]> = [];
  for (const list of byIdentity.values()) {
    for (let a = 0; a < list.length; a++) for (let b = a + 1; b < list.length; b++) genuine.push([list[a]!, list[b]!]);
  }
  const random = mulberry32(seed);
  const impostor: Array<[number, number]> = [];
  const seen = new Set<string>();
  const maxDistinct = items.length * (items.length - 1) / 2 - genuine.length;
  while (impostor.length < Math.min(genuine.length, maxDistinct)) {
    const a = Math.floor(random() * items.length), b = Math.floor(random() * items.length);
    if (a === b || items[a]!.identity === items[b]!.identity) continue;
    const key = a < b ? `${a},${b}` : `${b},${a}`;
    if (seen.has(key)) continue;
    seen.add(key);
    impostor.push(a < b ? [a, b] : [b, a]);
  }
  return { genuine, impostor };
}
