import crypto from 'node:crypto';
import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodeImage, type RgbImage } from '../../faces/rgbImage';
import { vaultFile } from '../../evidence/vault';
import { openCaseDb, type CaseDb } from '../../store/caseDb';
import { maskRegion, type PixelBox } from './maskFaces';
import { captureTimeZh, samplePicture, subjectIndex } from './samplePictures';
import { samplePart } from './samplePart';
import { selectSample, spreadPositions } from './selectSample';
import { SCENE_FACES, SCENE_SUBJECT, writePictureCase, type PictureCase } from './testing/pictureCase';

let pc: PictureCase;
let db: CaseDb;
beforeAll(async () => {
  pc = await writePictureCase();
  db = openCaseDb(pc.caseDir);
});
afterAll(() => db?.close());

const sha = (file: string) => crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex');

function inRegion(x: number, y: number, r: { x0: number; y0: number; x1: number; y1: number }) {
  return x >= r.x0 && x < r.x1 && y >= r.y0 && y < r.y1;
}
function inBox(x: number, y: number, b: PixelBox) {
  return x >= b.x && x < b.x + b.width && y >= b.y && y < b.y + b.height;
}

/** Pixels of `a` and `b` split by where they are: in a bystander's masked region (not the subject's box), or elsewhere. */
function compare(a: RgbImage, b: RgbImage, bystanders: PixelBox[], subject: PixelBox) {
  const regions = bystanders.map((box) => maskRegion(box, a));
  const perRegion = regions.map(() => ({ diff: 0, n: 0, colours: new Set<number>() }));
  let elsewhereChanged = 0;
  let subjectChanged = 0;
  for (let y = 0; y < a.height; y++) {
    for (let x = 0; x < a.width; x++) {
      const i = (y * a.width + x) * 3;
      const d = Math.abs(a.data[i]! - b.data[i]!) + Math.abs(a.data[i + 1]! - b.data[i + 1]!) + Math.abs(a.data[i + 2]! - b.data[i + 2]!);
      const r = regions.findIndex((reg) => inRegion(x, y, reg));
      if (inBox(x, y, subject)) subjectChanged += d > 0 ? 1 : 0;
      else if (r >= 0) {
        perRegion[r]!.diff += d / 3;
        perRegion[r]!.n++;
        perRegion[r]!.colours.add((b.data[i]! << 16) | (b.data[i + 1]! << 8) | b.data[i + 2]!);
      } else elsewhereChanged += d > 0 ? 1 : 0;
    }
  }
  return { perRegion: perRegion.map((p) => ({ meanDiff: p.diff / p.n, colours: p.colours.size })), elsewhereChanged, subjectChanged };
}

describe('sample selection', () => {
  it('spreads positions evenly, first and last included', () => {
    expect(spreadPositions(10, 4)).toEqual([0, 3, 6, 9]);
    expect(spreadPositions(3, 10)).toEqual([0, 1, 2]);
    expect(spreadPositions(5, 1)).toEqual([0]);
    expect(spreadPositions(0, 3)).toEqual([]);
  });

  it('takes each camera’s first analysed capture, then spread days, in time order; never an unanalysed picture', () => {
    // Hand-counted (testing/pictureCase.ts): firsts CAM01 → 1, CAM02 → 2; then days 18 (nothing left) → 19 → 3, 20 → 4.
    expect(selectSample(db, 12).map((c) => c.id)).toEqual([1, 2, 3, 4]);
    expect(selectSample(db, 2).map((c) => c.id)).toEqual([1, 2]);
    // Day 18 has nothing left after the camera firsts, so its place goes to the 19th.
    expect(selectSample(db, 3).map((c) => c.id)).toEqual([1, 2, 3]);
  });

  it('says where the picture came from', () => {
    const [first, scene] = selectSample(db, 2);
    expect(first).toMatchObject({ cameraId: 'CAM01', cameraName: '入口1', picturePath: '抓拍图片/CAM01_20210418_093015.jpg', pictureSha256: pc.pictures.get(1) });
    expect(scene).toMatchObject({ picturePath: '场景图片/CAM02_20210418_100200.jpg', pictureSha256: pc.pictures.get(2) });
    expect(captureTimeZh(first!.capturedAt)).toBe('2021年4月18日 9:30:15');
  });
});

