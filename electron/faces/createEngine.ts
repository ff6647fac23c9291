/** An engine by name, and the model version each name stands for (known without loading anything). */
import type { EngineName, FaceEngine, ModelVersion } from './faceEngine';
import { OnnxFaceEngine, ONNX_MODEL_VERSION } from './onnxEngine';
import { TfjsFaceEngine, TFJS_MODEL_VERSION } from './tfjsEngine';

export const DEFAULT_ENGINE: EngineName = 'onnx';

export function modelVersionOf(engine: EngineName): ModelVersion {
  return engine === 'onnx' ? ONNX_MODEL_VERSION : TFJS_MODEL_VERSION;
}

export function createEngine(engine: EngineName, options: { modelRoot?: string } = {}): Promise<FaceEngine> {
  return engine === 'onnx' ? OnnxFaceEngine.create(options) : TfjsFaceEngine.create(options);
}
