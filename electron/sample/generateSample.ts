/**
 * A realistic synthetic seized archive, with the truth behind it.
 *
 * Writes `<outDir>/archive/` as a sales office's capture platform would export it (record sheet + face
 * crops, see writeArchive.ts) and `<outDir>/truth.json`: who every capture really is, per-day and per-camera
 * counts, and the platform's (imperfect) person ids, so the workstation's findings can be checked against
 * known answers. Deterministic for a given seed and face collection.
 */
import fs from 'node:fs';
import path from 'node:path';
import { loadLabeledFaces, PREFERRED_SET, type FaceSet, type FaceStyle } from './faces';
import { compactDate, clock, isoRecord, sheetTime, TIMEZONE } from './localTime';
import { assignPlatformIds, summarisePlatform, type PlatformClaim, type PlatformSummary } from './platformIds';
import { deriveSeed } from './prng';
import { CaptureRenderer } from './render';
import { planScenario, type PlannedCapture, type Role, type Scenario } from './scenario';
import { START_DATE, type Zone } from './site';
import { encodeSheet, IMAGE_DIR, SHEET_NAME, writeImages, type ImageTask, type SheetEncoding } from './writeArchive';

export { defaultFacesDir, findRepoRoot, loadLabeledFaces } from './faces';
export type { FaceIdentity, FaceSet, FaceStyle } from './faces';
export { SHEET_HEADER, SHEET_NAME, IMAGE_DIR } from './writeArchive';

export interface SampleOptions {
  outDir: string;
  /** Number of capture records (and images); default 2000. */
  captures?: number;
  /** Default 1. */
  seed?: number;
  /** Folder of labeled face sets (see faces.ts); the CLI passes defaultFacesDir(findRepoRoot()). */
  facesDir: string;
  /** Length of the period from 2021-04-18; default 60. */
  days?: number;
  /** Default 'gbk'. */
  sheetEncoding?: SheetEncoding;
  /** Concurrent sharp jobs; default 4. */
  concurrency?: number;
  onProgress?: (done: number, total: number) => void;
}

export interface SampleTruth {
  generator: {
    seed: number;
    captures: number;
    days: number;
    start: string;
    /** Never the absolute path: the truth must not depend on where the faces are installed. */
    facesDir: 'shared/faces';
    faceSets: string[];
    sheetEncoding: SheetEncoding;
  };
  timezone: typeof TIMEZONE;
  /** Paths relative to archive/. */
  sheet: string;
  imageDir: string;
  captures: number;
  cameras: Array<{
    id: string;
    name: string;
    zone: Zone;
    captures: number;
    /** Local dates (both included) on which the camera captured nothing because it was off. */
    offline: Array<{ from: string; to: string }>;
  }>;
  period: { first: string; last: string };
  daysActive: number;
  perDay: Array<{ date: string; captures: number; persons: number; visitors: number }>;
  persons: number;
  staff: number;
  visitors: number;
  people: Array<{ id: string; role: Role; source: string; captures: number; days: number; platformIds: string[] }>;
  /** What the platform's own ids would claim, against the truth. */
  platform: PlatformSummary;
  records: Array<{
    row: number;
    image: string;
    time: string;
    camera: string;
    person: string;
    /** Empty when the platform assigned no id. */
    platformPersonId: string;
    similarity: number;
    sha256: string;
  }>;
}

