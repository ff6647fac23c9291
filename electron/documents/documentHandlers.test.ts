/**
 * The documents API through the registry, as the page calls it: draft, save, check, sign, preview, export, list,
 * with arguments validated against the contract. The checks' findings come from shared/documents/checks.ts.
 */
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ApiResponse } from '../../shared/api';
import { ApiRegistry } from '../api/registry';
import { readAudit } from '../audit/auditLog';
import { writeHandCase } from '../findings/testing/handCase';
import { withCase } from '../store/caseStore';
import { Workspace } from '../store/workspace';
import { tempDir } from '../testing/fixtures';

function value<T>(response: ApiResponse): T {
  if (!response.ok) throw new Error(JSON.stringify(response.error));
  return response.value as T;
}

describe('documents API', () => {
  let api: ApiRegistry;
  let caseId: string;
  beforeAll(() => {
    api = new ApiRegistry(new Workspace(path.join(tempDir(), 'ws')));
    caseId = writeHandCase();
  });

  it('drafts, checks what is wrong, saves the fix, signs, previews and exports', async () => {
    type Doc = { version: number; state: string; fields: Record<string, unknown> & { fineYuan: number }; sections: Array<{ id: string; text: string }> };
    const drafted = value<Doc>(await api.handle('documents.draft', { caseId, kind: 'decision' }));
    expect(drafted.version).toBe(1);

    // A fine of 0 and no dates: the checks say so.
    const codes = (await api.handle('documents.check', { caseId, kind: 'decision' }));
    const findings = value<Array<{ code: string; message: string }>>(codes);
    expect(findings.map((f) => f.code)).toContain('fine.notPositive');
    expect(findings.every((f) => f.message.length > 0)).toBe(true);
    const english = value<Array<{ code: string; message: string }>>(await api.handle('documents.check', { caseId, kind: 'decision', lang: 'en' }));
    expect(english.find((f) => f.code === 'fine.notPositive')!.message).toMatch(/[a-z]/u);
    expect(english.find((f) => f.code === 'fine.notPositive')!.message).not.toBe(findings.find((f) => f.code === 'fine.notPositive')!.message);

    // 600,000 yuan is above 消法 56's 500,000 where there are no illegal gains.
    const tooMuch = { ...drafted.fields, fineYuan: 600000, decisionDate: '2022-05-27', noticeDate: '2022-05-10' };
    value(await api.handle('documents.save', { caseId, kind: 'decision', fields: tooMuch, sections: [] }));
    value(await api.handle('documents.draft', { caseId, kind: 'decision', sections: ['decision', 'discretion'] }));
    const above = value<Array<{ code: string }>>(await api.handle('documents.check', { caseId, kind: 'decision' })).map((f) => f.code);
    expect(above).toContain('fine.aboveCap');
    expect(above).not.toContain('fine.notPositive');

    const fixed = { ...tooMuch, fineYuan: 200000 };
    value(await api.handle('documents.save', { caseId, kind: 'decision', fields: fixed, sections: [] }));
    const redone = value<Doc>(await api.handle('documents.draft', { caseId, kind: 'decision', sections: ['decision', 'discretion'] }));
    expect(redone.sections.find((s) => s.id === 'decision')!.text).toContain('罚款200000元（大写：贰拾万元整）');
    // Within the range, in figures and capitals that agree: no warning about the fine (an info note on 无法计算 stays).
    const fine = value<Array<{ code: string; severity: string }>>(await api.handle('documents.check', { caseId, kind: 'decision' }))
      .filter((f) => f.severity === 'warning').map((f) => f.code);
    expect(fine.filter((c) => c.startsWith('fine.') || c.startsWith('amount.'))).toEqual([]);

    expect(value<Doc>(await api.handle('documents.sign', { caseId, kind: 'decision' })).state).toBe('signed');
    const refused = await api.handle('documents.save', { caseId, kind: 'decision', fields: fixed, sections: [] });
    expect(refused.ok).toBe(false);

    const preview = value<{ model: { kind: string }; html: string }>(await api.handle('documents.preview', { caseId, kind: 'decision', as: 'html' }));
    expect(preview.model.kind).toBe('decision');
    expect(preview.html).toContain('经查，');

    const exported = value<{ path: string }>(await api.handle('documents.export', { caseId, kind: 'decision', format: 'docx' }));
    expect(path.dirname(exported.path)).toBe(path.join(caseId, 'exports'));
    expect(fs.readFileSync(exported.path).subarray(0, 2).toString()).toBe('PK');
    const audit = withCase(caseId, readAudit).filter((e) => e.action === 'document.export');
    expect(audit).toHaveLength(1);
    expect(audit[0]!.details).toMatchObject({ kind: 'decision', format: 'docx', state: 'signed' });

    const history = value<Array<{ version: number; action: string }>>(await api.handle('documents.history', { caseId, kind: 'decision' }));
    expect(history.map((h) => h.action)).toEqual(['sign', 'regenerate', 'save', 'regenerate', 'save', 'draft']);
    const list = value<Array<{ kind: string; state: string }>>(await api.handle('documents.list', { caseId }));
    expect(list).toEqual([expect.objectContaining({ kind: 'decision', state: 'signed', figureChanges: 0 })]);
    expect(value(await api.handle('documents.get', { caseId, kind: 'notice' }))).toBeNull();
    expect((await api.handle('documents.get', { caseId, kind: 'memo' })).ok).toBe(false);
  });

  it('warns of figures the case cannot give yet', async () => {
    const unclustered = writeHandCase({ clustered: false });
    type Doc = { fields: Record<string, unknown>; sections: Array<{ id: string; text: string }>; unresolved: Record<string, string[]> };
    const drafted = value<Doc>(await api.handle('documents.draft', { caseId: unclustered, kind: 'notice' }));
    const facts = drafted.sections.find((s) => s.id === 'facts')!.text;
    const saved = value<Doc>(await api.handle('documents.save', {
      caseId: unclustered, kind: 'notice', fields: drafted.fields, sections: [{ id: 'facts', text: `${facts}上述抓拍涉及【persons】人。` }],
    }));
    expect(saved.unresolved).toEqual({ facts: ['persons'] });
    const findings = value<Array<{ code: string; section?: string; message: string }>>(await api.handle('documents.check', { caseId: unclustered, kind: 'notice' }));
    const unresolved = findings.filter((f) => f.code === 'figure.unresolved');
    expect(unresolved).toEqual([expect.objectContaining({ section: 'facts' })]);
    expect(unresolved[0]!.message).toContain('【persons】');
  });
});
