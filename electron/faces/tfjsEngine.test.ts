/**
 * The tfjs engine (face-api on the WASM backend) on a few known answers: it is ~10× slower than onnx, so only
 * four photos. Real models, loaded from node_modules after their checksums are verified; no network.
 */
import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cosineSimilarity, type DetectedFace } from './faceEngine';
import { decodeImage } from './rgbImage';
import { TfjsFaceEngine } from './tfjsEngine';
import { lfwPhoto, setPhoto } from './testing/faceFixtures';

let engine: TfjsFaceEngine;

beforeAll(async () => {
  engine = await TfjsFaceEngine.create();
}, 120_000);
afterAll(async () => {
  await engine?.dispose();
});

async function mainFace(file: string): Promise<DetectedFace> {
  const { faces } = await engine.analyze(await decodeImage(fs.readFileSync(file)));
  expect(faces.length).toBeGreaterThan(0);
  return faces.sort((a, b) => b.box.height - a.box.height)[0]!;
}

describe('tfjs face engine', () => {
  it('runs on a local backend (tfjs-node when installed, else WASM)', () => {
    expect(['wasm', 'tensorflow']).toContain(engine.backend);
  });

  it('finds the face of a tight grayscale crop and scores the same person above the threshold, others below', async () => {
    const sharonA = await mainFace(lfwPhoto('Ariel_Sharon', 1));
    const sharonB = await mainFace(lfwPhoto('Ariel_Sharon', 4));
    const blix = await mainFace(lfwPhoto('Hans_Blix', 2));
    const amy = await mainFace(setPhoto('faceapi_bbt', 'amy/amy1.png'));
    expect(sharonA.embedding).toHaveLength(128);
    expect(cosineSimilarity(sharonA.embedding, sharonB.embedding)).toBeGreaterThan(engine.version.sameThreshold);
    expect(cosineSimilarity(sharonA.embedding, blix.embedding)).toBeLessThan(engine.version.sameThreshold);
    expect(cosineSimilarity(sharonB.embedding, amy.embedding)).toBeLessThan(engine.version.sameThreshold);
  }, 120_000);
});
