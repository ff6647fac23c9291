/**
 * The long jobs through the API as the page calls them: import, face analysis and verify, each ending in its
 * own report; a cancelled analysis ends as cancelled, not done.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ImportReport, VerifyReport } from '../../shared/api';
import type { IdentitySummary } from '../../shared/identitiesApi';
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

    // Analysing groups the faces into persons: three different people, each a person of their own.
    const identities = await call<IdentitySummary>(api, 'identities.summary', { caseId });
    expect(identities.run?.state).toBe('done');
    expect(identities.persons).toBe(3);
    const listed = await call<{ total: number; items: Array<{ id: number; repFaceId: number }> }>(api, 'persons.list', { caseId });
    expect(listed.total).toBe(3);
    const merged = await call<{ persons: Array<{ id: number; captures: number }> }>(api, 'identities.review', { caseId, action: { kind: 'merge', personIds: [listed.items[0]!.id, listed.items[1]!.id] } });
    expect(merged.persons).toEqual([expect.objectContaining({ id: listed.items[0]!.id, captures: 2 })]);
    expect((await call<IdentitySummary>(api, 'identities.summary', { caseId })).undo?.kind).toBe('merge');
    await call(api, 'identities.undo', { caseId });
    expect((await call<IdentitySummary>(api, 'identities.summary', { caseId })).persons).toBe(3);
    const bad = await api.handle('identities.review', { caseId, action: { kind: 'merge', personIds: [listed.items[0]!.id] } });
    expect(bad.ok).toBe(false);
    const reclustered = await call<{ jobId: string }>(api, 'identities.cluster.start', { caseId });
    const clusterJob = await api.jobs.wait(reclustered.jobId);
    expect(clusterJob.state).toBe('done');
    expect((clusterJob.result as IdentitySummary).persons).toBe(3);
    const exported = await call<{ path: string; rows: number }>(api, 'identities.export', { caseId, format: 'csv' });
    expect(exported.rows).toBe(summary.faces);
    expect(fs.readFileSync(exported.path, 'utf8')).toContain('source_path,face,x,y,w,h,person,role');

    const mixed = await call<{ jobId: string }>(api, 'faces.analyze.start', { caseId, engine: 'tfjs' });
    const refused = await api.jobs.wait(mixed.jobId);
    expect(refused.state).toBe('failed');
    expect(refused.error?.code).toBe('faces.modelMismatch');

    const verified = await call<{ jobId: string }>(api, 'verify.start', { caseId });
    const verifyJob = await api.jobs.wait(verified.jobId);
    expect(VerifyReport.parse(verifyJob.result).ok).toBe(true);
  }, 180_000);
});