describe('masking bystanders', () => {
  it('takes the largest face as the subject, whatever the detector order', () => {
    expect(subjectIndex(SCENE_FACES)).toBe(SCENE_SUBJECT);
  });

  it('masks exactly the bystanders’ regions: strongly changed there, the subject and the rest equal to the vault file', async () => {
    const scene = selectSample(db, 2)[1]!;
    const vaultPath = vaultFile(pc.caseDir, scene.pictureSha256);
    const before = sha(vaultPath);
    const picture = await samplePicture(db, pc.caseDir, scene);
    expect(picture).toMatchObject({ faces: 3, masked: 2 });
    expect(picture.caption).toContain('已遮挡其他人脸2处');
    const original = await decodeImage(fs.readFileSync(vaultPath));
    // What is printed is the data URL: decode it (lossless PNG at this size) rather than trusting the raw copy.
    const printed = await decodeImage(Buffer.from(picture.dataUrl.replace(/^data:image\/png;base64,/u, ''), 'base64'));
    expect([printed.width, printed.height]).toEqual([original.width, original.height]);
    const bystanders = SCENE_FACES.filter((_, i) => i !== SCENE_SUBJECT);
    const result = compare(original, printed, bystanders, SCENE_FACES[SCENE_SUBJECT]!);
    expect(result.elsewhereChanged).toBe(0);
    expect(result.subjectChanged).toBe(0);
    for (const region of result.perRegion) {
      expect(region.meanDiff).toBeGreaterThan(12); // mean absolute change per channel, 0–255
      expect(region.colours).toBeLessThanOrEqual(16); // a 4 × 4 mosaic at most: no features left
    }
    expect(sha(vaultPath)).toBe(before);
    expect(sha(vaultPath)).toBe(scene.pictureSha256);
  });

  it('masks nothing when a reviewer asks for the faces, and says so', async () => {
    const scene = selectSample(db, 2)[1]!;
    const picture = await samplePicture(db, pc.caseDir, scene, { unmaskFaces: true });
    expect(picture).toMatchObject({ faces: 3, masked: 0 });
    expect(picture.caption).not.toContain('遮挡');
    const original = await decodeImage(fs.readFileSync(vaultFile(pc.caseDir, scene.pictureSha256)));
    const printed = await decodeImage(Buffer.from(picture.dataUrl.replace(/^data:image\/png;base64,/u, ''), 'base64'));
    expect(Buffer.compare(Buffer.from(printed.data), Buffer.from(original.data))).toBe(0);
  });

  it('leaves a crop with only its subject as it is', async () => {
    const crop = selectSample(db, 1)[0]!;
    const picture = await samplePicture(db, pc.caseDir, crop);
    expect(picture).toMatchObject({ faces: 1, masked: 0 });
    const original = await decodeImage(fs.readFileSync(vaultFile(pc.caseDir, crop.pictureSha256)));
    expect(Buffer.compare(Buffer.from(picture.image.data), Buffer.from(original.data))).toBe(0);
  });
});

describe('the sample part', () => {
  const words = (blocks: Awaited<ReturnType<typeof samplePart>>['part']['blocks']) =>
    blocks.flatMap((b) => (b.kind === 'paragraph' ? b.runs.map((r) => r.text) : b.kind === 'image' ? [b.caption ?? ''] : []));

  it('says how the sample was chosen and how many faces were masked, and captions each picture 图N', async () => {
    const { part, maskedFaces, pictures } = await samplePart(db, pc.caseDir);
    expect(maskedFaces).toBe(2);
    expect(pictures.map((p) => p.capture.id)).toEqual([1, 2, 3, 4]);
    const text = words(part.blocks);
    expect(text.join('')).toContain('共遮挡2处');
    expect(text.filter((t) => t.startsWith('图'))).toHaveLength(4);
    expect(text.find((t) => t.startsWith('图2'))).toContain('抓拍记录2');
  });

  it('marks a reviewer’s copy as unmasked and for internal use only', async () => {
    const { part, maskedFaces } = await samplePart(db, pc.caseDir, { unmaskFaces: true, size: 2 });
    expect(maskedFaces).toBe(0);
    const text = words(part.blocks).join('');
    expect(text).toContain('未对任何人脸做遮挡处理');
    expect(text).toContain('不得公开');
    expect(text).not.toContain('共遮挡');
  });
});