export async function generateSample(opts: SampleOptions): Promise<SampleTruth> {
  const captures = opts.captures ?? 2000;
  const seed = opts.seed ?? 1;
  const days = opts.days ?? 60;
  const sheetEncoding = opts.sheetEncoding ?? 'gbk';
  checkOptions(captures, seed, days);

  const faceSets = pickFaceSets(opts.facesDir);
  const scenario = planScenario({ captures, days, seed, identities: faceSets.flatMap((s) => s.identities) });
  const claims = assignPlatformIds(seed, scenario.people, scenario.captures);
  const images = scenario.captures.map((c) => imagePath(scenario, c));

  const archiveDir = prepareOutDir(opts.outDir);
  const tasks = imageTasks(scenario, images, faceSets, seed);
  const hashes = await writeImages(archiveDir, tasks, new CaptureRenderer(), {
    concurrency: opts.concurrency ?? 4,
    onProgress: opts.onProgress,
  });
  fs.writeFileSync(path.join(archiveDir, SHEET_NAME), encodeSheet(sheetRows(scenario, images, claims), sheetEncoding));

  const truth = buildTruth(scenario, images, claims, hashes, {
    seed,
    captures,
    days,
    start: START_DATE,
    facesDir: 'shared/faces',
    faceSets: faceSets.map((s) => s.name),
    sheetEncoding,
  });
  fs.writeFileSync(path.join(opts.outDir, 'truth.json'), JSON.stringify(truth, null, 2) + '\n');
  return truth;
}

function checkOptions(captures: number, seed: number, days: number): void {
  if (!Number.isInteger(captures) || captures < 1) throw new Error(`captures must be a positive integer, got ${captures}`);
  if (!Number.isInteger(days) || days < 1) throw new Error(`days must be a positive integer, got ${days}`);
  if (!Number.isInteger(seed)) throw new Error(`seed must be an integer, got ${seed}`);
}

/** LFW alone when present (uniform framing, thousands of people); otherwise whatever sets there are. */
function pickFaceSets(facesDir: string): FaceSet[] {
  const sets = loadLabeledFaces(facesDir).filter((s) => s.identities.length > 0);
  const preferred = sets.find((s) => s.name === PREFERRED_SET);
  const chosen = preferred ? [preferred] : sets;
  if (chosen.length === 0) throw new Error(`no labeled face photos found under ${facesDir} (expected <set>/labels.csv)`);
  return chosen;
}

/**
 * Output goes into `archive/` and `truth.json`. A previous sample there (it has a truth.json) is replaced;
 * anything else in a non-empty archive/ is left alone and refused, since this is someone's data.
 */
function prepareOutDir(outDir: string): string {
  const archiveDir = path.join(outDir, 'archive');
  const truthFile = path.join(outDir, 'truth.json');
  if (fs.existsSync(archiveDir) && fs.readdirSync(archiveDir).length > 0) {
    if (!fs.existsSync(truthFile)) throw new Error(`${archiveDir} exists and is not a previous sample; choose an empty folder`);
    fs.rmSync(archiveDir, { recursive: true, force: true });
  }
  fs.rmSync(truthFile, { force: true });
  fs.mkdirSync(archiveDir, { recursive: true });
  return archiveDir;
}

/** `抓拍图片/20210418/CAM01_20210418_093015_123.jpg` */
function imagePath(scenario: Scenario, capture: PlannedCapture): string {
  const date = compactDate(dateOf(scenario, capture));
  const t = clock(capture.msOfDay);
  const camera = scenario.cameras[capture.camera]?.id ?? 'CAM00';
  return `${IMAGE_DIR}/${date}/${camera}_${date}_${t.hh}${t.mm}${t.ss}_${t.ms}.jpg`;
}

function dateOf(scenario: Scenario, capture: PlannedCapture): string {
  return scenario.days[capture.day]?.date ?? START_DATE;
}

function imageTasks(scenario: Scenario, images: readonly string[], faceSets: readonly FaceSet[], seed: number): ImageTask[] {
  const sets = new Map(faceSets.map((s) => [s.name, s]));
  return scenario.captures.map((capture, i) => {
    const identity = scenario.people[capture.person]?.identity;
    const set = identity ? sets.get(identity.set) : undefined;
    if (!identity || !set) throw new Error(`capture ${i + 1} has no source photo`);
    const style: FaceStyle = set.style;
    return {
      image: images[i] ?? '',
      job: { file: path.join(set.dir, capture.photo), style, seed: deriveSeed(seed, 'image', i), infrared: capture.infrared },
    };
  });
}

