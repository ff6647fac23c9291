/**
 * Who comes when: the people of the sample and every capture they cause, before any file is written.
 *
 * Staff (a handful of people with many photos) are in the office on most open days and pass the cameras
 * several times a day; visitors come once, a few two or three times on different days, and each visit leaves
 * a short trail of captures seconds to minutes apart, entrance → hall → negotiation area. The capture budget
 * is split between the two and met exactly.
 */
import type { FaceIdentity } from './faces';
import { dayOfWeek, HOUR_MS, MINUTE_MS } from './localTime';
import { Random, WeightedSampler } from './prng';
import { cameraOnline, planCalendar, planCameras, type Camera, type Day, type Zone } from './site';

export type Role = 'staff' | 'visitor';

export interface Person {
  /** P0001...: staff first, then visitors in order of their first capture. */
  id: string;
  role: Role;
  identity: FaceIdentity;
}

export interface PlannedCapture {
  day: number;
  /** Whole milliseconds since local midnight. */
  msOfDay: number;
  camera: number;
  person: number;
  /** Photo path relative to the identity's set folder. */
  photo: string;
  /** One visit of a visitor, or one working day of a staff member. */
  visit: number;
  /** Taken in infrared (grey) mode: early or late in the day, or a camera in poor light. */
  infrared: boolean;
}

export interface Scenario {
  cameras: Camera[];
  days: Day[];
  people: Person[];
  /** In time order; camera + time (to the millisecond) is unique. */
  captures: PlannedCapture[];
}

export interface ScenarioInput {
  captures: number;
  days: number;
  seed: number;
  /** Identities to draw people from; staff are taken from those with the most photos. */
  identities: readonly FaceIdentity[];
}

interface Visit {
  person: number;
  day: number;
  size: number;
}

/** Enough photos to look like someone seen every day under varying conditions. */
const STAFF_MIN_PHOTOS = 15;
const VISIT_SIZES = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];
const VISIT_SIZE_WEIGHTS = [8, 20, 25, 20, 12, 8, 3, 2, 1, 1];
const VISIT_COUNTS = [1, 2, 3];
const VISIT_COUNT_WEIGHTS = [0.8, 0.15, 0.05];

export function planScenario(input: ScenarioInput): Scenario {
  const { captures: total, days, seed } = input;
  const cameras = planCameras(Random.derived(seed, 'cameras'), days);
  const calendar = planCalendar(Random.derived(seed, 'calendar'), days);
  const openDays = calendar.filter((d) => d.open);

  const cast = chooseStaff(Random.derived(seed, 'staff'), input.identities, total, openDays.length);
  const people: Person[] = cast.staff.map((identity) => ({ id: '', role: 'staff', identity }));

  const staffRng = Random.derived(seed, 'staff-days');
  const attendance = planAttendance(staffRng, cast.staff.length, openDays);
  const staffBudget = chooseStaffBudget(staffRng, total, attendance.length);
  const workDays = staffRng.shuffle(attendance).slice(0, staffBudget).sort((a, b) => a.day - b.day || a.person - b.person);
  const captures = staffCaptures(staffRng, workDays, staffBudget, calendar, cameras, people);

  const visitRng = Random.derived(seed, 'visits');
  const visits = planVisits(visitRng, total - staffBudget, cast.visitorPool, openDays, people);
  captures.push(...visitCaptures(visitRng, visits, cameras, people, workDays.length));

  return finalise(cameras, calendar, people, captures);
}

function chooseStaff(
  rng: Random,
  identities: readonly FaceIdentity[],
  total: number,
  openDays: number,
): { staff: FaceIdentity[]; visitorPool: FaceIdentity[] } {
  if (identities.length === 0) throw new Error('no labeled face identities to build the sample from');
  // Staff must show up most days; with a small budget, fewer staff keep that true.
  const affordable = Math.floor((total * 0.5) / Math.max(1, openDays * 0.85));
  const count = Math.max(0, Math.min(rng.int(4, 8), affordable, identities.length - 1));
  const byPhotos = [...identities].sort((a, b) => b.photos.length - a.photos.length);
  const rich = byPhotos.filter((i) => i.photos.length >= STAFF_MIN_PHOTOS);
  const staff = rich.length >= count ? rng.shuffle(rich).slice(0, count) : byPhotos.slice(0, count);
  const taken = new Set(staff);
  return { staff, visitorPool: rng.shuffle(identities.filter((i) => !taken.has(i))) };
}

