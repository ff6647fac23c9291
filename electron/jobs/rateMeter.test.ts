import { describe, expect, it } from 'vitest';
import { RateMeter } from './rateMeter';

describe('RateMeter', () => {
  it('gives the rate over the window and the time left by bytes when known', () => {
    let now = 0;
    const meter = new RateMeter(() => now);
    expect(meter.sample(0, 100, 0, 1000)).toEqual({});
    now = 2000;
    const figures = meter.sample(20, 100, 200, 1000);
    expect(figures.rate).toBe(10);
    expect(figures.bytesRate).toBe(100);
    expect(figures.etaSeconds).toBe(8);
  });

  it('falls back to items when the byte total is unknown, and forgets samples older than the window', () => {
    let now = 0;
    const meter = new RateMeter(() => now);
    meter.sample(0, 1000, 0);
    now = 10_000;
    meter.sample(100, 1000, 0); // 10/s over the first 10 s
    now = 12_000;
    const figures = meter.sample(200, 1000, 0); // 50/s over the last 2 s
    expect(figures.rate).toBe(50);
    expect(figures.etaSeconds).toBe(16);
    expect(figures.bytesRate).toBeUndefined();
  });
});
