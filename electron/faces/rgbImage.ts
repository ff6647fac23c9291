/**
 * The one in-memory image format of the face engine: 8-bit RGB, interleaved, row-major, no padding.
 * Everything else (grayscale night images, PNG with alpha, EXIF-rotated JPEGs) is converted into it at decode
 * time, so detectors and alignment never branch on the source format.
 */
import sharp from 'sharp';

export interface RgbImage {
  width: number;
  height: number;
  /** width * height * 3 bytes. */
  data: Uint8Array;
}

// One libvips thread per call: the worker pool already runs one worker per core, more threads only contend.
sharp.concurrency(1);
sharp.cache(false);

/** Decodes JPEG/PNG/WebP/... to RGB, applying EXIF orientation; grayscale becomes three equal channels. */
export async function decodeImage(bytes: Buffer | Uint8Array): Promise<RgbImage> {
  const { data, info } = await sharp(bytes, { failOn: 'none' })
    .rotate()
    .removeAlpha()
    .toColourspace('srgb')
    .raw()
    .toBuffer({ resolveWithObject: true });
  if (info.channels === 3) return { width: info.width, height: info.height, data: new Uint8Array(data.buffer, data.byteOffset, data.length) };
  // A one-channel result (some grayscale inputs keep their band count): spread it over R, G and B.
  const rgb = new Uint8Array(info.width * info.height * 3);
  for (let i = 0, j = 0; i < info.width * info.height; i++, j += info.channels) {
    const v = data[j]!;
    rgb[i * 3] = v;
    rgb[i * 3 + 1] = v;
    rgb[i * 3 + 2] = v;
  }
  return { width: info.width, height: info.height, data: rgb };
}

/** Encodes an RGB image as JPEG (for face thumbnails). */
export function encodeJpeg(image: RgbImage, quality = 85): Promise<Buffer> {
  return sharp(image.data, { raw: { width: image.width, height: image.height, channels: 3 } }).jpeg({ quality }).toBuffer();
}

/** Luma (BT.601) of every pixel, as floats 0..255. */
export function toGray(image: RgbImage): Float32Array {
  const out = new Float32Array(image.width * image.height);
  const d = image.data;
  for (let i = 0, j = 0; i < out.length; i++, j += 3) out[i] = 0.299 * d[j]! + 0.587 * d[j + 1]! + 0.114 * d[j + 2]!;
  return out;
}

/** The image turned by a multiple of 90° clockwise. */
export function rotate90(image: RgbImage, quarterTurns: 0 | 1 | 2 | 3): RgbImage {
  if (quarterTurns === 0) return image;
  const { width: w, height: h, data } = image;
  const outW = quarterTurns === 2 ? w : h;
  const outH = quarterTurns === 2 ? h : w;
  const out = new Uint8Array(data.length);
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      let nx: number, ny: number;
      if (quarterTurns === 1) { nx = h - 1 - y; ny = x; } else if (quarterTurns === 2) { nx = w - 1 - x; ny = h - 1 - y; } else { nx = y; ny = w - 1 - x; }
      const s = (y * w + x) * 3;
      const t = (ny * outW + nx) * 3;
      out[t] = data[s]!;
      out[t + 1] = data[s + 1]!;
      out[t + 2] = data[s + 2]!;
    }
  }
  return { width: outW, height: outH, data: out };
}

/** Maps a point of the turned image back to the original image. */
export function unrotatePoint(x: number, y: number, quarterTurns: 0 | 1 | 2 | 3, original: { width: number; height: number }): [number, number] {
  const { width: w, height: h } = original;
  if (quarterTurns === 1) return [y, h - 1 - x];
  if (quarterTurns === 2) return [w - 1 - x, h - 1 - y];
  if (quarterTurns === 3) return [w - 1 - y, x];
  return [x, y];
}