function sheetRows(scenario: Scenario, images: readonly string[], claims: readonly PlatformClaim[]): string[][] {
  return scenario.captures.map((capture, i) => {
    const camera = scenario.cameras[capture.camera];
    const claim = claims[i];
    return [
      String(i + 1),
      sheetTime(dateOf(scenario, capture), capture.msOfDay),
      camera?.id ?? '',
      camera?.name ?? '',
      camera?.zone ?? '',
      images[i] ?? '',
      claim?.personId ?? '',
      claim ? claim.similarity.toFixed(2) : '',
    ];
  });
}

function buildTruth(
  scenario: Scenario,
  images: readonly string[],
  claims: readonly PlatformClaim[],
  hashes: readonly string[],
  generator: SampleTruth['generator'],
): SampleTruth {
  const { captures, cameras, people } = scenario;
  const records = captures.map((capture, i) => ({
    row: i + 1,
    image: images[i] ?? '',
    time: isoRecord(dateOf(scenario, capture), capture.msOfDay),
    camera: cameras[capture.camera]?.id ?? '',
    person: people[capture.person]?.id ?? '',
    platformPersonId: claims[i]?.personId ?? '',
    similarity: claims[i]?.similarity ?? 0,
    sha256: hashes[i] ?? '',
  }));
  const perDay = perDayCounts(scenario);
  const staff = people.filter((p) => p.role === 'staff').length;
  return {
    generator,
    timezone: TIMEZONE,
    sheet: SHEET_NAME,
    imageDir: IMAGE_DIR,
    captures: captures.length,
    cameras: cameras.map((camera, index) => ({
      id: camera.id,
      name: camera.name,
      zone: camera.zone,
      captures: captures.filter((c) => c.camera === index).length,
      offline: camera.offline.map((r) => ({ from: scenario.days[r.from]?.date ?? '', to: scenario.days[r.to]?.date ?? '' })),
    })),
    period: { first: records[0]?.time ?? '', last: records[records.length - 1]?.time ?? '' },
    daysActive: perDay.length,
    perDay,
    persons: people.length,
    staff,
    visitors: people.length - staff,
    people: peopleSummary(scenario, claims),
    platform: summarisePlatform(captures, claims),
    records,
  };
}

function perDayCounts(scenario: Scenario): SampleTruth['perDay'] {
  const byDay = new Map<number, { captures: number; persons: Set<number>; visitors: Set<number> }>();
  for (const capture of scenario.captures) {
    const entry = byDay.get(capture.day) ?? { captures: 0, persons: new Set<number>(), visitors: new Set<number>() };
    entry.captures++;
    entry.persons.add(capture.person);
    if (scenario.people[capture.person]?.role === 'visitor') entry.visitors.add(capture.person);
    byDay.set(capture.day, entry);
  }
  return [...byDay.entries()]
    .sort(([a], [b]) => a - b)
    .map(([day, e]) => ({ date: scenario.days[day]?.date ?? '', captures: e.captures, persons: e.persons.size, visitors: e.visitors.size }));
}

function peopleSummary(scenario: Scenario, claims: readonly PlatformClaim[]): SampleTruth['people'] {
  const stats = scenario.people.map(() => ({ captures: 0, days: new Set<number>(), ids: new Set<string>() }));
  scenario.captures.forEach((capture, i) => {
    const s = stats[capture.person];
    if (!s) return;
    s.captures++;
    s.days.add(capture.day);
    const id = claims[i]?.personId;
    if (id) s.ids.add(id);
  });
  return scenario.people.map((person, i) => ({
    id: person.id,
    role: person.role,
    source: `${person.identity.set}:${person.identity.name}`,
    captures: stats[i]?.captures ?? 0,
    days: stats[i]?.days.size ?? 0,
    platformIds: [...(stats[i]?.ids ?? [])].sort(),
  }));
}
