/**
 * Where to run a fixed-input detector over an image of any size.
 *
 * Level 0 is the whole image with a margin around it: capture crops are often cut tight at the chin and brow,
 * and detectors trained on faces with context miss such crops unless padded. Larger scenes are then covered by
 * tiles at doubling scales until a face of `minFacePx` source pixels is at least `minDetectablePx` detector
 * pixels, so a 40-pixel face in a 1080p frame is still found although the frame is shrunk 9× at level 0.
 */
import type { Box } from './faceEngine';

export interface DetectorInput {
  width: number;
  height: number;
}

export interface DetectionWindow extends Box {
  /** Detector pixels per source pixel. */
  scale: number;
  /** Which sides of the window lie inside the image: a box touching such a side may be a cut-off face. */
  innerEdges: { left: boolean; top: boolean; right: boolean; bottom: boolean };
}

export interface WindowOptions {
  /** Margin on each side of level 0, as a fraction of the image's longer side. */
  padRatio: number;
  /** Smallest face (source pixels) the tiles should bring into the detector's range. */
  minFacePx: number;
  /** Smallest face the detector finds reliably, in its own input pixels. */
  minDetectablePx: number;
  /** Overlap between neighbouring tiles in detector pixels (faces up to this size are whole in some tile). */
  tileOverlapPx: number;
}

export const DEFAULT_WINDOW_OPTIONS: WindowOptions = { padRatio: 0.25, minFacePx: 40, minDetectablePx: 20, tileOverlapPx: 96 };

export function detectionWindows(width: number, height: number, input: DetectorInput, options: WindowOptions = DEFAULT_WINDOW_OPTIONS): DetectionWindow[] {
  const pad = Math.round(options.padRatio * Math.max(width, height));
  const pw = width + 2 * pad, ph = height + 2 * pad;
  // Letterbox: one scale for both axes so faces keep their shape; centre the padded image in the window.
  const scale0 = Math.min(input.width / pw, input.height / ph);
  const w0 = input.width / scale0, h0 = input.height / scale0;
  const windows: DetectionWindow[] = [{
    x: width / 2 - w0 / 2, y: height / 2 - h0 / 2, width: w0, height: h0, scale: scale0,
    innerEdges: { left: false, top: false, right: false, bottom: false },
  }];
  const maxScale = options.minDetectablePx / options.minFacePx;
  // A level a little past maxScale is still worth it; one twice past is mostly cost (35 tiles for 1080p).
  for (let scale = scale0 * 2; scale <= maxScale * 1.25; scale *= 2) {
    const tw = input.width / scale, th = input.height / scale;
    // Once a tile covers the whole image the level adds nothing level 0 did not see at a higher resolution.
    if (tw >= width && th >= height) continue;
    const overlap = options.tileOverlapPx / scale;
    windows.push(...tileAxis(width, tw, overlap).flatMap((x) => tileAxis(height, th, overlap).map((y) => ({
      x, y, width: tw, height: th, scale,
      innerEdges: { left: x > 0, top: y > 0, right: x + tw < width, bottom: y + th < height },
    }))));
  }
  return windows;
}

/** Start positions of tiles of size `tile` covering [0, length) with at least `overlap` shared. */
function tileAxis(length: number, tile: number, overlap: number): number[] {
  if (tile >= length) return [(length - tile) / 2];
  const count = Math.ceil((length - overlap) / (tile - overlap));
  const step = (length - tile) / (count - 1);
  return Array.from({ length: count }, (_, i) => i * step);
}

/** True when a box found in a tile touches one of the tile's inner sides (so it may be a cut face). */
export function touchesInnerEdge(box: Box, win: DetectionWindow, marginPx = 2): boolean {
  const m = marginPx / win.scale;
  return (win.innerEdges.left && box.x <= win.x + m)
    || (win.innerEdges.top && box.y <= win.y + m)
    || (win.innerEdges.right && box.x + box.width >= win.x + win.width - m)
    || (win.innerEdges.bottom && box.y + box.height >= win.y + win.height - m);
}
