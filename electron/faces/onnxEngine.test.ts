/**
 * The onnx engine on known answers: real models, real photos from ../shared/faces, no mocks. Each assertion
 * can fail: a detector that misses, an alignment that drifts or an embedding that stops separating people
 * turns one of these red.
 */
import fs from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cosineSimilarity, isRecognisable, type DetectedFace } from './faceEngine';
import { ModelChecksumError, ONNX_MODELS } from './modelFiles';
import { OnnxFaceEngine } from './onnxEngine';
import { decodeImage } from './rgbImage';
import { lfwPhoto, noise, sceneWithFaces, setPhoto, tempDir } from './testing/faceFixtures';

let engine: OnnxFaceEngine;
const threshold = () => engine.version.sameThreshold;

beforeAll(async () => {
  engine = await OnnxFaceEngine.create();
});
afterAll(async () => {
  await engine?.dispose();
});

async function facesIn(file: string | Buffer): Promise<DetectedFace[]> {
  const bytes = typeof file === 'string' ? fs.readFileSync(file) : file;
  return (await engine.analyze(await decodeImage(bytes))).faces;
}

async function onlyFace(file: string | Buffer): Promise<DetectedFace> {
  const faces = await facesIn(file);
  expect(faces).toHaveLength(1);
  return faces[0]!;
}

/** The largest face (LFW photos may show people in the background). */
async function mainFace(file: string): Promise<DetectedFace> {
  const faces = await facesIn(file);
  expect(faces.length).toBeGreaterThan(0);
  return faces.sort((a, b) => b.box.height - a.box.height)[0]!;
}

