/**
 * The face tables of a case database (migration 003): the case's embedding model, runs, per-capture progress,
 * faces. Reads for the UI and for deduplication live here too, so embedding bytes are decoded in one place.
 */
import type { CaseDb } from '../store/caseDb';
import type { FaceRecord } from './analyzeImageFile';
import type { ModelVersion } from './faceEngine';

export class FaceModelMismatchError extends Error {
  constructor(readonly caseModel: { engine: string; modelId: string }, readonly requested: { engine: string; modelId: string }) {
    super(`this case's faces were embedded with ${caseModel.modelId} (engine ${caseModel.engine}); ${requested.modelId} (engine ${requested.engine}) produces embeddings that cannot be compared with them. Analyse with --engine ${caseModel.engine}, or analyse into a new case.`);
    this.name = 'FaceModelMismatchError';
  }
}

export interface CaseFaceModel {
  engine: string;
  modelId: string;
  embeddingSize: number;
  sameThreshold: number;
  minRecognisableNorm: number | null;
  description: string;
  chosenAt: string;
}

export function caseFaceModel(db: CaseDb): CaseFaceModel | undefined {
  const row = db.prepare('SELECT * FROM face_model WHERE id = 1').get() as
    { engine: string; model_id: string; embedding_size: number; same_threshold: number; min_recognisable_norm: number | null; description: string; chosen_at: string } | undefined;
  return row && { engine: row.engine, modelId: row.model_id, embeddingSize: row.embedding_size, sameThreshold: row.same_threshold, minRecognisableNorm: row.min_recognisable_norm, description: row.description, chosenAt: row.chosen_at };
}

/** Throws FaceModelMismatchError when the case already holds another model's embeddings. */
export function assertFaceModelCompatible(db: CaseDb, version: ModelVersion): void {
  const existing = caseFaceModel(db);
  if (existing && existing.modelId !== version.modelId) throw new FaceModelMismatchError(existing, version);
}

/** Records the model on first use; refuses any other model afterwards. */
export function claimFaceModel(db: CaseDb, version: ModelVersion): void {
  assertFaceModelCompatible(db, version);
  if (caseFaceModel(db)) return;
  db.prepare('INSERT INTO face_model (id, engine, model_id, embedding_size, same_threshold, min_recognisable_norm, description, chosen_at) VALUES (1, ?, ?, ?, ?, ?, ?, ?)')
    .run(version.engine, version.modelId, version.embeddingSize, version.sameThreshold, version.minRecognisableNorm ?? null, version.description, new Date().toISOString());
}

export interface PendingCapture {
  captureId: number;
  sourceSha256: string;
  sourceKind: 'image' | 'scene';
}

const PENDING_SQL = `
  SELECT c.id AS captureId,
         COALESCE(c.image_sha256, c.scene_sha256) AS sourceSha256,
         CASE WHEN c.image_sha256 IS NOT NULL THEN 'image' ELSE 'scene' END AS sourceKind
  FROM captures c
  WHERE c.id > ? AND COALESCE(c.image_sha256, c.scene_sha256) IS NOT NULL
    AND NOT EXISTS (SELECT 1 FROM face_analysis a WHERE a.capture_id = c.id)
  ORDER BY c.id LIMIT ?`;

/**
 * Captures still to analyse, read in pages by id (keyset), so a case of any size streams through in constant
 * memory and the connection stays free for writing results between pages.
 */
export function* pendingCaptures(db: CaseDb, pageSize = 512): Generator<PendingCapture> {
  const stmt = db.prepare(PENDING_SQL);
  let after = 0;
  for (;;) {
    const page = stmt.all(after, pageSize) as PendingCapture[];
    if (page.length === 0) return;
    yield* page;
    after = page[page.length - 1]!.captureId;
  }
}

export function countAnalysis(db: CaseDb): { withImage: number; finished: number } {
  const withImage = (db.prepare('SELECT COUNT(*) AS n FROM captures WHERE COALESCE(image_sha256, scene_sha256) IS NOT NULL').get() as { n: number }).n;
  const finished = (db.prepare('SELECT COUNT(*) AS n FROM face_analysis').get() as { n: number }).n;
  return { withImage, finished };
}

export function startRun(db: CaseDb, version: ModelVersion, workers: number, params: unknown): number {
  return Number(db.prepare('INSERT INTO face_runs (engine, model_id, workers, params, state, started_at) VALUES (?, ?, ?, ?, ?, ?)')
    .run(version.engine, version.modelId, workers, JSON.stringify(params), 'running', new Date().toISOString()).lastInsertRowid);
}

