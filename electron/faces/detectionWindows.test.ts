import { describe, expect, it } from 'vitest';
import { detectionWindows, touchesInnerEdge } from './detectionWindows';

describe('detection windows', () => {
  it('pads a small crop into one window with margin on every side', () => {
    const [only, ...rest] = detectionWindows(150, 150, { width: 320, height: 240 });
    expect(rest).toHaveLength(0);
    expect(only!.x).toBeLessThan(0);
    expect(only!.y).toBeLessThan(0);
    expect(only!.x + only!.width).toBeGreaterThan(150);
    expect(only!.y + only!.height).toBeGreaterThan(150);
  });

  it('covers every pixel of a 1080p scene with tiles at a scale that brings 40-px faces into range', () => {
    const windows = detectionWindows(1920, 1080, { width: 320, height: 240 });
    const finest = Math.max(...windows.map((w) => w.scale));
    expect(40 * finest).toBeGreaterThanOrEqual(16);
    const tiles = windows.filter((w) => w.scale === finest);
    for (let y = 0; y < 1080; y += 37) {
      for (let x = 0; x < 1920; x += 41) {
        expect(tiles.some((t) => x >= t.x && x < t.x + t.width && y >= t.y && y < t.y + t.height)).toBe(true);
      }
    }
    expect(windows.length).toBeLessThan(25); // a bounded cost per scene
  });

  it('flags boxes cut by an inner tile edge, not those at the image border', () => {
    const tile = { x: 400, y: 0, width: 600, height: 450, scale: 0.5, innerEdges: { left: true, top: false, right: true, bottom: true } };
    expect(touchesInnerEdge({ x: 400, y: 100, width: 50, height: 60 }, tile)).toBe(true);
    expect(touchesInnerEdge({ x: 500, y: 0, width: 50, height: 60 }, tile)).toBe(false);
  });
});