/** Each staff member has a weekday off (usually kept: weekends are the busy days) and is rarely absent otherwise. */
function planAttendance(rng: Random, staffCount: number, openDays: readonly Day[]): Array<{ person: number; day: number }> {
  const out: Array<{ person: number; day: number }> = [];
  for (let person = 0; person < staffCount; person++) {
    const dayOff = rng.int(1, 5);
    for (const day of openDays) {
      const present = dayOfWeek(day.date) === dayOff ? rng.chance(0.2) : rng.chance(0.93);
      if (present) out.push({ person, day: day.index });
    }
  }
  return out;
}

/** About 40% of captures are staff, at least one per staff working day, leaving visitors a quarter or more. */
function chooseStaffBudget(rng: Random, total: number, staffDays: number): number {
  if (staffDays === 0) return 0;
  const target = Math.round(total * rng.float(0.36, 0.46));
  const ceiling = total - Math.max(1, Math.ceil(total * 0.25));
  return Math.max(0, Math.min(ceiling, Math.max(target, staffDays)));
}

function staffCaptures(
  rng: Random,
  workDays: ReadonlyArray<{ person: number; day: number }>,
  budget: number,
  calendar: readonly Day[],
  cameras: readonly Camera[],
  people: readonly Person[],
): PlannedCapture[] {
  if (workDays.length === 0) return [];
  // Every working day gets one capture; the rest goes to busier people on busier days.
  const counts = workDays.map(() => 1);
  const busyness = people.map(() => rng.float(0.6, 1.5));
  const sampler = new WeightedSampler(
    workDays.map((w) => Math.sqrt(calendar[w.day]?.weight ?? 1) * (busyness[w.person] ?? 1) * rng.float(0.5, 1.5)),
  );
  for (let extra = budget - workDays.length; extra > 0; extra--) {
    const i = sampler.draw(rng);
    counts[i] = (counts[i] ?? 0) + 1;
  }

  const out: PlannedCapture[] = [];
  workDays.forEach((work, visit) => {
    const photos = people[work.person]?.identity.photos ?? [];
    const dayPhoto = rng.pick(photos);
    const arrive = 8.5 * HOUR_MS + rng.float(0, 35 * MINUTE_MS);
    const leave = 17.8 * HOUR_MS + rng.float(0, 45 * MINUTE_MS);
    for (let n = 0; n < (counts[visit] ?? 0); n++) {
      const msOfDay = Math.floor(rng.float(arrive, leave));
      const zone = (['大厅', '洽谈区', '入口'] as const)[rng.weightedIndex([0.55, 0.35, 0.1])] ?? '大厅';
      out.push({
        day: work.day,
        msOfDay,
        camera: pickCamera(rng, cameras, work.day, zone),
        person: work.person,
        photo: rng.chance(0.6) ? dayPhoto : rng.pick(photos),
        visit,
        infrared: isInfrared(rng, msOfDay),
      });
    }
  });
  return out;
}

/**
 * Visitors and their visits until the visitor budget is spent exactly (the last visit is cut short). When
 * identities run out, further visits go to people already seen, as repeat visits.
 */
