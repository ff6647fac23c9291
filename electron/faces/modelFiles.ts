/**
 * Every model file the face engines load, with the SHA-256 it must have (the README's "Face models" table lists
 * the same values). A file is hashed before its first use in a process and refused on any mismatch, so a
 * swapped or corrupted model can never silently produce embeddings that end up in evidence.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { findRepoRoot } from '../sample/faces';

export interface ModelFile {
  /** Path relative to the repository (or install) root. */
  relPath: string;
  sha256: string;
}

export const ONNX_MODELS = {
  detector: { relPath: 'models/faceplugin/fr_detect.onnx', sha256: '6c0256ccd3164f844736a401faf936ec2930764a87ae39442180887d0c5c8854' },
  landmarks: { relPath: 'models/faceplugin/fr_landmark.onnx', sha256: 'f10b0ba1d2a8a099adefede1ebf3733e44fe370715e7303dbeb7f59c02142258' },
  recognition: { relPath: 'models/faceplugin/fr_feature.onnx', sha256: '87aacdfe57510db2af90c0251df680e8eec88f122ee94712121d09bcaaaf3581' },
} as const satisfies Record<string, ModelFile>;

const FACE_API_MODEL_DIR = 'node_modules/@vladmandic/face-api/model';
export const TFJS_MODELS = {
  detectorManifest: { relPath: `${FACE_API_MODEL_DIR}/ssd_mobilenetv1_model-weights_manifest.json`, sha256: '888f744dffbc84f5f060d1f8427d9742341943a2dfaaf9205d10029b7e7a2955' },
  detector: { relPath: `${FACE_API_MODEL_DIR}/ssd_mobilenetv1_model.bin`, sha256: '2835640602d53718aa6ae9a42896327eaa21beefed056c218d32ca7d79e1e2f8' },
  tinyDetectorManifest: { relPath: `${FACE_API_MODEL_DIR}/tiny_face_detector_model-weights_manifest.json`, sha256: '5d1af4849ac48d5b985f4a9b16010c512353ddd6fcc63d50fd0bc9e9e64296e5' },
  tinyDetector: { relPath: `${FACE_API_MODEL_DIR}/tiny_face_detector_model.bin`, sha256: 'b7503ce7df31039b1c43316a9b865cab6a70dd748cc602d3fa28b551503c3871' },
  landmarksManifest: { relPath: `${FACE_API_MODEL_DIR}/face_landmark_68_model-weights_manifest.json`, sha256: 'ca4886639f86e99b39fed0c155f81b63317225773bd9616716e887b0153389c9' },
  landmarks: { relPath: `${FACE_API_MODEL_DIR}/face_landmark_68_model.bin`, sha256: '4611ef65c87d836d03d684b30eec4d195d8b219fa1dd58fc58945831c6b9299b' },
  recognitionManifest: { relPath: `${FACE_API_MODEL_DIR}/face_recognition_model-weights_manifest.json`, sha256: 'cbaffa501b0b9275a12b63357a6843e7e30c054e1c9151e1a5f879b26e32986b' },
  recognition: { relPath: `${FACE_API_MODEL_DIR}/face_recognition_model.bin`, sha256: 'b413e420d6840b2775fba32008db6f3cddb07d485967fb42cfcf379c16a8c589' },
  wasmSimd: { relPath: 'node_modules/@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-simd.wasm', sha256: '77ebb28a6d34f371dbbf2086b7f2de8994acd8ea5a3cf1fa24d2c26c840cac7b' },
  wasm: { relPath: 'node_modules/@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm.wasm', sha256: '70a5d516060464e5269f01c74bac1772d6b8ab6cb612acf16b5cdaf61f78d892' },
} as const satisfies Record<string, ModelFile>;

export const FACE_API_MODEL_PATH = FACE_API_MODEL_DIR;

export class ModelChecksumError extends Error {
  constructor(readonly file: string, readonly expected: string, readonly actual: string) {
    super(`model file ${file} has SHA-256 ${actual}, expected ${expected}: refusing to use it (reinstall the package or restore the file from the repository)`);
    this.name = 'ModelChecksumError';
  }
}

export function modelRoot(): string {
  return process.env.FACEAUDIT_MODEL_ROOT ? path.resolve(process.env.FACEAUDIT_MODEL_ROOT) : findRepoRoot();
}

export function modelPath(file: ModelFile, root = modelRoot()): string {
  return path.join(root, file.relPath);
}

const verified = new Map<string, string>();

/** Reads the file, checks its SHA-256 and returns its bytes; throws ModelChecksumError on a mismatch. */
export function readVerifiedModel(file: ModelFile, root = modelRoot()): Buffer {
  const full = modelPath(file, root);
  if (!fs.existsSync(full)) throw new Error(`model file missing: ${full} (run "npm install" or restore ${file.relPath})`);
  const bytes = fs.readFileSync(full);
  const actual = crypto.createHash('sha256').update(bytes).digest('hex');
  if (actual !== file.sha256) throw new ModelChecksumError(full, file.sha256, actual);
  verified.set(full, actual);
  return bytes;
}

/** Checks a file without keeping its bytes (for files another library loads by path). */
export function verifyModelFile(file: ModelFile, root = modelRoot()): string {
  const full = modelPath(file, root);
  if (verified.get(full) === file.sha256) return full;
  readVerifiedModel(file, root);
  return full;
}
