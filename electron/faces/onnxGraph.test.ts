/**
 * The PRelu rewrite on the real recognition model: it replaces every PRelu, and the rewritten network embeds
 * real faces as the shipped one does (to float rounding), so embeddings made before and after stay comparable.
 */
import fs from 'node:fs';
import * as ort from 'onnxruntime-node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cosineSimilarity } from './faceEngine';
import { ONNX_MODELS, readVerifiedModel } from './modelFiles';
import { decomposePRelu } from './onnxGraph';
import { OnnxFaceEngine } from './onnxEngine';
import { decodeImage } from './rgbImage';
import { lfwPhoto, setPhoto } from './testing/faceFixtures';

/** PRelu nodes: a node's op_type is field 4, a 5-byte string (tag 0x22, length 5, 'PRelu'). */
function preluCount(model: Uint8Array): number {
  return Buffer.from(model).toString('latin1').split('\x22\x05PRelu').length - 1;
}

let shipped: OnnxFaceEngine;
let rewritten: OnnxFaceEngine;

beforeAll(async () => {
  [shipped, rewritten] = await Promise.all([OnnxFaceEngine.create({ decomposePRelu: false }), OnnxFaceEngine.create()]);
});
afterAll(async () => {
  await Promise.all([shipped?.dispose(), rewritten?.dispose()]);
});

describe('decomposePRelu', () => {
  it('replaces all 33 PRelus of the recognition model and leaves a model onnxruntime opens', async () => {
    const original = new Uint8Array(readVerifiedModel(ONNX_MODELS.recognition));
    expect(preluCount(original)).toBe(33);
    const { model, replaced } = decomposePRelu(original);
    expect(replaced).toBe(33);
    expect(preluCount(model)).toBe(0);
    const session = await ort.InferenceSession.create(model);
    expect(session.inputNames).toEqual(['input']);
    expect(session.outputNames).toEqual(['output']);
    await session.release();
  });

  it('leaves a model without PRelu byte for byte as it was', () => {
    const detector = new Uint8Array(readVerifiedModel(ONNX_MODELS.detector));
    const { model, replaced } = decomposePRelu(detector);
    expect(replaced).toBe(0);
    expect(model).toBe(detector);
  });

  it('embeds real faces as the shipped graph does: same norm, cosine 1 to float rounding', async () => {
    for (const file of [lfwPhoto('Hans_Blix', 2), lfwPhoto('Ariel_Sharon', 1), setPhoto('faceapi_bbt', 'amy/amy1.png')]) {
      const image = await decodeImage(fs.readFileSync(file));
      const [a, b] = await Promise.all([shipped.analyze(image), rewritten.analyze(image)]);
      expect(b.faces.length).toBe(a.faces.length);
      for (let i = 0; i < a.faces.length; i++) {
        expect(cosineSimilarity(a.faces[i]!.embedding, b.faces[i]!.embedding)).toBeGreaterThan(0.999999);
        expect(Math.abs(a.faces[i]!.quality.embeddingNorm - b.faces[i]!.quality.embeddingNorm)).toBeLessThan(1e-4);
        expect(b.faces[i]!.box).toEqual(a.faces[i]!.box);
      }
    }
  });
});