function planVisits(
  rng: Random,
  budget: number,
  pool: readonly FaceIdentity[],
  openDays: readonly Day[],
  people: Person[],
): Visit[] {
  const visits: Visit[] = [];
  if (budget <= 0 || openDays.length === 0) return visits;
  const daySampler = new WeightedSampler(openDays.map((d) => d.weight));
  const visitorIndexes: number[] = [];
  let remaining = budget;

  for (const identity of pool) {
    if (remaining <= 0) break;
    const person = people.push({ id: '', role: 'visitor', identity }) - 1;
    visitorIndexes.push(person);
    const count = VISIT_COUNTS[rng.weightedIndex(VISIT_COUNT_WEIGHTS)] ?? 1;
    for (const day of visitDays(rng, count, openDays, daySampler)) {
      if (remaining <= 0) break;
      const size = Math.min(remaining, drawVisitSize(rng));
      visits.push({ person, day, size });
      remaining -= size;
    }
  }

  if (remaining > 0 && visitorIndexes.length === 0) throw new Error('not enough labeled identities for visitors');
  while (remaining > 0) {
    const size = Math.min(remaining, drawVisitSize(rng));
    addRepeatVisit(rng, rng.pick(visitorIndexes), size, visits, openDays);
    remaining -= size;
  }
  return visits;
}

function drawVisitSize(rng: Random): number {
  return VISIT_SIZES[rng.weightedIndex(VISIT_SIZE_WEIGHTS)] ?? 3;
}

/** The first visit on a busy-weighted day, returns one to two weeks apart (or earlier if the period ends). */
function visitDays(rng: Random, count: number, openDays: readonly Day[], sampler: WeightedSampler): number[] {
  const first = openDays[sampler.draw(rng)]?.index ?? 0;
  const chosen = [first];
  let last = first;
  for (let k = 1; k < count; k++) {
    const target = last + rng.int(1, 14);
    const later = openDays.find((d) => d.index >= target && !chosen.includes(d.index));
    const unused = openDays.filter((d) => !chosen.includes(d.index));
    const next = later ?? (unused.length > 0 ? rng.pick(unused) : undefined);
    if (!next) break;
    chosen.push(next.index);
    last = next.index;
  }
  return chosen.sort((a, b) => a - b);
}

function addRepeatVisit(rng: Random, person: number, size: number, visits: Visit[], openDays: readonly Day[]): void {
  const own = visits.filter((v) => v.person === person);
  const used = new Set(own.map((v) => v.day));
  const free = openDays.filter((d) => !used.has(d.index));
  if (free.length > 0) {
    visits.push({ person, day: rng.pick(free).index, size });
    return;
  }
  // Seen on every open day already: the visit just lasts longer.
  const longer = rng.pick(own);
  longer.size += size;
}

function visitCaptures(
  rng: Random,
  visits: readonly Visit[],
  cameras: readonly Camera[],
  people: readonly Person[],
  firstVisitIndex: number,
): PlannedCapture[] {
  const out: PlannedCapture[] = [];
  visits.forEach((visit, i) => {
    const photos = people[visit.person]?.identity.photos ?? [];
    const visitPhoto = rng.pick(photos);
    const zones = visitZones(rng, visit.size);
    const hallCameras = [pickCamera(rng, cameras, visit.day, '大厅'), pickCamera(rng, cameras, visit.day, '大厅')];
    const tableCamera = pickCamera(rng, cameras, visit.day, '洽谈区');
    let msOfDay = visitStart(rng);
    zones.forEach((zone, step) => {
      if (step > 0) msOfDay = Math.min(19.5 * HOUR_MS, msOfDay + stepGap(rng, zones[step - 1] ?? zone, zone));
      const camera =
        zone === '入口' ? pickCamera(rng, cameras, visit.day, '入口') : zone === '洽谈区' ? tableCamera : rng.pick(hallCameras);
      out.push({
        day: visit.day,
        msOfDay: Math.floor(msOfDay),
        camera,
        person: visit.person,
        photo: rng.chance(0.85) ? visitPhoto : rng.pick(photos),
        visit: firstVisitIndex + i,
        infrared: isInfrared(rng, msOfDay),
      });
    });
  });
  return out;
}

/** The route through the office: usually caught at the door, then the hall, the longer visits end at a table. */
function visitZones(rng: Random, size: number): Zone[] {
  const entrance = size === 1 ? rng.chance(0.5) : rng.chance(0.85);
  const table = size >= 3 && rng.chance(0.6) ? Math.max(1, Math.round(size * rng.float(0.25, 0.5))) : 0;
  const hall = size - (entrance ? 1 : 0) - table;
  return [...(entrance ? (['入口'] as Zone[]) : []), ...Array<Zone>(hall).fill('大厅'), ...Array<Zone>(table).fill('洽谈区')];
}

