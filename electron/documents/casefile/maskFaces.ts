/**
 * Masking bystanders' faces in a capture picture before it is printed: the capture's subject stays visible (that
 * face is the evidence), every other face found in the picture is replaced by a coarse mosaic.
 *
 * Why a mosaic of 4 blocks across the face, over a box grown by a fifth on each side: at 4 blocks a face is a few
 * flat patches of skin and hair tone, with no eyes, nose or mouth left for a person or a recognition model to
 * match, while the reader still sees that someone stood there (a black box would hide that the capture caught
 * more than one person, which is itself a fact of the case). The margin covers hair, ears and chin, which the
 * detector's box leaves out. Pixels of the subject's own box are never changed, even where a bystander's grown
 * box overlaps it.
 *
 * Works on a copy: the decoded vault file is never written back.
 */
import type { RgbImage } from '../../faces/rgbImage';

export interface PixelBox {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** Share of the box's width/height added on each side before masking. */
export const MASK_MARGIN = 0.2;
/** Mosaic blocks along the longer side of a masked region. */
export const MASK_BLOCKS = 4;

/** The whole-pixel region masked for a face box: grown by MASK_MARGIN, clipped to the image. */
export function maskRegion(box: PixelBox, image: { width: number; height: number }): { x0: number; y0: number; x1: number; y1: number } {
  const mx = box.width * MASK_MARGIN;
  const my = box.height * MASK_MARGIN;
  return {
    x0: Math.max(0, Math.floor(box.x - mx)),
    y0: Math.max(0, Math.floor(box.y - my)),
    x1: Math.min(image.width, Math.ceil(box.x + box.width + mx)),
    y1: Math.min(image.height, Math.ceil(box.y + box.height + my)),
  };
}

function inside(px: number, py: number, box: PixelBox | null): boolean {
  return box !== null && px >= box.x && px < box.x + box.width && py >= box.y && py < box.y + box.height;
}

/** Returns a masked copy and how many pixels were changed. `keep` is the subject's box (left untouched). */
export function maskFaces(image: RgbImage, bystanders: readonly PixelBox[], keep: PixelBox | null): { image: RgbImage; maskedPixels: number } {
  const data = new Uint8Array(image.data);
  let maskedPixels = 0;
  for (const box of bystanders) {
    const r = maskRegion(box, image);
    const w = r.x1 - r.x0;
    const h = r.y1 - r.y0;
    if (w <= 0 || h <= 0) continue;
    const block = Math.max(1, Math.ceil(Math.max(w, h) / MASK_BLOCKS));
    for (let by = r.y0; by < r.y1; by += block) {
      for (let bx = r.x0; bx < r.x1; bx += block) {
        const ex = Math.min(r.x1, bx + block);
        const ey = Math.min(r.y1, by + block);
        // The block's mean colour, from the picture as it stands (earlier masks included).
        let sr = 0, sg = 0, sb = 0, n = 0;
        for (let y = by; y < ey; y++) {
          for (let x = bx; x < ex; x++) {
            const i = (y * image.width + x) * 3;
            sr += data[i]!; sg += data[i + 1]!; sb += data[i + 2]!; n++;
          }
        }
        const mean = [Math.round(sr / n), Math.round(sg / n), Math.round(sb / n)];
        for (let y = by; y < ey; y++) {
          for (let x = bx; x < ex; x++) {
            if (inside(x, y, keep)) continue;
            const i = (y * image.width + x) * 3;
            data[i] = mean[0]!; data[i + 1] = mean[1]!; data[i + 2] = mean[2]!;
            maskedPixels++;
          }
        }
      }
    }
  }
  return { image: { width: image.width, height: image.height, data }, maskedPixels };
}
