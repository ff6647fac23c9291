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
              f.face_index, c.camera_id, c.captured_ms, c.time_source, c.sheet_path IS NOT NULL AS from_record
         FROM faces f JOIN captures c ON c.id = f.capture_id
        WHERE f.model_id = ? ORDER BY f.id`,
    )
    .iterate(model.modelId) as IterableIterator<FaceQualityRow & { id: number; capture_id: number; embedding: Buffer; camera_id: string; captured_ms: number; time_source: string; face_index: number; from_record: number }>;
  let i = 0;
  // A platform's capture record is about one person: in its image the largest face is that person, any other
  // face a bystander caught at the edge of the crop.
  const principal = new Map<number, { at: number; size: number; faceIndex: number }>();
  const recordFaces: number[] = [];
  for (const row of rows) {
    if (i >= count) break; // faces added while reading belong to the next run
    // Copied byte-wise: SQLite's buffers need not be 4-byte aligned for a Float32Array view.
    new Uint8Array(embeddings.buffer, embeddings.byteOffset + i * dims * 4, dims * 4).set(row.embedding.subarray(0, dims * 4));
    faceIds[i] = row.id;
    indexOf.set(row.id, i);
    faces.push({ captureId: row.capture_id, cameraId: row.camera_id, capturedMs: row.captured_ms, timeRecorded: row.time_source !== 'file-time', eligible: aboveFloor(row, floor) });
    if (row.from_record) {
      const best = principal.get(row.capture_id);
      if (!best || row.size_px > best.size || (row.size_px === best.size && row.face_index < best.faceIndex)) principal.set(row.capture_id, { at: i, size: row.size_px, faceIndex: row.face_index });
      recordFaces.push(i);
    }
    i++;
  }
  let bystanders = 0;
  for (const at of recordFaces) {
    if (principal.get(faces[at]!.captureId)!.at === at) continue;
    faces[at]!.eligible = false;
    bystanders++;
  }
  return { modelId: model.modelId, dims, sameThreshold: model.sameThreshold, floor, bystanders, faceIds: faceIds.subarray(0, i), faces, embeddings: embeddings.subarray(0, i * dims), indexOf };
}
