/**
 * A case's faces as the clustering needs them: one model's embeddings in one Float32Array, with each face's capture,
 * camera, time and quality. Streamed from SQLite row by row (124,200 faces are ~250 MB of embeddings).
 */
import type { CaseDb } from '../store/caseDb';
import { caseFaceModel } from '../faces/faceStore';
import type { ClusterFace } from './clusterFaces';
import { aboveFloor, defaultQualityFloor, type FaceQualityRow, type QualityFloor } from './qualityFloor';

export interface CaseFaces {
  modelId: string;
  dims: number;
  sameThreshold: number;
  floor: QualityFloor;
  /**
   * Faces other than the largest in the image of a platform record (a row of a record sheet): set aside like faces
   * below the quality floor, so a bystander at the edge of someone's crop does not become a person of the case
   * unless they clearly are someone already seen. Faces of images and video frames without a record all count.
   */
  bystanders: number;
  faceIds: Int32Array;
  faces: ClusterFace[];
  embeddings: Float32Array;
  /** Face id → index in the arrays. */
  indexOf: Map<number, number>;
}

export function loadCaseFaces(db: CaseDb): CaseFaces | null {
  const model = caseFaceModel(db);
  if (!model) return null;
  const floor = defaultQualityFloor(model.minRecognisableNorm);
  const dims = model.embeddingSize;
  const count = (db.prepare('SELECT COUNT(*) AS n FROM faces WHERE model_id = ?').get(model.modelId) as { n: number }).n;
  const embeddings = new Float32Array(count * dims);
  const faceIds = new Int32Array(count);
  const faces: ClusterFace[] = [];
  const indexOf = new Map<number, number>();
  const rows = db
    .prepare(
      `SELECT f.id, f.capture_id, f.det_score, f.size_px, f.yaw, f.pitch, f.embedding_norm, f.embedding,
              c.camera_id, c.captured_ms, c.time_source,
              -- A platform's capture record is about one person: in its image the largest face is that person,
              -- any other face a bystander caught at the edge of the crop.
              (c.sheet_path IS NOT NULL AND EXISTS (
                 SELECT 1 FROM faces g WHERE g.capture_id = f.capture_id AND g.model_id = f.model_id
                    AND (g.size_px > f.size_px OR (g.size_px = f.size_px AND g.face_index < f.face_index)))) AS bystander
         FROM faces f JOIN captures c ON c.id = f.capture_id
        WHERE f.model_id = ? ORDER BY f.id`,
    )
    .iterate(model.modelId) as IterableIterator<FaceQualityRow & { id: number; capture_id: number; embedding: Buffer; camera_id: string; captured_ms: number; time_source: string; bystander: number }>;
  let i = 0;
  let bystanders = 0;
  for (const row of rows) {
    if (i >= count) break; // faces added while reading belong to the next run
    // Copied byte-wise: SQLite's buffers need not be 4-byte aligned for a Float32Array view.
    new Uint8Array(embeddings.buffer, embeddings.byteOffset + i * dims * 4, dims * 4).set(row.embedding.subarray(0, dims * 4));
    faceIds[i] = row.id;
    indexOf.set(row.id, i);
    if (row.bystander) bystanders++;
    faces.push({ captureId: row.capture_id, cameraId: row.camera_id, capturedMs: row.captured_ms, timeRecorded: row.time_source !== 'file-time', eligible: !row.bystander && aboveFloor(row, floor) });
    i++;
  }
  return { modelId: model.modelId, dims, sameThreshold: model.sameThreshold, floor, bystanders, faceIds: faceIds.subarray(0, i), faces, embeddings: embeddings.subarray(0, i * dims), indexOf };
}
