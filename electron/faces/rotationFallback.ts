/**
 * Cameras are sometimes mounted sideways or upside down and their crops saved without an orientation tag. The
 * detector still finds such faces (it is fairly rotation-tolerant) but the landmark model assumes an upright
 * head, so the alignment and the embedding of a turned face are garbage. Two tells, measured on lfw-dev:
 *  - the box: upright faces give boxes clearly taller than wide (height/width ≈ 1.4–1.7), faces turned a quarter
 *    wider-than-tall ones;
 *  - the embedding's norm (when the engine gives one that means something): upright faces 3.1–4.5 with the onnx
 *    model, the same faces upside down 1.9–2.8 (recognition networks give small norms to what they cannot read).
 * When the largest face found upright fails either test, the image is tried at every quarter turn and the turn
 * whose largest face is most upright-looking wins (highest norm; tallest box when the engine has no norm test),
 * so a head tilted 40° (square box, upright norm) stays as it is.
 * Faces are reported in the original image's coordinates (alignment undoes any rotation by itself).
 * Not handled: one image holding faces at different turns (the largest face decides for all).
 */
import type { Point } from './alignFace';
import type { DetectedFace } from './faceEngine';
import { rotate90, unrotatePoint, type RgbImage } from './rgbImage';

/** Height/width above which the largest face counts as upright-shaped. */
export const UPRIGHT_ASPECT = 1.15;

type Turns = 0 | 1 | 2 | 3;

function largest(faces: readonly DetectedFace[]): DetectedFace | undefined {
  return [...faces].sort((a, b) => b.box.width * b.box.height - a.box.width * a.box.height)[0];
}

/**
 * @param uprightNorm the engine's embedding-norm threshold for "clearly upright", or undefined when its norms
 *   carry no such meaning: then other turns are tried only when nothing is found upright (box shapes alone
 *   proved unreliable: face-api's Tiny detector gives square boxes for upright faces).
 */
export async function findFacesAnyRotation(image: RgbImage, tryRotations: boolean, find: (image: RgbImage) => Promise<DetectedFace[]>, uprightNorm?: number): Promise<DetectedFace[]> {
  const upright = await find(image);
  if (!tryRotations || (uprightNorm === undefined && upright.length > 0)) return upright;
  const score = (faces: readonly DetectedFace[]): number => {
    const face = largest(faces);
    if (!face) return -Infinity;
    // The norm judges the whole chain (detection, landmarks, alignment) and so also a strongly tilted head, whose
    // box is square-ish; the box shape is the fallback for engines without a meaningful norm.
    return uprightNorm === undefined ? face.box.height / face.box.width : face.quality.embeddingNorm;
  };
  const first = largest(upright);
  const clearlyUpright = first !== undefined && first.box.height / first.box.width >= UPRIGHT_ASPECT
    && (uprightNorm === undefined || first.quality.embeddingNorm >= uprightNorm);
  if (clearlyUpright) return upright;
  // Only the turns the evidence points to: a tall box with a weak embedding may be upside down (half a turn); a
  // wide box is turned a quarter one way or the other; nothing at all, any of the three.
  const tallButWeak = first !== undefined && first.box.height / first.box.width >= UPRIGHT_ASPECT;
  const candidates: ReadonlyArray<1 | 2 | 3> = tallButWeak ? [2] : first ? [1, 3] : [1, 3, 2];
  let best = { turns: 0 as Turns, faces: upright, score: score(upright) };
  for (const turns of candidates) {
    const faces = await find(rotate90(image, turns));
    const s = score(faces);
    if (s > best.score) best = { turns, faces, score: s };
  }
  return best.turns === 0 ? best.faces : best.faces.map((face) => toOriginal(face, best.turns as 1 | 2 | 3, image));
}

function toOriginal(face: DetectedFace, turns: 1 | 2 | 3, original: RgbImage): DetectedFace {
  const back = ([x, y]: Point): Point => unrotatePoint(x, y, turns, original);
  const { x, y, width, height } = face.box;
  const corners = [back([x, y]), back([x + width, y + height])];
  const xs = corners.map((p) => p[0]), ys = corners.map((p) => p[1]);
  return {
    ...face,
    box: { x: Math.min(...xs), y: Math.min(...ys), width: Math.abs(xs[1]! - xs[0]!), height: Math.abs(ys[1]! - ys[0]!) },
    landmarks: face.landmarks.map(back) as DetectedFace['landmarks'],
    rotation: turns,
  };
}