export function finishRun(db: CaseDb, runId: number, state: 'done' | 'failed' | 'cancelled', counts: { capturesDone: number; facesFound: number; capturesFailed: number }, error?: string): void {
  db.prepare('UPDATE face_runs SET state = ?, finished_at = ?, captures_done = ?, faces_found = ?, captures_failed = ?, error = ? WHERE id = ?')
    .run(state, new Date().toISOString(), counts.capturesDone, counts.facesFound, counts.capturesFailed, error ?? null, runId);
}

export interface CaptureOutcome {
  capture: PendingCapture;
  ok: boolean;
  error?: string;
  faces: FaceRecord[];
}

/** Writes a batch of finished captures in one transaction: the faces and the progress marker together. */
export function saveOutcomes(db: CaseDb, runId: number, modelId: string, outcomes: readonly CaptureOutcome[]): void {
  const insertFace = db.prepare(`INSERT OR REPLACE INTO faces (capture_id, face_index, source_sha256, model_id, box_x, box_y, box_w, box_h, landmarks,
    rotation, det_score, size_px, blur, yaw, pitch, roll, embedding_norm, embedding, thumb_path) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
  const mark = db.prepare(`INSERT OR REPLACE INTO face_analysis (capture_id, source_sha256, source_kind, model_id, run_id, state, face_count, error, analyzed_at)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`);
  const now = new Date().toISOString();
  db.transaction(() => {
    for (const { capture, ok, error, faces } of outcomes) {
      faces.forEach((f, i) => {
        const q = f.quality;
        insertFace.run(capture.captureId, i, capture.sourceSha256, modelId, f.box.x, f.box.y, f.box.width, f.box.height, JSON.stringify(f.landmarks.map(([x, y]) => [round2(x), round2(y)])),
          f.rotation, q.detectorScore, q.sizePx, q.blur, q.yaw, q.pitch, q.roll, q.embeddingNorm, embeddingToBlob(f.embedding), f.thumbPath);
      });
      mark.run(capture.captureId, capture.sourceSha256, capture.sourceKind, modelId, runId, ok ? 'done' : 'failed', faces.length, error ?? null, now);
    }
  })();
}

/**
 * The same image can stand behind several captures (a platform that exported one crop twice, a scene shared by
 * two crops). When another capture's analysis of the very same bytes under the same model is already stored,
 * its faces are copied instead of computed again. Returns the number of faces copied, or null when there is
 * nothing to copy from.
 */
export function copyFromSameSource(db: CaseDb, runId: number, modelId: string, capture: PendingCapture): number | null {
  const donor = db.prepare(`SELECT capture_id, state, face_count, error FROM face_analysis
    WHERE source_sha256 = ? AND model_id = ? ORDER BY capture_id LIMIT 1`).get(capture.sourceSha256, modelId) as
    { capture_id: number; state: string; face_count: number; error: string | null } | undefined;
  if (!donor) return null;
  db.transaction(() => {
    db.prepare(`INSERT OR REPLACE INTO faces (capture_id, face_index, source_sha256, model_id, box_x, box_y, box_w, box_h, landmarks, rotation,
        det_score, size_px, blur, yaw, pitch, roll, embedding_norm, embedding, thumb_path)
      SELECT ?, face_index, source_sha256, model_id, box_x, box_y, box_w, box_h, landmarks, rotation,
        det_score, size_px, blur, yaw, pitch, roll, embedding_norm, embedding, thumb_path
      FROM faces WHERE capture_id = ? AND model_id = ?`).run(capture.captureId, donor.capture_id, modelId);
    db.prepare(`INSERT OR REPLACE INTO face_analysis (capture_id, source_sha256, source_kind, model_id, run_id, state, face_count, error, analyzed_at)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`).run(capture.captureId, capture.sourceSha256, capture.sourceKind, modelId, runId, donor.state, donor.face_count, donor.error, new Date().toISOString());
  })();
  return donor.face_count;
}

function round2(v: number): number {
  return Math.round(v * 100) / 100;
}

export function embeddingToBlob(embedding: Float32Array): Buffer {
  return Buffer.from(embedding.buffer, embedding.byteOffset, embedding.byteLength);
}

export function blobToEmbedding(blob: Buffer): Float32Array {
  // Copied: a Buffer from SQLite may not be 4-byte aligned.
  const copy = new Uint8Array(blob);
  return new Float32Array(copy.buffer, 0, copy.byteLength / 4);
}

export interface StoredFace {
  id: number;
  captureId: number;
  faceIndex: number;
  modelId: string;
  box: { x: number; y: number; width: number; height: number };
  landmarks: Array<[number, number]>;
  quality: { detectorScore: number; sizePx: number; blur: number; yaw: number; pitch: number; roll: number; embeddingNorm: number };
  rotation: number;
  thumbPath: string | null;
}

interface FaceRow {
  id: number; capture_id: number; face_index: number; model_id: string; box_x: number; box_y: number; box_w: number; box_h: number;
  landmarks: string; rotation: number; det_score: number; size_px: number; blur: number; yaw: number; pitch: number; roll: number; embedding_norm: number;
  thumb_path: string | null; embedding?: Buffer;
}

function toStoredFace(r: FaceRow): StoredFace {
  return {
    id: r.id, captureId: r.capture_id, faceIndex: r.face_index, modelId: r.model_id,
    box: { x: r.box_x, y: r.box_y, width: r.box_w, height: r.box_h },
    landmarks: JSON.parse(r.landmarks) as Array<[number, number]>,
    quality: { detectorScore: r.det_score, sizePx: r.size_px, blur: r.blur, yaw: r.yaw, pitch: r.pitch, roll: r.roll, embeddingNorm: r.embedding_norm },
    rotation: r.rotation, thumbPath: r.thumb_path,
  };
}

/** The faces of one capture (for the capture detail view). */
export function facesOfCapture(db: CaseDb, captureId: number): StoredFace[] {
  const rows = db.prepare('SELECT * FROM faces WHERE capture_id = ? ORDER BY face_index').all(captureId) as FaceRow[];
  return rows.map(toStoredFace);
}

/**
 * Every embedding of the case's model, streamed (for deduplication). Only the case's recorded model is ever
 * returned: rows of any other model (which claimFaceModel prevents) would be refused here too.
 */
export function* caseEmbeddings(db: CaseDb): Generator<{ faceId: number; captureId: number; embedding: Float32Array; quality: StoredFace['quality'] }> {
  const model = caseFaceModel(db);
  if (!model) return;
  const stmt = db.prepare('SELECT id, capture_id, embedding, det_score, size_px, blur, yaw, pitch, roll, embedding_norm FROM faces WHERE model_id = ? AND id > ? ORDER BY id LIMIT 2048');
  let after = 0;
  for (;;) {
    const rows = stmt.all(model.modelId, after) as FaceRow[];
    if (rows.length === 0) return;
    for (const r of rows) {
      yield { faceId: r.id, captureId: r.capture_id, embedding: blobToEmbedding(r.embedding!), quality: { detectorScore: r.det_score, sizePx: r.size_px, blur: r.blur, yaw: r.yaw, pitch: r.pitch, roll: r.roll, embeddingNorm: r.embedding_norm } };
    }
    after = rows[rows.length - 1]!.id;
  }
}

export interface FaceSummary {
  model: CaseFaceModel | null;
  /** Captures with an image, analysed (done or failed), failed (unreadable image). */
  capturesWithImage: number;
  capturesAnalysed: number;
  capturesFailed: number;
  faces: number;
  /** Faces above the model's recognisability rule (see ModelVersion.minRecognisableNorm). */
  recognisableFaces: number;
  lastRun: { id: number; state: string; startedAt: string; finishedAt: string | null; engine: string } | null;
}

/** What the case's face analysis stands at (for the case overview and the analysis panel). */
export function faceSummary(db: CaseDb): FaceSummary {
  const model = caseFaceModel(db) ?? null;
  const { withImage, finished } = countAnalysis(db);
  const failed = (db.prepare("SELECT COUNT(*) AS n FROM face_analysis WHERE state = 'failed'").get() as { n: number }).n;
  const faces = (db.prepare('SELECT COUNT(*) AS n FROM faces').get() as { n: number }).n;
  const recognisable = (db.prepare('SELECT COUNT(*) AS n FROM faces WHERE embedding_norm >= ?').get(model?.minRecognisableNorm ?? -1) as { n: number }).n;
  const run = db.prepare('SELECT id, state, started_at, finished_at, engine FROM face_runs ORDER BY id DESC LIMIT 1').get() as
    { id: number; state: string; started_at: string; finished_at: string | null; engine: string } | undefined;
  return {
    model, capturesWithImage: withImage, capturesAnalysed: finished, capturesFailed: failed, faces, recognisableFaces: recognisable,
    lastRun: run ? { id: run.id, state: run.state, startedAt: run.started_at, finishedAt: run.finished_at, engine: run.engine } : null,
  };
}
