/**
 * The analysis job on a small case: faces stored with thumbnails, the vault untouched, progress and audit
 * written; a re-run skips finished captures; a cancelled run resumes; another model is refused.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readAudit, verifyAuditChain } from '../audit/auditLog';
import { vaultFile } from '../evidence/vault';
import { openCaseDb } from '../store/caseDb';
import { analyzeCase } from './analyzeCase';
import { ONNX_MODELS } from './modelFiles';
import { FaceModelMismatchError, facesOfCapture, caseFaceModel, caseEmbeddings, faceSummary } from './faceStore';
import { caseWithCaptures, lfwPhoto, noise, setPhoto, tempDir } from './testing/faceFixtures';

let root: string;
let caseDir: string;
let shas: string[];
let noFacePath: string;
let brokenPath: string;

const sha256 = (file: string) => crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex');

beforeAll(async () => {
  root = tempDir();
  noFacePath = path.join(root, 'wall.png');
  fs.writeFileSync(noFacePath, await noise(320, 240, 3));
  brokenPath = path.join(root, 'broken.jpg');
  fs.writeFileSync(brokenPath, Buffer.from([0xff, 0xd8, 0xff, 0xe0, 1, 2, 3, 4])); // a JPEG header and nothing else
  const files = [
    lfwPhoto('Ariel_Sharon', 1), lfwPhoto('Ariel_Sharon', 2), lfwPhoto('Hans_Blix', 1), lfwPhoto('Hans_Blix', 2),
    setPhoto('faceapi_bbt', 'penny/penny1.png'), setPhoto('dlib_johns', 'John_Simm/000288_00470387.jpg'),
    lfwPhoto('Jean_Chretien', 1), lfwPhoto('Jean_Chretien', 2), lfwPhoto('Donald_Rumsfeld', 1), lfwPhoto('Donald_Rumsfeld', 2),
    noFacePath, brokenPath, lfwPhoto('Hans_Blix', 1),
  ];
  ({ caseDir, shas } = await caseWithCaptures(root, files));
});

afterAll(() => {
  fs.rmSync(root, { recursive: true, force: true });
});

describe('analyzeCase', () => {
  it('cancels cleanly, keeping what was finished; the next run resumes and skips finished captures', async () => {
    const vaultBefore = shas.map((sha) => sha256(vaultFile(caseDir, sha)));
    const controller = new AbortController();
    const first = await analyzeCase(caseDir, { workers: 2, signal: controller.signal, onProgress: (p) => { if (p.done >= 2) controller.abort(); } });
    expect(first.state).toBe('cancelled');
    expect(first.capturesAnalyzed).toBeGreaterThanOrEqual(2);
    expect(first.capturesAnalyzed).toBeLessThan(13);

    const second = await analyzeCase(caseDir, { workers: 2 });
    expect(second.state).toBe('done');
    expect(second.capturesSkipped).toBe(first.capturesAnalyzed);
    expect(first.capturesAnalyzed + second.capturesAnalyzed).toBe(13);

    const third = await analyzeCase(caseDir, { workers: 1 });
    expect(third.capturesAnalyzed).toBe(0);
    expect(third.capturesSkipped).toBe(13);

    const db = openCaseDb(caseDir);
    try {
      const perCapture = db.prepare('SELECT capture_id, state, face_count FROM face_analysis ORDER BY capture_id').all() as Array<{ capture_id: number; state: string; face_count: number }>;
      expect(perCapture).toHaveLength(13);
      // Ten face photos (Hans_Blix_0001 also shows two men behind him), the wall with none, the broken file failed.
      expect(perCapture.slice(0, 10).map((r) => r.face_count)).toEqual([1, 1, 3, 1, 1, 1, 1, 1, 1, 1]);
      expect(perCapture.slice(0, 10).every((r) => r.state === 'done')).toBe(true);
      expect(perCapture[10]).toMatchObject({ state: 'done', face_count: 0 });
      expect(perCapture[11]).toMatchObject({ state: 'failed', face_count: 0 });
      // The last capture shows the same file as the third: its faces are the third's, copied, not recomputed.
      expect(perCapture[12]).toMatchObject({ state: 'done', face_count: 3 });
      const facesOf = (id: number) => db.prepare('SELECT box_x, embedding FROM faces WHERE capture_id = ? ORDER BY face_index').all(id);
      expect(facesOf(13)).toEqual(facesOf(3));
      expect((db.prepare('SELECT COUNT(*) AS n FROM faces').get() as { n: number }).n).toBe(15);

      const face = facesOfCapture(db, 1)[0]!;
      expect(face.thumbPath).toMatch(/^cache[/\\]faces[/\\]/u);
      expect(fs.statSync(path.join(caseDir, face.thumbPath!)).size).toBeGreaterThan(500);
      expect(face.landmarks).toHaveLength(5);

      expect(caseFaceModel(db)).toMatchObject({ engine: 'onnx', embeddingSize: 512 });
      expect(faceSummary(db)).toMatchObject({ capturesWithImage: 13, capturesAnalysed: 13, capturesFailed: 1, faces: 15, lastRun: { state: 'done' } });
      const embeddings = [...caseEmbeddings(db)];
      expect(embeddings).toHaveLength(15);
      expect(embeddings[0]!.embedding).toHaveLength(512);

      const actions = readAudit(db).map((e) => e.action);
      expect(actions.filter((a) => a === 'faces.analysis.start')).toHaveLength(3);
      expect(actions).toContain('faces.analysis.cancelled');
      expect(actions.filter((a) => a === 'faces.analysis.done')).toHaveLength(2);
      expect(verifyAuditChain(db)).toBeNull();
    } finally {
      db.close();
    }
    // The vault is evidence: analysis only reads it.
    expect(shas.map((sha) => sha256(vaultFile(caseDir, sha)))).toEqual(vaultBefore);
  });

  it('refuses to start with a model file that fails its checksum, and says so in the audit log', async () => {
    const modelRoot = path.join(root, 'models-copy');
    for (const file of Object.values(ONNX_MODELS)) {
      fs.mkdirSync(path.dirname(path.join(modelRoot, file.relPath)), { recursive: true });
      fs.copyFileSync(path.join(process.cwd(), file.relPath), path.join(modelRoot, file.relPath));
    }
    fs.appendFileSync(path.join(modelRoot, ONNX_MODELS.detector.relPath), Buffer.from([0]));
    await expect(analyzeCase(caseDir, { workers: 1, modelRoot })).rejects.toThrow(/fr_detect\.onnx has SHA-256 .* refusing to use it/u);
    const db = openCaseDb(caseDir);
    try {
      expect(readAudit(db).at(-1)!.action).toBe('faces.analysis.refused');
    } finally {
      db.close();
    }
  });

  it('refuses to add embeddings of another model to the case', async () => {
    await expect(analyzeCase(caseDir, { engine: 'tfjs', workers: 1 })).rejects.toThrow(FaceModelMismatchError);
    await expect(analyzeCase(caseDir, { engine: 'tfjs', workers: 1 })).rejects.toThrow(/embedded with onnx:fr_feature@.*cannot be compared/u);
  });
});
