/**
 * The tfjs engine: @vladmandic/face-api (SSD MobileNet v1 detector, 68-point landmarks, the dlib-derived 128-d
 * ResNet descriptor) on TensorFlow.js. It uses @tensorflow/tfjs-node when that is installed, else the WASM
 * backend with its binaries read from node_modules (never a CDN), one thread per worker (WASM threads are
 * unavailable under Node: parallelism comes from the worker pool). Model weights are read from local files after
 * their checksums are verified, and handed to face-api as weight maps, so no fetch ever happens.
 *
 * Detection runs over the same padded/tiled windows as the onnx engine; face-api's own pipeline then gives
 * landmarks and a descriptor per face. Our five-point alignment gives the review crop and the quality figures.
 */
import { createRequire } from 'node:module';
import path from 'node:path';
import { alignToTemplate, type FivePoints, type Point } from './alignFace';
import { detectionWindows, touchesInnerEdge, DEFAULT_WINDOW_OPTIONS, type DetectionWindow } from './detectionWindows';
import { emptyTimings, l2Normalize, type AnalyzeResult, type DetectedFace, type FaceEngine, type ModelVersion } from './faceEngine';
import { faceQuality } from './faceQuality';
import { modelRoot, readVerifiedModel, TFJS_MODELS, verifyModelFile, type ModelFile } from './modelFiles';
import { nms } from './nms';
import { fivePointsFrom68 } from './onnxLandmarks';
import { windowToTensor } from './resample';
import { findFacesAnyRotation } from './rotationFallback';
import type { RgbImage } from './rgbImage';

export const TFJS_MODEL_VERSION: ModelVersion = {
  engine: 'tfjs',
  modelId: `tfjs:face-api-recognition@${TFJS_MODELS.recognition.sha256.slice(0, 12)}`,
  embeddingSize: 128,
  // eval:faces on lfw-dev (L2-normalised descriptors, cosine): equal error at 0.906, 0.1% false accepts at
  // 0.929; the stricter one is used, as for onnx.
  sameThreshold: 0.929,
  description: `@vladmandic/face-api 1.7.15 on tfjs 4.22; ssd_mobilenetv1 sha256:${TFJS_MODELS.detector.sha256}; face_landmark_68 sha256:${TFJS_MODELS.landmarks.sha256}; face_recognition sha256:${TFJS_MODELS.recognition.sha256}`,
};

/** SSD MobileNet (face-api's accurate detector, ~0.5 s per window on WASM) or the Tiny detector (~10× faster). */
export type TfjsDetector = 'ssd' | 'tiny';
const INPUT: Record<TfjsDetector, { width: number; height: number }> = { ssd: { width: 512, height: 512 }, tiny: { width: 416, height: 416 } };
// The Tiny detector misses faces that fill its input: with a margin of one image size on each side it found 79 of
// 80 crops (faceapi_bbt and lfw-dev), with 0.25 only 17 of 23.
const PAD_RATIO: Record<TfjsDetector, number> = { ssd: 0.25, tiny: 1.0 };

/* Minimal shapes of the face-api objects used here (its bundled typings pull in a second copy of tfjs's). */
interface TfTensor { dispose(): void }
interface Tf {
  tensor3d(values: Float32Array, shape: [number, number, number], dtype: 'float32'): TfTensor;
  setBackend(name: string): Promise<boolean>;
  ready(): Promise<void>;
  getBackend(): string;
  io: { decodeWeights(buffer: ArrayBuffer, specs: unknown[]): Record<string, TfTensor> };
}
interface FaceApiResult {
  detection: { score: number; box: { x: number; y: number; width: number; height: number } };
  landmarks: { positions: Array<{ x: number; y: number }> };
  descriptor: Float32Array;
}
interface FaceApi {
  tf: Tf;
  nets: Record<'ssdMobilenetv1' | 'tinyFaceDetector' | 'faceLandmark68Net' | 'faceRecognitionNet', { loadFromWeightMap(map: Record<string, TfTensor>): void }>;
  SsdMobilenetv1Options: new (o: { minConfidence: number; maxResults: number }) => unknown;
  TinyFaceDetectorOptions: new (o: { inputSize: number; scoreThreshold: number }) => unknown;
  detectAllFaces(input: TfTensor, options: unknown): { withFaceLandmarks(): { withFaceDescriptors(): Promise<FaceApiResult[]> } };
}

let loaded: Promise<FaceApi> | undefined;

/** Loads tfjs, picks the backend and loads the three nets once per thread. */
function loadFaceApi(root: string): Promise<FaceApi> {
  loaded ??= (async () => {
    const req = createRequire(path.join(root, 'package.json'));
    let faceapi: FaceApi;
    if (hasModule(req, '@tensorflow/tfjs-node')) {
      faceapi = req('@vladmandic/face-api') as FaceApi;
    } else {
      // Both binaries the backend may choose are checked; the directory is handed over as a local path prefix.
      verifyModelFile(TFJS_MODELS.wasm, root);
      const simd = verifyModelFile(TFJS_MODELS.wasmSimd, root);
      const wasm = req('@tensorflow/tfjs-backend-wasm') as { setWasmPaths(prefix: string): void; setThreadsCount(n: number): void };
      wasm.setWasmPaths(path.dirname(simd) + path.sep);
      wasm.setThreadsCount(1);
      faceapi = req('@vladmandic/face-api/dist/face-api.node-wasm.js') as FaceApi;
      await faceapi.tf.setBackend('wasm');
    }
    await faceapi.tf.ready();
    faceapi.nets.ssdMobilenetv1.loadFromWeightMap(weightMap(faceapi.tf, TFJS_MODELS.detectorManifest, TFJS_MODELS.detector, root));
    faceapi.nets.tinyFaceDetector.loadFromWeightMap(weightMap(faceapi.tf, TFJS_MODELS.tinyDetectorManifest, TFJS_MODELS.tinyDetector, root));
    faceapi.nets.faceLandmark68Net.loadFromWeightMap(weightMap(faceapi.tf, TFJS_MODELS.landmarksManifest, TFJS_MODELS.landmarks, root));
    faceapi.nets.faceRecognitionNet.loadFromWeightMap(weightMap(faceapi.tf, TFJS_MODELS.recognitionManifest, TFJS_MODELS.recognition, root));
    return faceapi;
  })();
  return loaded;
}

