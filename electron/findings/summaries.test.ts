/**
 * The summaries kept in the case (summaries.ts) follow every change the figures depend on, and give the same rows
 * as the queries the figures cite; when the case cannot be written, the cited queries run instead.
 */
import { describe, expect, it } from 'vitest';
import { refreshPersonFigures } from '../identities/personAggregates';
import { openCaseDb } from '../store/caseDb';
import { withCase } from '../store/caseStore';
import { heatMap } from './heatMap';
import { platformComparison } from './platformCounts';
import { computeStats } from './stats';
import { refreshSummaries } from './summaries';
import { expectCitedEqualsRun } from './testing/citedQueries';
import { localMs, writeHandCase } from './testing/handCase';
import { timeline, TIMELINE_BY_CAPTURE, TIMELINE_BY_HOUR, TIMELINE_WHOLE } from './timeline';
import { citable, runnable } from './workingSet';

const HOUR = 3_600_000;

describe('the summaries kept in the case', () => {
  it('rebuild only the persons a decision touched, and the figures follow it', () => {
    const dir = writeHandCase();
    withCase(dir, computeStats);
    // Moves f7 (capture 5, 2021-04-19 14:00, CAM01) from P1 to P2, as a review decision does.
    const db = openCaseDb(dir);
    try {
      db.prepare('UPDATE face_persons SET person_id = 2 WHERE face_id = 7').run();
      refreshPersonFigures(db, [1, 2]);
      expect(refreshSummaries(db)).toEqual({ fresh: true, captures: 'unchanged', persons: 2, allPersons: false });
      expect(refreshSummaries(db)).toEqual({ fresh: true, captures: 'unchanged', persons: 0, allPersons: false });
    } finally {
      db.close();
    }
    const stats = withCase(dir, computeStats);
    // P1: 09:00, 09:20 | 10:00 (2 visits); P2: 04-18 10:05 | 04-19 14:00 (2 visits); P3 is staff.
    expect(stats).toMatchObject({ persons: 3, visitors: 2, visits: 4, repeatVisitors: 2, authenticatedPersons: 3 });
    expect(stats.zones.map((z) => [z.zone, z.persons])).toEqual([['大厅', 3], ['入口', 2], ['洽谈区', 0]]);
    expect(stats.perDay.map((d) => [d.date, d.persons, d.visitors])).toEqual([['2021-04-18', 3, 2], ['2021-04-19', 2, 1], ['2021-04-20', 0, 0]]);
    withCase(dir, expectCitedEqualsRun);
    // The same figures as summaries built from nothing.
    withCase(dir, (d) => d.prepare('DELETE FROM findings_summary_state').run());
    const rebuilt = withCase(dir, computeStats);
    expect({ ...rebuilt, computedAt: '', provenance: {} }).toEqual({ ...stats, computedAt: '', provenance: {} });
  });

  it('see a face moved between persons even when the persons were stamped with an earlier time', () => {
    const dir = writeHandCase();
    withCase(dir, computeStats);
    withCase(dir, (db) => {
      db.prepare('UPDATE face_persons SET person_id = 2 WHERE face_id = 7').run();
      db.prepare("UPDATE persons SET faces = faces + (CASE id WHEN 2 THEN 1 ELSE -1 END), updated_at = '2000-01-01T00:00:00Z' WHERE id IN (1, 2)").run();
      expect(refreshSummaries(db)).toMatchObject({ fresh: true, persons: 2, allPersons: false });
    });
    expect(withCase(dir, computeStats)).toMatchObject({ visits: 4, repeatVisitors: 2, authenticatedPersons: 3 });
  });

  it('rebuild the capture summaries after an import', () => {
    const dir = writeHandCase();
    withCase(dir, computeStats);
    withCase(dir, (db) => {
      db.prepare(`INSERT INTO captures (id, source_id, sheet_path, sheet_row, captured_at, captured_ms, local_date, time_source, camera_id, platform_person_id, raw)
        VALUES (9, 1, 'hand.csv', 10, '2021-04-21T10:00:00+08:00', ?, '2021-04-21', 'sheet', 'CAM04', 'X9', '{}')`).run(localMs('2021-04-21T10:00:00'));
      expect(refreshSummaries(db)).toMatchObject({ fresh: true, captures: 'rebuilt' });
    });
    expect(withCase(dir, heatMap).cells).toContainEqual({ weekday: 3, hour: 10, captures: 1 });
    const cmp = withCase(dir, platformComparison);
    expect(cmp.rows[0]).toMatchObject({ key: 'persons', platform: 6 });
    expect(cmp.perDay.at(-1)).toEqual({ date: '2021-04-21', platformIds: 1, persons: 0 });
    const days = withCase(dir, (db) => timeline(db, { buckets: 2 }));
    expect(days.cells.reduce((s, c) => s + c.captures, 0)).toBe(9);
    expect(withCase(dir, computeStats).cameras.find((c) => c.id === 'CAM04')).toMatchObject({ captures: 1, activeDays: 1 });
    withCase(dir, expectCitedEqualsRun);
  });

  it('are left alone while another process writes the case: the figures run their cited queries', () => {
    const dir = writeHandCase();
    const expected = withCase(dir, computeStats);
    withCase(dir, (db) => db.prepare("UPDATE persons SET updated_at = 'later' WHERE id = 1").run());
    const writer = openCaseDb(dir);
    const reader = openCaseDb(dir);
    try {
      writer.exec('BEGIN IMMEDIATE');
      reader.pragma('busy_timeout = 0');
      const stats = computeStats(reader);
      expect({ ...stats, computedAt: '', provenance: {} }).toEqual({ ...expected, computedAt: '', provenance: {} });
      expect(refreshSummaries(reader).fresh).toBe(false);
      expectCitedEqualsRun(reader);
    } finally {
      writer.exec('ROLLBACK');
      writer.close();
      reader.close();
    }
  });

  it('give the timeline of whole hours the same cells as counting each capture', () => {
    withCase(writeHandCase(), (db) => {
      for (const bucketMs of [HOUR, 3 * HOUR, 24 * HOUR, 48 * HOUR, 168 * HOUR]) {
        const params = { bucketMs, offsetMs: 8 * HOUR, fromMs: 0, toMs: 4_000_000_000_000, fromDate: '1970-01-01', toDate: '2096-01-01' };
        const each = db.prepare(TIMELINE_BY_CAPTURE).all(params);
        expect(each.length, String(bucketMs)).toBeGreaterThan(0);
        expect(db.prepare(TIMELINE_BY_HOUR).all(params), String(bucketMs)).toEqual(each);
        expect(db.prepare(runnable(db, TIMELINE_WHOLE)).all(params), String(bucketMs)).toEqual(each);
        expect(db.prepare(citable(TIMELINE_WHOLE)).all(params), String(bucketMs)).toEqual(each);
      }
    });
  });
});
