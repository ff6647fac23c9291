/**
 * The sales office: its cameras and its calendar.
 *
 * Modelled on the Yuzhou case (DOMAIN.md §1): 9 cameras, 1 at the entrance, 6 in the hall, 2 in the
 * negotiation area, capturing from 2021-04-18. Cameras are not equally busy, one goes offline for a stretch
 * and one stops before the end (in Yuzhou only 7 of 9 were capturing at inspection), and the office is
 * occasionally closed.
 */
import { addDays, dayOfWeek } from './localTime';
import { Random } from './prng';

export type Zone = '入口' | '大厅' | '洽谈区';

export const START_DATE = '2021-04-18';

export interface DayRange {
  /** Day indexes, both included. */
  from: number;
  to: number;
}

export interface Camera {
  id: string;
  name: string;
  zone: Zone;
  /** Relative traffic the camera sees within its zone (placement, angle, lighting). */
  weight: number;
  offline: DayRange[];
}

export interface Day {
  index: number;
  date: string;
  open: boolean;
  /** Relative visitor traffic: weekends and the May Day holiday are the busy days of a sales office. */
  weight: number;
}

const LAYOUT: ReadonlyArray<{ name: string; zone: Zone }> = [
  { name: '入口1', zone: '入口' },
  { name: '大厅1', zone: '大厅' },
  { name: '大厅2', zone: '大厅' },
  { name: '大厅3', zone: '大厅' },
  { name: '大厅4', zone: '大厅' },
  { name: '大厅5', zone: '大厅' },
  { name: '大厅6', zone: '大厅' },
  { name: '洽谈区1', zone: '洽谈区' },
  { name: '洽谈区2', zone: '洽谈区' },
];

const HALL_WEIGHTS = [1, 0.85, 0.7, 0.5, 0.3, 0.12];
const NEGOTIATION_WEIGHTS = [1, 0.45];

export function planCameras(rng: Random, days: number): Camera[] {
  const hall = rng.shuffle(HALL_WEIGHTS);
  const negotiation = rng.shuffle(NEGOTIATION_WEIGHTS);
  const cameras: Camera[] = LAYOUT.map((slot, i) => ({
    id: `CAM${String(i + 1).padStart(2, '0')}`,
    name: slot.name,
    zone: slot.zone,
    weight: slot.zone === '入口' ? 1 : slot.zone === '大厅' ? (hall.shift() ?? 1) : (negotiation.shift() ?? 1),
    offline: [],
  }));
  planOutages(rng, cameras, days);
  return cameras;
}

/**
 * One hall camera is offline for a stretch mid-period, and another hall or negotiation camera stops for the
 * last tenth of the period. The entrance camera never fails: it is the only one in its zone, and a
 * negotiation camera only fails while its twin runs, so every zone keeps a working camera every day.
 */
function planOutages(rng: Random, cameras: Camera[], days: number): void {
  if (days < 10) return;
  const hall = cameras.filter((c) => c.zone === '大厅');
  const flaky = rng.pick(hall);
  const length = Math.max(1, Math.round(days * rng.float(0.1, 0.22)));
  const from = rng.int(Math.floor(days * 0.25), Math.max(Math.floor(days * 0.25), Math.floor(days * 0.75) - length));
  flaky.offline.push({ from, to: Math.min(days - 1, from + length - 1) });

  const candidates = cameras.filter((c) => c !== flaky && c.zone !== '入口');
  const stopped = rng.pick(candidates);
  const stopFrom = Math.max(1, days - Math.max(1, Math.round(days * 0.1)));
  stopped.offline.push({ from: stopFrom, to: days - 1 });
}

export function cameraOnline(camera: Camera, day: number): boolean {
  return !camera.offline.some((range) => day >= range.from && day <= range.to);
}

export function planCalendar(rng: Random, days: number): Day[] {
  const calendar: Day[] = [];
  for (let index = 0; index < days; index++) {
    const date = addDays(START_DATE, index);
    const weekday = dayOfWeek(date);
    const weekend = weekday === 0 || weekday === 6;
    const mayDay = /-05-0[1-5]$/u.test(date);
    // First and last days stay open so the period is what the caller asked for.
    const open = index === 0 || index === days - 1 || !rng.chance(0.06);
    const weight = (weekend ? 1.7 : 1) * (mayDay ? 1.6 : 1) * rng.float(0.7, 1.3);
    calendar.push({ index, date, open, weight });
  }
  return calendar;
}
