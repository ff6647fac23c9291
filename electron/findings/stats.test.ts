/**
 * The figures against a sample archive's truth.json. Captures, cameras, zones, period, per day, images are exact
 * because the truth is exact; with a review that matches the truth (testing/truthReview.ts), so are persons, staff,
 * visitors, persons and visitors per day, visits and repeat visitors.
 */
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { facesDir } from '../cli/paths';
import { importEvidence } from '../evidence/importEvidence';
import { generateSample, type SampleTruth } from '../sample/generateSample';
import { withCase } from '../store/caseStore';
import { newCase, tempDir } from '../testing/fixtures';
import { platformComparison } from './platformCounts';
import { computeStats } from './stats';
import { applyTruthAsReview } from './testing/truthReview';

describe.skipIf(!fs.existsSync(facesDir()))('stats on a sample archive', () => {
  let truth: SampleTruth;
  let caseDir: string;
  beforeAll(async () => {
    const root = tempDir();
    truth = await generateSample({ outDir: path.join(root, 'sample'), captures: 600, seed: 5, days: 45, facesDir: facesDir() });
    caseDir = newCase(root);
    const report = await importEvidence(caseDir, path.join(root, 'sample', 'archive'));
    expect(report.rowsWithoutFile).toEqual([]);
    expect(report.badRows).toEqual([]);
    expect(report.filesWithoutRow).toEqual([]);
  }, 120_000);

  it('equal the truth for captures, cameras, zones, period and per day, before any clustering', () => {
    const stats = withCase(caseDir, computeStats);
    expect(stats.captures).toBe(truth.captures);
    expect(stats.images).toBe(truth.captures);
    expect(stats.videos).toBe(0);
    expect(stats.cameras.map(({ id, name, zone, captures }) => ({ id, name, zone, captures })))
      .toEqual(truth.cameras.map(({ id, name, zone, captures }) => ({ id, name, zone, captures })));
    expect(stats.period).toEqual(truth.period);
    expect(stats.daysActive).toBe(truth.daysActive);
    expect(stats.perDay).toEqual(truth.perDay.map(({ date, captures }) => ({ date, captures, persons: null, visitors: null })));
    expect(stats.persons).toBeNull();

    // Per camera: first and last capture and active days from the records themselves.
    for (const camera of stats.cameras) {
      const times = truth.records.filter((r) => r.camera === camera.id).map((r) => r.time).sort();
      expect(camera.first).toBe(times[0] ?? null);
      expect(camera.last).toBe(times.at(-1) ?? null);
      expect(camera.activeDays).toBe(new Set(times.map((t) => t.slice(0, 10))).size);
    }
    const zones = new Map<string, number>();
    for (const c of truth.cameras) zones.set(c.zone, (zones.get(c.zone) ?? 0) + c.captures);
    expect(new Map(stats.zones.map((z) => [z.zone, z.captures]))).toEqual(zones);

    // The platform's own person ids, as the sample's platform summary counts them.
    const cmp = withCase(caseDir, platformComparison);
    expect(cmp.rows.find((r) => r.key === 'persons')?.platform).toBe(truth.platform.personIds);
    expect(cmp.rows.find((r) => r.key === 'capturesUnassigned')?.platform).toBe(truth.platform.unassigned);
  });

  it('equal the truth for persons, staff, visitors, per day, visits and repeat visitors when the review matches it', () => {
    applyTruthAsReview(caseDir, truth);
    const stats = withCase(caseDir, computeStats);
    const captured = truth.people.filter((p) => p.captures > 0);
    expect(stats.persons).toBe(captured.length);
    expect(stats.staff).toBe(captured.filter((p) => p.role === 'staff').length);
    expect(stats.visitors).toBe(captured.filter((p) => p.role === 'visitor').length);
    expect(stats.perDay).toEqual(truth.perDay);

    // Visits worked out from the records: a visitor's captures in time order, a new visit after more than 30 minutes.
    const visitors = new Set(truth.people.filter((p) => p.role === 'visitor').map((p) => p.id));
    const byPerson = new Map<string, number[]>();
    for (const r of truth.records) if (visitors.has(r.person)) byPerson.set(r.person, [...(byPerson.get(r.person) ?? []), Date.parse(r.time)]);
    let visits = 0;
    let repeat = 0;
    for (const times of byPerson.values()) {
      times.sort((a, b) => a - b);
      const n = times.filter((t, i) => i === 0 || t - times[i - 1]! > 30 * 60_000).length;
      visits += n;
      if (n >= 2) repeat++;
    }
    expect(stats.visits).toBe(visits);
    expect(stats.repeatVisitors).toBe(repeat);
    expect(repeat).toBeGreaterThan(0);
  });
});
