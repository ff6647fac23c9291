/**
 * Tracklets: faces one camera caught seconds apart that look alike are one person passing by. Cameras shoot
 * bursts as someone walks through the field of view, and the frames of a burst can be turned or blurred enough to
 * fall below the same-person threshold on their own; linked in time, they join the person as one piece.
 *
 * Only faces alone in their image are linked (two people walking together are two faces of one frame somewhere),
 * only consecutive faces of one camera, so a link never spans a third face in between, and only faces whose time
 * the platform recorded (a file date is when the file was copied: thousands of files share it).
 */
export interface TrackletFace {
  cameraId: string;
  capturedMs: number;
  captureId: number;
  /** Only recorded times count: a file's modification date says when it was copied, not when it was shot. */
  timeRecorded: boolean;
  /** Faces found in the face's image. */
  facesInCapture: number;
}

export function trackletLinks(faces: readonly TrackletFace[], embeddings: Float32Array, dims: number, opts: { windowMs: number; minSimilarity: number }): Array<[number, number]> {
  const order = faces.map((_, i) => i).filter((i) => faces[i]!.facesInCapture === 1 && faces[i]!.timeRecorded);
  order.sort((a, b) => faces[a]!.cameraId.localeCompare(faces[b]!.cameraId) || faces[a]!.capturedMs - faces[b]!.capturedMs || a - b);
  const links: Array<[number, number]> = [];
  for (let n = 1; n < order.length; n++) {
    const a = order[n - 1]!, b = order[n]!;
    const fa = faces[a]!, fb = faces[b]!;
    if (fa.cameraId !== fb.cameraId || fb.capturedMs - fa.capturedMs > opts.windowMs || fa.captureId === fb.captureId) continue;
    let s = 0;
    for (let d = 0; d < dims; d++) s += embeddings[a * dims + d]! * embeddings[b * dims + d]!;
    if (s >= opts.minSimilarity) links.push([a, b]);
  }
  return links;
}