/** Arrivals peak late morning and mid-afternoon, within opening hours. */
function visitStart(rng: Random): number {
  const t = rng.chance(0.55) ? rng.normal(10.75 * HOUR_MS, 0.9 * HOUR_MS) : rng.normal(15 * HOUR_MS, 1.1 * HOUR_MS);
  return Math.min(17.67 * HOUR_MS, Math.max(9 * HOUR_MS, t));
}

function stepGap(rng: Random, from: Zone, to: Zone): number {
  const s = 1000;
  if (from === '入口' && to === '大厅') return rng.float(5 * s, 60 * s);
  if (from === '大厅' && to === '大厅') return rng.float(5 * s, 180 * s);
  if (to === '洽谈区' && from !== '洽谈区') return rng.float(1 * MINUTE_MS, 8 * MINUTE_MS);
  if (from === '洽谈区' && to === '洽谈区') return rng.float(1 * MINUTE_MS, 25 * MINUTE_MS);
  return rng.float(10 * s, 120 * s);
}

/** Cameras switch to infrared in dim light: mostly before 9:00 and after 18:00, now and then in the day. */
function isInfrared(rng: Random, msOfDay: number): boolean {
  const dim = msOfDay < 9 * HOUR_MS || msOfDay >= 18 * HOUR_MS;
  return rng.chance(dim ? 0.7 : 0.04);
}

/** A camera of the zone that works that day, by traffic weight; another zone's camera if none works. */
function pickCamera(rng: Random, cameras: readonly Camera[], day: number, zone: Zone): number {
  const online = cameras.map((c, i) => ({ c, i })).filter(({ c }) => cameraOnline(c, day));
  const inZone = online.filter(({ c }) => c.zone === zone);
  const candidates = inZone.length > 0 ? inZone : online.filter(({ c }) => c.zone === '大厅');
  const pool = candidates.length > 0 ? candidates : online;
  return rng.weightedPick(pool, ({ c }) => c.weight).i;
}

/** Time order, unique camera + millisecond (a collision moves the later capture on by 1 ms), person ids. */
function finalise(cameras: Camera[], days: Day[], people: Person[], captures: PlannedCapture[]): Scenario {
  const byTime = (a: PlannedCapture, b: PlannedCapture): number =>
    a.day - b.day || a.msOfDay - b.msOfDay || a.camera - b.camera || a.person - b.person || a.visit - b.visit;
  captures.sort(byTime);
  const taken = new Set<string>();
  for (const capture of captures) {
    while (taken.has(`${capture.camera}|${capture.day}|${capture.msOfDay}`)) capture.msOfDay += 1;
    taken.add(`${capture.camera}|${capture.day}|${capture.msOfDay}`);
  }
  captures.sort(byTime);
  return { cameras, days, people: numberPeople(people, captures), captures };
}

/** Staff keep their order; visitors are numbered by first appearance, as an analyst would list them. */
function numberPeople(people: Person[], captures: PlannedCapture[]): Person[] {
  const captured = new Set(captures.map((c) => c.person));
  const order: number[] = people.map((p, i) => (p.role === 'staff' && captured.has(i) ? i : -1)).filter((i) => i >= 0);
  const seen = new Set(order);
  for (const capture of captures) {
    if (!seen.has(capture.person)) {
      seen.add(capture.person);
      order.push(capture.person);
    }
  }
  // Staff never captured (a tiny budget) drop out; indexes in captures are remapped.
  const newIndex = new Map<number, number>();
  order.forEach((oldIndex, i) => newIndex.set(oldIndex, i));
  for (const capture of captures) capture.person = newIndex.get(capture.person) ?? capture.person;
  return order.map((oldIndex, i) => ({ ...(people[oldIndex] as Person), id: `P${String(i + 1).padStart(4, '0')}` }));
}
