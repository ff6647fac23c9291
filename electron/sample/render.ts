/**
 * Turning a source face photo into something that looks like a camera's capture crop.
 *
 * A platform's face crop is a loose box around the face, 100–300 px, taken under whatever light the camera
 * had, re-encoded at middling JPEG quality, grey when the camera was in infrared mode. Each capture draws its
 * own crop, size, light and quality from a seed of its own, so the same photo yields different bytes every time
 * and the result does not depend on the order in which the pool finishes jobs.
 */
import sharp from 'sharp';
import type { FaceStyle } from './faces';
import { Random } from './prng';

export interface RenderJob {
  /** Absolute path of the source photo. */
  file: string;
  style: FaceStyle;
  seed: number;
  infrared: boolean;
}

interface Box {
  left: number;
  top: number;
  width: number;
  height: number;
}

/**
 * Where the face is, as fractions of the photo, for each framing. LFW's face box is about the middle 40% of
 * the photo (slightly above centre); in the large portraits of the small sets it is in the upper middle.
 */
const FACE_REGION: Record<Exclude<FaceStyle, 'tight'>, { x0: number; x1: number; y0: number; y1: number; minCrop: number; maxCrop: number }> = {
  centred: { x0: 0.3, x1: 0.7, y0: 0.26, y1: 0.72, minCrop: 0.6, maxCrop: 0.95 },
  photo: { x0: 0.3, x1: 0.7, y0: 0.08, y1: 0.5, minCrop: 0.6, maxCrop: 0.85 },
};

export class CaptureRenderer {
  // Source sizes, read once per photo however often it is reused.
  private readonly sizes = new Map<string, Promise<{ width: number; height: number }>>();

  async render(job: RenderJob, attempt = 0): Promise<Buffer> {
    const rng = Random.derived(job.seed, 'render', attempt);
    const source = await this.size(job.file);
    const width = rng.int(112, 200);
    // Oriented first, so crop boxes refer to the photo as seen (large portraits may carry EXIF rotation).
    let image = sharp(job.file, { failOn: 'none', autoOrient: true });

    if (job.style === 'tight') {
      // Already cut to the face: shrink it and pad around it like a looser capture box. Edge pixels are
      // repeated, not mirrored: mirroring would add half-faces a detector could count.
      const pad = rng.float(0.12, 0.3);
      const inner = Math.max(16, Math.round(width / (1 + 2 * pad)));
      const border = Math.max(1, Math.round((width - inner) / 2));
      image = image.resize(inner, inner, { fit: 'cover' }).extend({ top: border, bottom: border, left: border, right: border, extendWith: 'copy' });
    } else {
      const box = cropBox(rng, source, FACE_REGION[job.style]);
      const height = Math.round((width * box.height) / box.width);
      image = image.extract(box).resize(width, height, { fit: 'fill' });
    }

    const contrast = rng.float(0.85, 1.15);
    image = image
      .modulate({ brightness: rng.float(0.82, 1.18), saturation: rng.float(0.8, 1.15) })
      .linear(contrast, 128 * (1 - contrast) + rng.float(-8, 8));
    if (rng.chance(0.1)) image = image.blur(rng.float(0.4, 1.0)); // motion or focus blur
    if (job.infrared) image = image.grayscale();
    // Cameras store 3-channel JPEGs even in infrared mode.
    return image.toColourspace('srgb').jpeg({ quality: rng.int(70, 92), chromaSubsampling: '4:2:0' }).toBuffer();
  }

  private size(file: string): Promise<{ width: number; height: number }> {
    let size = this.sizes.get(file);
    if (!size) {
      size = sharp(file, { failOn: 'none' })
        .metadata()
        .then((m) => ({ width: m.autoOrient.width, height: m.autoOrient.height }));
      this.sizes.set(file, size);
    }
    return size;
  }
}

/**
 * A crop of 60–95% (LFW) of the photo's short side, a little taller than wide as capture boxes are, placed at
 * random but always containing the whole face region.
 */
function cropBox(
  rng: Random,
  source: { width: number; height: number },
  region: { x0: number; x1: number; y0: number; y1: number; minCrop: number; maxCrop: number },
): Box {
  const { width: W, height: H } = source;
  if (W < 2 || H < 2) throw new Error('source photo has no size');
  const side = Math.min(W, H) * rng.float(region.minCrop, region.maxCrop);
  const cw = Math.max(1, Math.min(W, Math.round(side)));
  const ch = Math.max(1, Math.min(H, Math.round(side * rng.float(1, 1.12))));
  const left = placeSpan(rng, W, cw, region.x0, region.x1);
  const top = placeSpan(rng, H, ch, region.y0, region.y1);
  return { left, top, width: cw, height: ch };
}

/** Start of a span of `length` inside [0, total) covering [a·total, b·total] when it can. */
function placeSpan(rng: Random, total: number, length: number, a: number, b: number): number {
  const lo = Math.max(0, Math.ceil(b * total - length));
  const hi = Math.min(total - length, Math.floor(a * total));
  // Too short to cover the region: centre it on the region instead.
  if (hi < lo) return Math.min(total - length, Math.max(0, Math.round(((a + b) / 2) * total - length / 2)));
  return rng.int(lo, hi);
}
