/**
 * The default engine: onnxruntime-node on the CPU with the three vendored ONNX models (detector, 68-point
 * landmarks, 512-d recognition), five-point alignment to the ArcFace template in between.
 */
import { alignToTemplate } from './alignFace';
import { emptyTimings, l2Normalize, type AnalyzeResult, type DetectedFace, type FaceEngine, type ModelVersion } from './faceEngine';
import { faceQuality } from './faceQuality';
import { ONNX_MODELS } from './modelFiles';
import { DEFAULT_DETECTOR_OPTIONS, detectBoxes, type DetectorOptions } from './onnxDetector';
import { decomposePRelu } from './onnxGraph';
import { fivePointsFrom68, predictLandmarks68 } from './onnxLandmarks';
import { openSessions, runSingle, type Session } from './onnxSessions';
import { findFacesAnyRotation } from './rotationFallback';
import type { RgbImage } from './rgbImage';

export const ONNX_MODEL_VERSION: ModelVersion = {
  engine: 'onnx',
  modelId: `onnx:fr_feature@${ONNX_MODELS.recognition.sha256.slice(0, 12)}`,
  embeddingSize: 512,
  // eval:faces on lfw-dev (170,724 genuine and as many impostor pairs): equal error at 0.319, 0.1% false accepts
  // at 0.344. The stricter one is used: deduplication should rather split a person than merge two.
  sameThreshold: 0.344,
  // Measured on the scene photos of ../shared/faces: false alarms 1.5–2.2, clear faces 3.0–4.5.
  minRecognisableNorm: 2.3,
  description: `onnxruntime-node; detector ${ONNX_MODELS.detector.relPath} sha256:${ONNX_MODELS.detector.sha256}; landmarks ${ONNX_MODELS.landmarks.relPath} sha256:${ONNX_MODELS.landmarks.sha256}; recognition ${ONNX_MODELS.recognition.relPath} sha256:${ONNX_MODELS.recognition.sha256}`,
};

/**
 * Embedding norm above which the largest face is taken as upright without trying other turns. Measured on 50
 * lfw-dev photos: upright 3.1–4.5, the same photos upside down 1.9–2.8; on 600 lfw-dev photos 3% of upright
 * faces fall below 2.85 and pay for one more pass.
 */
const UPRIGHT_NORM = 2.85;

export interface OnnxEngineOptions {
  detector?: Partial<DetectorOptions>;
  /** Try the image turned by 90°, 180° and 270° when no face is found upright. */
  tryRotations?: boolean;
  /** Directory holding models/ (defaults to the repository root). */
  modelRoot?: string;
  /**
   * Run the recognition model's PRelus as Mul/Relu/Mul/Add (onnxGraph.ts): the same function, half the time.
   * Default true; false runs the graph exactly as shipped (for comparing the two).
   */
  decomposePRelu?: boolean;
}

export class OnnxFaceEngine implements FaceEngine {
  readonly version = ONNX_MODEL_VERSION;
  private readonly detectorOptions: DetectorOptions;

  private constructor(private readonly detector: Session, private readonly landmarks: Session, private readonly recognition: Session, private readonly options: OnnxEngineOptions) {
    this.detectorOptions = { ...DEFAULT_DETECTOR_OPTIONS, ...options.detector };
  }

  static async create(options: OnnxEngineOptions = {}): Promise<OnnxFaceEngine> {
    const rewrites = options.decomposePRelu === false ? {} : { recognition: (model: Uint8Array) => decomposePRelu(model).model };
    const { detector, landmarks, recognition } = await openSessions(ONNX_MODELS, options.modelRoot, rewrites);
    return new OnnxFaceEngine(detector, landmarks, recognition, options);
  }

  async analyze(image: RgbImage): Promise<AnalyzeResult> {
    const timings = emptyTimings();
    const faces = await findFacesAnyRotation(image, this.options.tryRotations ?? true, (img) => this.analyzeUpright(img, timings), UPRIGHT_NORM);
    return { faces, timings };
  }

  private async analyzeUpright(image: RgbImage, timings: AnalyzeResult['timings']): Promise<DetectedFace[]> {
    let t = performance.now();
    const boxes = await detectBoxes(this.detector, image, this.detectorOptions);
    timings.detectMs += performance.now() - t;
    const faces: DetectedFace[] = [];
    for (const box of boxes) {
      t = performance.now();
      const landmarks = fivePointsFrom68(await predictLandmarks68(this.landmarks, image, box));
      timings.landmarkMs += performance.now() - t;
      t = performance.now();
      const aligned = alignToTemplate(image, landmarks);
      timings.alignMs += performance.now() - t;
      t = performance.now();
      const { embedding, norm } = await this.embedWithNorm(aligned);
      timings.embedMs += performance.now() - t;
      const quality = faceQuality(box.score, landmarks, box.height, aligned, norm);
      faces.push({ box: { x: box.x, y: box.y, width: box.width, height: box.height }, landmarks, quality, embedding, aligned, rotation: 0 });
    }
    return faces;
  }

  /** The 512-d embedding of an aligned 112×112 face, L2-normalised. */
  async embed(aligned: RgbImage): Promise<Float32Array> {
    return (await this.embedWithNorm(aligned)).embedding;
  }

  /** The embedding and the norm it had before normalisation (larger for clear, upright, frontal faces). */
  async embedWithNorm(aligned: RgbImage): Promise<{ embedding: Float32Array; norm: number }> {
    const plane = 112 * 112;
    const input = new Float32Array(3 * plane);
    const d = aligned.data;
    // Channels in B, G, R order, as OpenCV-trained models expect (the vendor's JS feeds RGB). On 2,005 lfw-dev
    // photos (2,866 genuine pairs) BGR gave an equal error rate of 0.52% against 0.76% for RGB; on all of lfw-dev
    // the two are within noise of each other (0.19% and 0.18%).
    for (let i = 0; i < plane; i++) {
      input[i] = (d[i * 3 + 2]! - 127.5) / 128;
      input[plane + i] = (d[i * 3 + 1]! - 127.5) / 128;
      input[2 * plane + i] = (d[i * 3]! - 127.5) / 128;
    }
    const out = (await runSingle(this.recognition, input, [1, 3, 112, 112]))['output']!;
    let sum = 0;
    for (let i = 0; i < out.length; i++) sum += out[i]! * out[i]!;
    return { embedding: l2Normalize(out), norm: Math.sqrt(sum) };
  }

  async dispose(): Promise<void> {
    await Promise.all([this.detector.release(), this.landmarks.release(), this.recognition.release()]);
  }
}
