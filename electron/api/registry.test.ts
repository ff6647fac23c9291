/**
 * The long jobs through the API as the page calls them: import, face analysis and verify, each ending in its
 * own report; a cancelled analysis ends as cancelled, not done.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ImportReport, VerifyReport } from '../../shared/api';
import { defaultFacesDir, findRepoRoot } from '../sample/faces';
import { Workspace } from '../store/workspace';
import { tempDir } from '../testing/fixtures';
import { ApiRegistry } from './registry';

async function call<T>(api: ApiRegistry, name: string, args: unknown): Promise<T> {
  const response = await api.handle(name, args);
  if (!response.ok) throw new Error(`${name}: ${response.error.message}`);
  return response.value as T;
}

describe('jobs through the API', () => {
  it('imports face photos, analyses them on this machine, and verifies the case', async () => {
    const root = tempDir();
    const api = new ApiRegistry(new Workspace(path.join(root, 'ws')));
    const archive = path.join(root, 'archive');
    fs.mkdirSync(archive);
    const lfw = path.join(defaultFacesDir(findRepoRoot()), 'lfw-dev', 'images');
    const people = fs.readdirSync(lfw).sort().slice(0, 3);
    people.forEach((person, i) => {
      const photo = fs.readdirSync(path.join(lfw, person)).sort()[0]!;
      fs.copyFileSync(path.join(lfw, person, photo), path.join(archive, `CAM01_20210418_0930${String(i).padStart(2, '0')}_000.jpg`));
    });
    const created = await call<{ id: string }>(api, 'cases.create', { info: { number: '禹市监处罚〔2022〕12号', partyName: '某房地产开发有限公司' } });
    const caseId = created.id;

    const imported = await call<{ jobId: string }>(api, 'import.start', { caseId, path: archive });
    const importJob = await api.jobs.wait(imported.jobId);
    expect(importJob.state).toBe('done');
    expect(ImportReport.parse(importJob.result).captures).toBe(3);

    const analysed = await call<{ jobId: string }>(api, 'faces.analyze.start', { caseId });
    const analysisJob = await api.jobs.wait(analysed.jobId);
    expect(analysisJob.state, JSON.stringify(analysisJob.error)).toBe('done');
    expect(analysisJob.result).toMatchObject({ capturesAnalyzed: 3, capturesFailed: 0, engine: 'onnx' });
    const summary = await call<{ capturesAnalysed: number; faces: number; model: { engine: string } }>(api, 'faces.summary', { caseId });
    expect(summary.capturesAnalysed).toBe(3);
    expect(summary.faces).toBeGreaterThanOrEqual(3);
    expect(summary.model.engine).toBe('onnx');

    const mixed = await call<{ jobId: string }>(api, 'faces.analyze.start', { caseId, engine: 'tfjs' });
    const refused = await api.jobs.wait(mixed.jobId);
    expect(refused.state).toBe('failed');
    expect(refused.error?.code).toBe('faces.modelMismatch');

    const verified = await call<{ jobId: string }>(api, 'verify.start', { caseId });
    const verifyJob = await api.jobs.wait(verified.jobId);
    expect(VerifyReport.parse(verifyJob.result).ok).toBe(true);
  }, 180_000);
});