function hasModule(req: NodeJS.Require, name: string): boolean {
  try {
    req.resolve(name);
    return true;
  } catch {
    return false;
  }
}

function weightMap(tf: Tf, manifestFile: ModelFile, binFile: ModelFile, root: string): Record<string, TfTensor> {
  const manifest = JSON.parse(readVerifiedModel(manifestFile, root).toString('utf8')) as Array<{ weights: unknown[] }>;
  const bin = readVerifiedModel(binFile, root);
  const buffer = bin.buffer.slice(bin.byteOffset, bin.byteOffset + bin.length) as ArrayBuffer;
  return tf.io.decodeWeights(buffer, manifest.flatMap((group) => group.weights));
}

export interface TfjsEngineOptions {
  detector?: TfjsDetector;
  minScore?: number;
  tryRotations?: boolean;
  modelRoot?: string;
}

export const DEFAULT_TFJS_DETECTOR: TfjsDetector = 'tiny';

export class TfjsFaceEngine implements FaceEngine {
  readonly version = TFJS_MODEL_VERSION;

  private constructor(private readonly faceapi: FaceApi, private readonly options: TfjsEngineOptions) {}

  static async create(options: TfjsEngineOptions = {}): Promise<TfjsFaceEngine> {
    return new TfjsFaceEngine(await loadFaceApi(options.modelRoot ?? modelRoot()), options);
  }

  get backend(): string {
    return this.faceapi.tf.getBackend();
  }

  async analyze(image: RgbImage): Promise<AnalyzeResult> {
    const timings = emptyTimings();
    const faces = await findFacesAnyRotation(image, this.options.tryRotations ?? true, async (img) => {
      const t = performance.now();
      const found = await this.analyzeUpright(img);
      // face-api runs detection, landmarks and descriptor in one call: its time is reported as detection + embed.
      timings.detectMs += performance.now() - t;
      return found;
    });
    return { faces, timings };
  }

  private async analyzeUpright(image: RgbImage): Promise<DetectedFace[]> {
    const candidates: Array<DetectedFace & { score: number; x: number; y: number; width: number; height: number }> = [];
    const detector = this.options.detector ?? DEFAULT_TFJS_DETECTOR;
    const input = INPUT[detector];
    const options = detector === 'ssd'
      ? new this.faceapi.SsdMobilenetv1Options({ minConfidence: this.options.minScore ?? 0.5, maxResults: 100 })
      : new this.faceapi.TinyFaceDetectorOptions({ inputSize: input.width, scoreThreshold: this.options.minScore ?? 0.5 });
    for (const win of detectionWindows(image.width, image.height, input, { ...DEFAULT_WINDOW_OPTIONS, padRatio: PAD_RATIO[detector] })) {
      const tensor = this.faceapi.tf.tensor3d(windowHwc(image, win, input), [input.height, input.width, 3], 'float32');
      let results: FaceApiResult[];
      try {
        results = await this.faceapi.detectAllFaces(tensor, options).withFaceLandmarks().withFaceDescriptors();
      } finally {
        tensor.dispose();
      }
      for (const r of results) {
        const toSource = ({ x, y }: { x: number; y: number }): Point => [win.x + x / win.scale, win.y + y / win.scale];
        const b = r.detection.box;
        const [x, y] = toSource(b);
        const box = { x, y, width: b.width / win.scale, height: b.height / win.scale };
        if (touchesInnerEdge(box, win)) continue;
        const landmarks: FivePoints = fivePointsFrom68(r.landmarks.positions.map(toSource));
        const aligned = alignToTemplate(image, landmarks);
        candidates.push({
          ...box, score: r.detection.score, box, landmarks, aligned, rotation: 0,
          quality: faceQuality(r.detection.score, landmarks, box.height, aligned, norm(r.descriptor)),
          embedding: l2Normalize(r.descriptor),
        });
      }
    }
    return nms(candidates, 0.4).map(({ box, landmarks, quality, embedding, aligned, rotation }) => ({ box, landmarks, quality, embedding, aligned, rotation }));
  }

  async dispose(): Promise<void> {
    // The nets are shared by every engine in this thread and live as long as it does.
  }
}

function norm(v: Float32Array): number {
  let sum = 0;
  for (let i = 0; i < v.length; i++) sum += v[i]! * v[i]!;
  return Math.sqrt(sum);
}

function windowHwc(image: RgbImage, win: DetectionWindow, input: { width: number; height: number }): Float32Array {
  const planar = windowToTensor(image, win, { width: input.width, height: input.height, mean: 0, std: 1, fill: 127 });
  const plane = input.width * input.height;
  const hwc = new Float32Array(plane * 3);
  for (let i = 0; i < plane; i++) {
    hwc[i * 3] = planar[i]!;
    hwc[i * 3 + 1] = planar[plane + i]!;
    hwc[i * 3 + 2] = planar[2 * plane + i]!;
  }
  return hwc;
}
