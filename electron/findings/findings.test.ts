/**
 * Every figure against the hand-counted case of testing/handCase.ts (the counts are worked out in its header).
 */
import { describe, expect, it } from 'vitest';
import { personCounts } from '../identities/personCounts';
import { openCaseDb } from '../store/caseDb';
import { withCase } from '../store/caseStore';
import { findCaptures } from './findCaptures';
import { findingsOverview } from './overview';
import { cachedOverview, clearOverviewCache } from './overviewCache';
import { PERSON_COUNTS_SQL } from './personFigures';
import { heatMap } from './heatMap';
import { personVisits } from './personVisits';
import { platformComparison } from './platformCounts';
import { computeStats } from './stats';
import { expectCitedEqualsRun } from './testing/citedQueries';
import { localMs, writeHandCase } from './testing/handCase';
import { timeline } from './timeline';

const at = (local: string) => `${local}+08:00`;

describe('figures of the hand-counted case', () => {
  const caseDir = writeHandCase();

  it('counts the evidence: captures, days, period, images, videos, faces, authentication records', () => {
    const stats = withCase(caseDir, computeStats);
    expect(stats).toMatchObject({
      captures: 8, daysActive: 3, capturesWithoutImage: 0,
      period: { first: at('2021-04-18T09:00:00'), last: at('2021-04-20T20:30:00') },
      images: 7, videos: 1, faces: 9, authentications: 3,
    });
  });

  it('counts persons, staff, visitors, the range, authenticated persons, visits and repeat visitors', () => {
    const stats = withCase(caseDir, computeStats);
    expect(stats).toMatchObject({
      persons: 3, staff: 1, visitors: 2, personsRange: { low: 2, high: 4 },
      authenticatedPersons: 2, visits: 4, repeatVisitors: 1, visitGapMinutes: 30,
      identity: { state: 'done', runId: 1, decisions: 2 },
    });
    // A longer gap joins P1's 09:00, 09:20 and 10:00 into one visit; the next day is still another.
    expect(withCase(caseDir, (db) => computeStats(db, { gapMinutes: 60 }))).toMatchObject({ visits: 3, repeatVisitors: 1 });
    expect(withCase(caseDir, (db) => computeStats(db, { gapMinutes: 10 }))).toMatchObject({ visits: 5, repeatVisitors: 1 });
  });

  it('counts per day, per camera and per zone', () => {
    const stats = withCase(caseDir, computeStats);
    expect(stats.perDay).toEqual([
      { date: '2021-04-18', captures: 4, persons: 3, visitors: 2 },
      { date: '2021-04-19', captures: 3, persons: 2, visitors: 1 },
      { date: '2021-04-20', captures: 1, persons: 0, visitors: 0 },
    ]);
    expect(stats.cameras).toEqual([
      { id: 'CAM01', name: '入口1', zone: '入口', captures: 2, first: at('2021-04-18T09:00:00'), last: at('2021-04-19T14:00:00'), activeDays: 2 },
      { id: 'CAM02', name: '大厅1', zone: '大厅', captures: 3, first: at('2021-04-18T09:20:00'), last: at('2021-04-20T20:30:00'), activeDays: 2 },
      { id: 'CAM03', name: '大厅2', zone: '大厅', captures: 3, first: at('2021-04-18T10:05:00'), last: at('2021-04-19T14:10:30'), activeDays: 2 },
      { id: 'CAM04', name: '洽谈区1', zone: '洽谈区', captures: 0, first: null, last: null, activeDays: 0 },
    ]);
    expect(stats.zones).toEqual([
      { zone: '大厅', cameras: 2, captures: 6, first: at('2021-04-18T09:20:00'), last: at('2021-04-20T20:30:00'), activeDays: 3, persons: 3 },
      { zone: '入口', cameras: 1, captures: 2, first: at('2021-04-18T09:00:00'), last: at('2021-04-19T14:00:00'), activeDays: 2, persons: 1 },
      { zone: '洽谈区', cameras: 1, captures: 0, first: null, last: null, activeDays: 0, persons: 0 },
    ]);
  });

  it('gives every figure a provenance whose SQL, re-run with its parameters, gives the figure again', () => {
    const stats = withCase(caseDir, computeStats);
    for (const figure of ['captures', 'images', 'videos', 'faces', 'persons', 'staff', 'visitors', 'personsRange', 'authentications',
      'authenticatedPersons', 'repeatVisitors', 'visits', 'cameras', 'zones', 'perDay.captures', 'perDay.persons', 'period.first']) {
      expect(stats.provenance[figure], figure).toBeDefined();
    }
    expect(stats.provenance.captures).toMatchObject({ identityRun: null, decisions: null, computedAt: stats.computedAt });
    expect(stats.provenance.visits).toMatchObject({ identityRun: 1, decisions: 2, params: { gapMs: 1_800_000, gapMinutes: 30 } });
    withCase(caseDir, (db) => {
      const rerun = (figure: string) => db.prepare(stats.provenance[figure]!.sql).get(stats.provenance[figure]!.params) as Record<string, number>;
      expect(rerun('images').images).toBe(7);
      expect(rerun('visits')).toEqual({ visits: 4, repeatVisitors: 1 });
      expect(rerun('authenticatedPersons').authenticatedPersons).toBe(2);
    });
  });

  it('runs each figure on the in-memory working set and cites the case\'s own tables: both give the same rows', () => {
    withCase(caseDir, (db) => {
      expect(expectCitedEqualsRun(db)).toBeGreaterThan(15);
      const map = heatMap(db);
      expect(db.prepare(map.provenance.sql).all(map.provenance.params)).toEqual(map.cells);
      const line = timeline(db, { buckets: 240 });
      expect(db.prepare(line.provenance.sql).all(line.provenance.params)).toEqual(line.cells);
    });
  });

  it('cites the query personCounts runs, and both agree', () => {
    withCase(caseDir, (db) => {
      const counts = personCounts(db);
      const row = db.prepare(PERSON_COUNTS_SQL).get() as { persons: number; staff: number };
      expect(row.persons).toBe(counts.persons);
      expect(row.staff).toBe(counts.staff);
    });
  });

  it('splits one person\'s captures into visits', () => {
    const visits = withCase(caseDir, (db) => personVisits(db, 1, 30));
    expect(visits.person).toEqual({ id: 1, label: 'R000001', role: 'unknown', active: true });
    expect(visits.visits.map(({ start, end, captures, cameras }) => ({ start, end, captures, cameras }))).toEqual([
      { start: at('2021-04-18T09:00:00'), end: at('2021-04-18T09:20:00'), captures: 2, cameras: ['CAM01', 'CAM02'] },
      { start: at('2021-04-18T10:00:00'), end: at('2021-04-18T10:00:00'), captures: 1, cameras: ['CAM02'] },
      { start: at('2021-04-19T14:00:00'), end: at('2021-04-19T14:00:00'), captures: 1, cameras: ['CAM01'] },
    ]);
    expect(visits.captures.map((c) => c.id)).toEqual([1, 2, 3, 5]);
    expect(() => withCase(caseDir, (db) => personVisits(db, 99, 30))).toThrow(/no person with id 99/u);
  });

  it('lists the visitors who came back, most visits first', () => {
    const overview = withCase(caseDir, findingsOverview);
    expect(overview.repeatVisitors?.items).toEqual([
      { personId: 1, label: 'R000001', visits: 3, captures: 4, firstMs: localMs('2021-04-18T09:00:00'), lastMs: localMs('2021-04-19T14:00:00') },
    ]);
    expect(overview.repeatVisitors?.provenance).toMatchObject({ identityRun: 1, params: { gapMinutes: 30 } });
  });

  it('counts captures by weekday and hour in the case zone\'s clock', () => {
    const map = withCase(caseDir, heatMap);
    expect(map.cells).toEqual([
      { weekday: 0, hour: 9, captures: 2 },
      { weekday: 0, hour: 10, captures: 2 },
      { weekday: 1, hour: 14, captures: 3 },
      { weekday: 2, hour: 20, captures: 1 },
    ]);
  });

  it('draws camera activity in round buckets over the period, and zoomed to minutes', () => {
    const whole = withCase(caseDir, (db) => timeline(db, { buckets: 240 }));
    expect(whole.bucketMs).toBe(15 * 60_000);
    expect(whole.cells.reduce((s, c) => s + c.captures, 0)).toBe(8);
    expect(whole.cells).toContainEqual({ startMs: localMs('2021-04-18T10:00:00'), cameraId: 'CAM03', captures: 1 });
    expect(whole.cells).toContainEqual({ startMs: localMs('2021-04-19T14:00:00'), cameraId: 'CAM03', captures: 2 });
    const zoomed = withCase(caseDir, (db) => timeline(db, { fromMs: localMs('2021-04-19T14:00:00'), toMs: localMs('2021-04-19T14:15:00'), buckets: 15 }));
    expect(zoomed.bucketMs).toBe(60_000);
    expect(zoomed.cells).toEqual([
      { startMs: localMs('2021-04-19T14:00:00'), cameraId: 'CAM01', captures: 1 },
      { startMs: localMs('2021-04-19T14:10:00'), cameraId: 'CAM03', captures: 2 },
    ]);
    // Day buckets start at the office's midnight, not UTC's.
    const days = withCase(caseDir, (db) => timeline(db, { buckets: 2 }));
    expect(days.bucketMs).toBe(2 * 86_400_000);
    expect(days.cells.every((c) => new Date(c.startMs + 8 * 3_600_000).getUTCHours() === 0)).toBe(true);
  });

  it('lists the captures behind a bar or cell', () => {
    withCase(caseDir, (db) => {
      const page = { offset: 0, limit: 100 };
      expect(findCaptures(db, { date: '2021-04-18' }, page).total).toBe(4);
      expect(findCaptures(db, { zone: '大厅' }, page).total).toBe(6);
      expect(findCaptures(db, { weekday: 1, hour: 14 }, page).items.map((c) => c.id)).toEqual([5, 6, 7]);
      expect(findCaptures(db, { cameraId: 'CAM03', fromMs: localMs('2021-04-19T14:10:00'), toMs: localMs('2021-04-19T14:11:00') }, page).total).toBe(2);
      const person = findCaptures(db, { personId: 1 }, page);
      expect(person.items.map((c) => c.id)).toEqual([1, 2, 3, 5]);
      expect(person.items[2]!.persons).toEqual(['R000001', 'R000003']);
      expect(findCaptures(db, { date: '2021-04-18' }, { offset: 3, limit: 10 }).items.map((c) => c.id)).toEqual([4]);
    });
  });

  it('sets the platform\'s claims beside ours, with the difference', () => {
    const cmp = withCase(caseDir, platformComparison);
    expect(cmp.rows.map(({ key, platform, ours, difference }) => ({ key, platform, ours, difference }))).toEqual([
      { key: 'persons', platform: 5, ours: 3, difference: -2 },
      { key: 'capturesAssigned', platform: 6, ours: 6, difference: 0 },
      { key: 'capturesUnassigned', platform: 2, ours: 2, difference: 0 },
      { key: 'authenticated', platform: 2, ours: 2, difference: 0 },
    ]);
    // The overview passes its figures in: the same comparison, our side taken from them.
    const fromStats = withCase(caseDir, (db) => platformComparison(db, computeStats(db)));
    expect(fromStats.rows.map((r) => [r.key, r.platform, r.ours, r.difference])).toEqual(cmp.rows.map((r) => [r.key, r.platform, r.ours, r.difference]));
    expect(fromStats.perDay).toEqual(cmp.perDay);
    expect(cmp.perDay).toEqual([
      { date: '2021-04-18', platformIds: 3, persons: 3 },
      { date: '2021-04-19', platformIds: 2, persons: 2 },
      { date: '2021-04-20', platformIds: 0, persons: 0 },
    ]);
  });

  it('marks the person figures stale when faces were analysed after the clustering run', () => {
    const dir = writeHandCase();
    const db = openCaseDb(dir);
    db.prepare(`INSERT INTO faces (capture_id, face_index, source_sha256, model_id, box_x, box_y, box_w, box_h, landmarks, rotation,
      det_score, size_px, blur, yaw, pitch, roll, embedding_norm, embedding) VALUES (8, 0, 'i7', 'm', 0, 0, 1, 1, '[]', 0, 1, 1, 1, 0, 0, 0, 1, x'00')`).run();
    db.close();
    expect(withCase(dir, computeStats).identity.state).toBe('stale');
  });
});

