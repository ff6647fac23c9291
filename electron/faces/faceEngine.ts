/**
 * The face engine contract: what every engine (onnx, tfjs) gives for one image. Engines differ in their models;
 * the embedding of one model is meaningless next to another's, so each result carries the model version.
 */
import type { FivePoints } from './alignFace';
import type { RgbImage } from './rgbImage';

export type EngineName = 'onnx' | 'tfjs';
export const ENGINE_NAMES: readonly EngineName[] = ['onnx', 'tfjs'];

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface FaceQuality {
  /** The detector's confidence, 0..1. */
  detectorScore: number;
  /** Face size in source pixels: the distance-based size (eye–mouth span) or box height, whichever is larger. */
  sizePx: number;
  /** Variance of the Laplacian of the aligned 112×112 face: below ~50 the face is blurred or very small. */
  blur: number;
  /** Rough head pose from the landmarks, degrees: yaw (left/right), pitch (up/down), roll (in-plane tilt). */
  yaw: number;
  pitch: number;
  roll: number;
  /** The embedding's norm before normalisation ("faceness" as the recognition model sees it): with the onnx
   * model clear upright faces give 3–4.5, faces upside down, badly aligned or not faces at all about 2. */
  embeddingNorm: number;
}

export interface DetectedFace {
  box: Box;
  /** The five alignment points in source image coordinates. */
  landmarks: FivePoints;
  quality: FaceQuality;
  /** L2-normalised embedding: compare with a dot product (cosine similarity). */
  embedding: Float32Array;
  /** The aligned face the embedding was computed from (for thumbnails and review). */
  aligned: RgbImage;
  /** Quarter turns clockwise the image needed before the face was found (a camera mounted sideways). */
  rotation: 0 | 1 | 2 | 3;
}

export interface ModelVersion {
  engine: EngineName;
  /** Stable identifier of the embedding model: embeddings are only ever compared within one modelId. */
  modelId: string;
  embeddingSize: number;
  /** Cosine similarity at or above which two faces are taken as the same person (from eval:faces on LFW). */
  sameThreshold: number;
  /** Human-readable description of every model file used, with checksums. */
  description: string;
  /**
   * Faces whose embedding norm is below this are not recognisable: on lfw-dev and the scene photos of
   * ../shared/faces they are detector false alarms (hands, hair, collars) or tiny, blurred background faces.
   * They are stored (with their quality) but later stages should leave them out. Undefined: no such rule.
   */
  minRecognisableNorm?: number;
}

export interface StageTimings {
  detectMs: number;
  landmarkMs: number;
  alignMs: number;
  embedMs: number;
}

export interface AnalyzeResult {
  faces: DetectedFace[];
  timings: StageTimings;
}

export interface FaceEngine {
  readonly version: ModelVersion;
  /** Finds every face, aligns it, scores its quality and embeds it. */
  analyze(image: RgbImage): Promise<AnalyzeResult>;
  dispose(): Promise<void>;
}

export function emptyTimings(): StageTimings {
  return { detectMs: 0, landmarkMs: 0, alignMs: 0, embedMs: 0 };
}

/** Whether a face is fit for recognition under its model's rule (see ModelVersion.minRecognisableNorm). */
export function isRecognisable(quality: FaceQuality, version: ModelVersion): boolean {
  return version.minRecognisableNorm === undefined || quality.embeddingNorm >= version.minRecognisableNorm;
}

/** Cosine similarity of two L2-normalised embeddings. */
export function cosineSimilarity(a: Float32Array, b: Float32Array): number {
  if (a.length !== b.length) throw new Error(`embeddings of different sizes (${a.length} and ${b.length}) cannot be compared`);
  let dot = 0;
  for (let i = 0; i < a.length; i++) dot += a[i]! * b[i]!;
  return dot;
}

export function l2Normalize(v: Float32Array): Float32Array {
  let sum = 0;
  for (let i = 0; i < v.length; i++) sum += v[i]! * v[i]!;
  const inv = sum > 0 ? 1 / Math.sqrt(sum) : 0;
  const out = new Float32Array(v.length);
  for (let i = 0; i < v.length; i++) out[i] = v[i]! * inv;
  return out;
}