describe('onnx face engine', () => {
  it('finds exactly the four faces pasted into a 1080p scene, small ones included, each where it was put', async () => {
    const placed = [
      { file: lfwPhoto('Ariel_Sharon', 1), cx: 300, cy: 300, size: 400 },    // ~160 px face
      { file: lfwPhoto('Hans_Blix', 2), cx: 1000, cy: 500, size: 220 },       // ~90 px
      { file: lfwPhoto('Jean_Chretien', 1), cx: 1600, cy: 250, size: 150 },   // ~60 px
      { file: lfwPhoto('Donald_Rumsfeld', 1), cx: 1500, cy: 850, size: 110 }, // ~45 px: needs the tiles
    ];
    const faces = await facesIn(await sceneWithFaces(placed));
    expect(faces).toHaveLength(4);
    expect(faces.every((f) => isRecognisable(f.quality, engine.version))).toBe(true);
    for (const p of placed) {
      const hit = faces.find((f) => Math.hypot(f.box.x + f.box.width / 2 - p.cx, f.box.y + f.box.height / 2 - p.cy) < p.size * 0.25);
      expect(hit, `face at ${p.cx},${p.cy}`).toBeDefined();
    }
  });

  it('marks detector false alarms in a real photo as not recognisable: one person, two hands', async () => {
    const faces = await facesIn(setPhoto('face_recognition_examples', 'obama/obama3.jpg'));
    expect(faces.length).toBeGreaterThanOrEqual(1);
    expect(faces.filter((f) => isRecognisable(f.quality, engine.version))).toHaveLength(1);
  });

  it('finds nothing in an image without a face (nor in its turned versions)', async () => {
    expect(await facesIn(await noise(640, 480))).toHaveLength(0);
  });

  it('finds the face of a tight grayscale crop and records its quality', async () => {
    const face = await onlyFace(setPhoto('faceapi_bbt', 'amy/amy1.png'));
    expect(face.quality.detectorScore).toBeGreaterThan(0.9);
    expect(face.quality.sizePx).toBeGreaterThan(80);
    expect(face.quality.blur).toBeGreaterThan(20);
    expect(Math.abs(face.quality.roll)).toBeLessThan(20);
  });

  it('embeds a photo turned to grayscale like its colour original', async () => {
    const colour = await onlyFace(lfwPhoto('Hans_Blix', 2));
    const gray = await onlyFace(await sharp(lfwPhoto('Hans_Blix', 2)).grayscale().jpeg().toBuffer());
    expect(cosineSimilarity(colour.embedding, gray.embedding)).toBeGreaterThan(threshold());
  });

  it('finds a face turned a quarter turn (camera mounted sideways) and embeds it like the upright one', async () => {
    const upright = await onlyFace(lfwPhoto('Jean_Chretien', 2));
    const turned = await onlyFace(await sharp(lfwPhoto('Jean_Chretien', 2)).rotate(90).jpeg().toBuffer());
    expect(turned.rotation).not.toBe(0);
    expect(cosineSimilarity(upright.embedding, turned.embedding)).toBeGreaterThan(0.8);
    // Landmarks come back in the original (turned) image's coordinates: the eyes are now one above the other.
    const [le, re] = turned.landmarks;
    expect(Math.abs(le[1] - re[1])).toBeGreaterThan(Math.abs(le[0] - re[0]));
  });

  it('finds an upside-down face the right way up (the upside-down reading gives a weak embedding)', async () => {
    const upright = await onlyFace(lfwPhoto('Hans_Blix', 2));
    const flipped = await onlyFace(await sharp(lfwPhoto('Hans_Blix', 2)).rotate(180).jpeg().toBuffer());
    expect(flipped.rotation).toBe(2);
    expect(cosineSimilarity(upright.embedding, flipped.embedding)).toBeGreaterThan(0.8);
  });

  it('aligns a tilted head: a face rolled by 25° embeds like the upright one and reports the roll', async () => {
    const upright = await onlyFace(lfwPhoto('Ariel_Sharon', 3));
    const tilted = await onlyFace(await sharp(lfwPhoto('Ariel_Sharon', 3)).rotate(25, { background: '#808080' }).jpeg().toBuffer());
    expect(Math.abs(tilted.quality.roll - upright.quality.roll)).toBeGreaterThan(15);
    expect(cosineSimilarity(upright.embedding, tilted.embedding)).toBeGreaterThan(0.7);
  });

  it('scores the same person above the threshold and different people below it', async () => {
    const sharonA = await mainFace(lfwPhoto('Ariel_Sharon', 1));
    const sharonB = await mainFace(lfwPhoto('Ariel_Sharon', 4));
    const rumsfeldA = await mainFace(lfwPhoto('Donald_Rumsfeld', 1));
    const rumsfeldB = await mainFace(lfwPhoto('Donald_Rumsfeld', 2));
    const blix = await mainFace(lfwPhoto('Hans_Blix', 1));
    expect(cosineSimilarity(sharonA.embedding, sharonB.embedding)).toBeGreaterThan(threshold());
    expect(cosineSimilarity(rumsfeldA.embedding, rumsfeldB.embedding)).toBeGreaterThan(threshold());
    for (const [a, b] of [[sharonA, rumsfeldA], [sharonB, blix], [rumsfeldB, blix], [sharonA, blix]] as const) {
      expect(cosineSimilarity(a.embedding, b.embedding)).toBeLessThan(threshold());
    }
  });

  it('refuses a model file whose checksum does not match', async () => {
    const root = tempDir();
    try {
      for (const file of Object.values(ONNX_MODELS)) {
        fs.mkdirSync(path.dirname(path.join(root, file.relPath)), { recursive: true });
        fs.copyFileSync(path.join(process.cwd(), file.relPath), path.join(root, file.relPath));
      }
      const target = path.join(root, ONNX_MODELS.recognition.relPath);
      const bytes = fs.readFileSync(target);
      bytes[bytes.length - 100] = bytes[bytes.length - 100]! ^ 0xff; // one flipped byte deep in the weights
      fs.writeFileSync(target, bytes);
      await expect(OnnxFaceEngine.create({ modelRoot: root })).rejects.toThrow(ModelChecksumError);
      await expect(OnnxFaceEngine.create({ modelRoot: root })).rejects.toThrow(/fr_feature\.onnx has SHA-256 [0-9a-f]{64}, expected 87aacdfe/);
    } finally {
      fs.rmSync(root, { recursive: true, force: true });
    }
  });
});