describe('before clustering', () => {
  it('leaves every person figure null and says so, while the evidence figures stand', () => {
    const stats = withCase(writeHandCase({ clustered: false }), computeStats);
    expect(stats).toMatchObject({
      captures: 8, faces: 9, authentications: 3,
      persons: null, staff: null, visitors: null, personsRange: null, authenticatedPersons: null, visits: null, repeatVisitors: null,
      identity: { state: 'none', runId: null, decisions: 0 },
    });
    expect(stats.perDay[0]).toEqual({ date: '2021-04-18', captures: 4, persons: null, visitors: null });
    expect(stats.zones.every((z) => z.persons === null)).toBe(true);
    expect(stats.provenance.persons).toBeUndefined();
    const cmp = withCase(writeHandCase({ clustered: false }), platformComparison);
    expect(cmp.rows[0]).toMatchObject({ key: 'persons', platform: 5, ours: null, difference: null });
  });
});

describe('the overview cache', () => {
  it('serves the same figures while the case is unchanged, and recomputes after an import, a decision or a run', () => {
    clearOverviewCache();
    const dir = writeHandCase();
    const open = () => withCase(dir, (db) => cachedOverview(dir, db, findingsOverview));
    const first = open();
    expect(open()).toBe(first);
    const db = openCaseDb(dir);
    db.prepare(`INSERT INTO captures (id, source_id, sheet_path, sheet_row, captured_at, captured_ms, local_date, time_source, camera_id, raw)
      VALUES (9, 1, 'hand.csv', 10, '2021-04-21T10:00:00+08:00', ?, '2021-04-21', 'sheet', 'CAM04', '{}')`).run(localMs('2021-04-21T10:00:00'));
    db.close();
    const afterImport = open();
    expect(afterImport).not.toBe(first);
    expect(afterImport.stats.captures).toBe(9);
    expect(open()).toBe(afterImport);
    const db2 = openCaseDb(dir);
    db2.prepare("UPDATE review_decisions SET state = 'undone' WHERE seq = 2").run();
    db2.close();
    expect(open().stats.identity.decisions).toBe(1);
    const db3 = openCaseDb(dir);
    db3.prepare("UPDATE persons SET role = 'staff', updated_at = '2026-01-02T00:00:00Z' WHERE id = 2").run();
    db3.close();
    expect(open().stats.staff).toBe(2);
  });
});
