/**
 * Which faces may create or bridge a person. A face below the floor can still join a person it clearly matches
 * (clusterFaces' attach step), but a blurred, tiny or side-on face is where chance resemblances come from, so it
 * never decides who is the same as whom.
 *
 * The model's own recognisability rule comes first (the embedding norm, calibrated with the model in the face
 * engine issue); the others are wide margins on the detector's score, the face's size and its pose.
 */
export interface FaceQualityRow {
  det_score: number;
  size_px: number;
  yaw: number;
  pitch: number;
  embedding_norm: number;
}

export interface QualityFloor {
  minEmbeddingNorm: number | null;
  minDetScore: number;
  minSizePx: number;
  maxYaw: number;
  maxPitch: number;
}

export function defaultQualityFloor(minEmbeddingNorm: number | null): QualityFloor {
  return { minEmbeddingNorm, minDetScore: 0.5, minSizePx: 24, maxYaw: 60, maxPitch: 45 };
}

export function aboveFloor(face: FaceQualityRow, floor: QualityFloor): boolean {
  return (floor.minEmbeddingNorm === null || face.embedding_norm >= floor.minEmbeddingNorm)
    && face.det_score >= floor.minDetScore
    && face.size_px >= floor.minSizePx
    && Math.abs(face.yaw) <= floor.maxYaw
    && Math.abs(face.pitch) <= floor.maxPitch;
}
