/**
 * The capture platform's own person ids (人员编号) and similarity scores (相似度): a claim, not the truth.
 *
 * A real platform clusters faces imperfectly, and the workstation exists partly to check its counts, so the
 * sample reproduces its typical errors:
 * - split: a returning visitor is not recognised and gets a new id (a "first visit" that is a repeat);
 *   staff collect a few alternate ids (glasses, infrared, odd angles);
 * - stray: a single poor capture gets an id of its own;
 * - merge: a new visitor is matched to someone else's id (a look-alike just above the threshold);
 * - unassigned: a capture too poor to cluster has no id at all (empty cell).
 * The score is the similarity to the best-matching known face: at or above 0.75 when matched, below when a
 * new id was opened or nothing was assigned.
 */
import { Random } from './prng';
import type { PlannedCapture, Person } from './scenario';

export interface PlatformClaim {
  /** Empty when the platform assigned no id. */
  personId: string;
  similarity: number;
}

export interface PlatformSummary {
  /** Distinct non-empty ids: what the platform would report as its number of people. */
  personIds: number;
  unassigned: number;
  /** Real people seen under more than one id. */
  splitPersons: number;
  /** Ids that cover more than one real person. */
  mergedIds: number;
}

const THRESHOLD = 0.75;

interface Track {
  main?: string;
  alternates: string[];
  lastDay: number;
}

export function assignPlatformIds(seed: number, people: readonly Person[], captures: readonly PlannedCapture[]): PlatformClaim[] {
  const rng = Random.derived(seed, 'platform');
  // Ids are issued platform-wide across many offices, so consecutive ids here have gaps.
  let nextId = rng.int(30_000_000, 39_000_000);
  const newId = (): string => String((nextId += rng.int(1, 7)));
  const tracks = people.map((): Track => ({ alternates: [], lastDay: -1 }));
  const recentVisitorIds: string[] = [];

  return captures.map((capture) => {
    const track = tracks[capture.person] as Track;
    const staff = people[capture.person]?.role === 'staff';
    const newVisit = capture.day !== track.lastDay;
    track.lastDay = capture.day;
    const score = (min: number, max: number): number => round2(rng.float(min, max));

    if (rng.chance(capture.infrared ? 0.06 : 0.012)) return { personId: '', similarity: score(0.3, 0.62) };

    if (track.main === undefined) {
      if (!staff && recentVisitorIds.length > 0 && rng.chance(0.025)) {
        track.main = rng.pick(recentVisitorIds.slice(-50));
        return { personId: track.main, similarity: score(THRESHOLD, 0.82) };
      }
      track.main = newId();
      if (!staff) recentVisitorIds.push(track.main);
      return { personId: track.main, similarity: score(0.42, THRESHOLD - 0.01) };
    }

    if (!staff && newVisit && rng.chance(0.3)) {
      track.main = newId();
      recentVisitorIds.push(track.main);
      return { personId: track.main, similarity: score(0.5, THRESHOLD - 0.01) };
    }

    if (rng.chance((staff ? 0.05 : 0.03) + (capture.infrared ? 0.15 : 0))) return strayClaim(rng, track, staff, newId, score);

    const infraredPenalty = capture.infrared ? 0.05 : 0;
    return { personId: track.main, similarity: Math.max(THRESHOLD, round2(rng.float(0.78, 0.98) - infraredPenalty)) };
  });
}

/** Staff reuse a few alternate ids (the platform keeps re-matching the same odd look); visitors get a one-off. */
function strayClaim(
  rng: Random,
  track: Track,
  staff: boolean,
  newId: () => string,
  score: (min: number, max: number) => number,
): PlatformClaim {
  if (staff && track.alternates.length > 0 && (track.alternates.length >= 3 || rng.chance(0.6))) {
    return { personId: rng.pick(track.alternates), similarity: score(THRESHOLD, 0.86) };
  }
  const id = newId();
  if (staff) track.alternates.push(id);
  return { personId: id, similarity: score(0.45, THRESHOLD - 0.01) };
}

export function summarisePlatform(captures: readonly PlannedCapture[], claims: readonly PlatformClaim[]): PlatformSummary {
  const idsByPerson = new Map<number, Set<string>>();
  const peopleById = new Map<string, Set<number>>();
  let unassigned = 0;
  captures.forEach((capture, i) => {
    const id = claims[i]?.personId ?? '';
    if (id === '') {
      unassigned++;
      return;
    }
    const ids = idsByPerson.get(capture.person) ?? new Set<string>();
    ids.add(id);
    idsByPerson.set(capture.person, ids);
    const persons = peopleById.get(id) ?? new Set<number>();
    persons.add(capture.person);
    peopleById.set(id, persons);
  });
  return {
    personIds: peopleById.size,
    unassigned,
    splitPersons: [...idsByPerson.values()].filter((ids) => ids.size > 1).length,
    mergedIds: [...peopleById.values()].filter((persons) => persons.size > 1).length,
  };
}

function round2(value: number): number {
  return Math.round(value * 100) / 100;
}
