/**
 * Identities against a generated sample archive's truth.json: staff who pass the cameras most days and visitors
 * who come once or a few times, rendered as camera crops from labelled faces. The counts must be near the truth
 * and the staff proposal must name exactly the staff.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importEvidence } from '../evidence/importEvidence';
import { analyzeCase } from '../faces/analyzeCase';
import { FACES_DIR, tempDir } from '../faces/testing/faceFixtures';
import { generateSample, type SampleTruth } from '../sample/generateSample';
import { createCase, withCase } from '../store/caseStore';
import type { CaseDb } from '../store/caseDb';
import { clusterCase } from './clusterCase';
import { clusterMetrics } from './clusterMetrics';
import { personCounts } from './personCounts';
import { staffSuggestions } from './personQueries';

let root: string;
let caseDir: string;
let truth: SampleTruth;

beforeAll(async () => {
  root = tempDir('faceaudit-identities-sample-');
  truth = await generateSample({ outDir: path.join(root, 'sample'), captures: 900, days: 15, seed: 3, facesDir: FACES_DIR });
  caseDir = path.join(root, 'case');
  createCase(caseDir, { number: '禹市监处罚〔2022〕12号', partyName: '某房地产开发有限公司' });
  await importEvidence(caseDir, path.join(root, 'sample', 'archive'), {});
  await analyzeCase(caseDir, { workers: 2 });
  await clusterCase(caseDir);
}, 240_000);

afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

/** The truth person of each capture's image, and the person found for the capture's largest face. */
function pairs(db: CaseDb): { truth: string[]; found: number[] } {
  const personOfImage = new Map(truth.records.map((r) => [r.image, r.person]));
  const rows = db.prepare(
    `SELECT c.image_path AS image, fp.person_id AS person FROM captures c
       JOIN faces f ON f.id = (SELECT id FROM faces WHERE capture_id = c.id ORDER BY size_px DESC LIMIT 1)
       JOIN face_persons fp ON fp.face_id = f.id`,
  ).all() as Array<{ image: string; person: number | null }>;
  return { truth: rows.map((r) => personOfImage.get(r.image)!), found: rows.map((r) => r.person ?? -1) };
}

describe('identities on a sample archive', () => {
  it('groups captures into persons with no false merge and the count near the truth', () => {
    const p = withCase(caseDir, pairs);
    expect(p.truth.length).toBeGreaterThan(truth.captures * 0.95);
    const m = clusterMetrics(p.truth, p.found);
    expect(m.pairwise.precision).toBeGreaterThanOrEqual(0.99);
    expect(m.pairwise.recall).toBeGreaterThanOrEqual(0.85);
    expect(Math.abs(m.people.found - truth.persons) / truth.persons).toBeLessThanOrEqual(0.1);
  });

  it('proposes exactly the staff as staff, and counts them only once confirmed', () => {
    const proposals = withCase(caseDir, (db) => staffSuggestions(db));
    const personOfImage = new Map(truth.records.map((r) => [r.image, r.person]));
    const named = withCase(caseDir, (db) => proposals.map((s) => {
      const images = db.prepare('SELECT c.image_path AS image FROM face_persons fp JOIN faces f ON f.id = fp.face_id JOIN captures c ON c.id = f.capture_id WHERE fp.person_id = ?').all(s.person.id) as Array<{ image: string }>;
      const votes = new Map<string, number>();
      for (const { image } of images) votes.set(personOfImage.get(image)!, (votes.get(personOfImage.get(image)!) ?? 0) + 1);
      return [...votes].sort((a, b) => b[1] - a[1])[0]![0];
    }));
    const staff = truth.people.filter((p) => p.role === 'staff').map((p) => p.id);
    expect(new Set(named)).toEqual(new Set(staff));
    expect(withCase(caseDir, personCounts).staff).toBe(0);
  });
});
