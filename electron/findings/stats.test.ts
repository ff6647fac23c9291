/**
 * The foundation's figures against a sample archive's truth.json: captures, cameras, period and per day must
 * be exact, because the truth is exact.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { facesDir } from '../cli/paths';
import { importEvidence } from '../evidence/importEvidence';
import { generateSample } from '../sample/generateSample';
import { withCase } from '../store/caseStore';
import { newCase, tempDir } from '../testing/fixtures';
import { computeStats } from './stats';

describe.skipIf(!fs.existsSync(facesDir()))('stats on a sample archive', () => {
  it('equal the truth for captures, cameras, period and per day', async () => {
    const root = tempDir();
    const truth = await generateSample({ outDir: path.join(root, 'sample'), captures: 600, seed: 5, days: 45, facesDir: facesDir() });
    const caseDir = newCase(root);
    const report = await importEvidence(caseDir, path.join(root, 'sample', 'archive'));
    expect(report.rowsWithoutFile).toEqual([]);
    expect(report.badRows).toEqual([]);
    expect(report.filesWithoutRow).toEqual([]);

    const stats = withCase(caseDir, computeStats);
    expect(stats.captures).toBe(truth.captures);
    expect(stats.cameras).toEqual(truth.cameras.map(({ id, name, captures }) => ({ id, name, captures })));
    expect(stats.period).toEqual(truth.period);
    expect(stats.daysActive).toBe(truth.daysActive);
    expect(stats.perDay).toEqual(truth.perDay.map(({ date, captures }) => ({ date, captures })));
  });
});
