import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findFfmpeg } from './findFfmpeg';
import { probeVideo } from './probeVideo';
import { sampleFrames, type SampledFrame, type SampleSummary } from './sampleFrames';
import { faceClip, facePhotos, processesMentioning, VFR_FRAMES_MS, vfrClip } from './testClips';
import { VideoError } from './videoError';

// No skipping: without ffmpeg these tests fail with findFfmpeg's message, which says how to install it.
let dir: string;
let clip: string;
beforeAll(async () => {
  await findFfmpeg();
  dir = facePhotos(5);
  clip = await faceClip(dir, 'CAM03_20210418_093000.mp4', {
    seconds: 5, fps: 25, width: 320, height: 240, extra: ['-metadata', 'creation_time=2021-04-18T01:30:00Z'],
  });
});
afterAll(() => { if (dir) fs.rmSync(dir, { recursive: true, force: true }); });

async function collect(file: string, everyMs?: number): Promise<{ frames: SampledFrame[]; summary: SampleSummary }> {
  const frames: SampledFrame[] = [];
  const gen = sampleFrames(file, { everyMs });
  for (;;) {
    const next = await gen.next();
    if (next.done) return { frames, summary: next.value };
    frames.push(next.value);
  }
}

describe('probeVideo', () => {
  it('reads duration, rate, size, codec and creation time', async () => {
    expect(await probeVideo(clip)).toEqual({
      durationMs: 5000, fps: 25, width: 320, height: 240, codec: 'h264', startMs: 0,
      creationTime: '2021-04-18T01:30:00.000000Z',
    });
  });

  it('says a truncated MP4 is unreadable', async () => {
    const cut = path.join(dir, 'cut.mp4');
    const bytes = fs.readFileSync(clip);
    fs.writeFileSync(cut, bytes.subarray(0, Math.floor(bytes.length / 2)));
    const error = await probeVideo(cut).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(VideoError);
    expect((error as VideoError).code).toBe('video.unreadable');
    expect((error as VideoError).message).toMatch(/moov atom not found|Invalid data/u);
  });

  it('says a text file and a JPEG named .mp4 are not videos', async () => {
    const text = path.join(dir, 'notes.mp4');
    fs.writeFileSync(text, 'not a video at all\n'.repeat(100));
    await expect(probeVideo(text)).rejects.toMatchObject({ code: 'video.unreadable' });
    const photo = path.join(dir, 'photo.mp4');
    fs.copyFileSync(path.join(dir, 'img1.jpg'), photo);
    await expect(probeVideo(photo)).rejects.toMatchObject({ code: 'video.unreadable' });
  });

  it('reads a file whose name looks like an ffmpeg option or protocol', async () => {
    const odd = path.join(dir, '-i concat:x|y 通道01 #1.mp4');
    fs.copyFileSync(clip, odd);
    expect((await probeVideo(odd)).durationMs).toBe(5000);
  });
});

describe('sampleFrames', () => {
  it('gives one JPEG per second at the real frame times', async () => {
    const { frames, summary } = await collect(clip);
    expect(frames.map((f) => f.offsetMs)).toEqual([0, 1000, 2000, 3000, 4000]);
    expect(frames.map((f) => f.index)).toEqual([0, 1, 2, 3, 4]);
    for (const frame of frames) {
      expect(frame.jpeg.subarray(0, 2).toString('hex')).toBe('ffd8');
      expect(frame.jpeg.subarray(-2).toString('hex')).toBe('ffd9');
    }
    // Each sampled second shows a different face photo.
    expect(new Set(frames.map((f) => f.jpeg.toString('base64'))).size).toBe(5);
    expect(summary.frames).toBe(5);
  });

  it('samples at other intervals', async () => {
    const { frames } = await collect(clip, 400);
    // Frames every 40 ms; the first at or after each multiple of 400 ms.
    expect(frames.map((f) => f.offsetMs)).toEqual([0, 400, 800, 1200, 1600, 2000, 2400, 2800, 3200, 3600, 4000, 4400, 4800]);
  });

  it('takes times from the frames of a variable-rate clip, not from index × interval', async () => {
    const vfr = await vfrClip(dir, 'vfr.mp4');
    const { frames } = await collect(vfr);
    expect(frames.map((f) => f.offsetMs)).toEqual([0, 1000, 2110, 3220, 4330]);
    expect(VFR_FRAMES_MS).toContain(2110);
  });

  it('measures offsets from the clip start when the container starts late (MPEG-TS)', async () => {
    const ts = await faceClip(dir, 'ch01_20210418093000.ts', { seconds: 5, fps: 25, width: 320, height: 240, extra: ['-f', 'mpegts'] });
    const probe = await probeVideo(ts);
    expect(probe.startMs).toBeGreaterThan(0);
    const { frames } = await collect(ts);
    expect(frames.map((f) => f.offsetMs)).toEqual([0, 1000, 2000, 3000, 4000]);
  });

  it('kills ffmpeg when the consumer stops early', async () => {
    const long = await faceClip(dir, 'long-stop.mp4', { seconds: 30, fps: 25, width: 320, height: 240 });
    for await (const frame of sampleFrames(long)) {
      expect(frame.offsetMs).toBe(0);
      expect(processesMentioning(long)).toHaveLength(1);
      break;
    }
    expect(processesMentioning(long)).toEqual([]);
  });

  it('kills ffmpeg on cancel', async () => {
    const long = await faceClip(dir, 'long-cancel.mp4', { seconds: 30, fps: 25, width: 320, height: 240 });
    const controller = new AbortController();
    const seen: number[] = [];
    const run = (async () => {
      for await (const frame of sampleFrames(long, { signal: controller.signal })) {
        seen.push(frame.offsetMs);
        if (seen.length === 2) controller.abort(new Error('cancelled by test'));
      }
    })();
    await expect(run).rejects.toThrow('cancelled by test');
    expect(seen).toEqual([0, 1000]);
    expect(processesMentioning(long)).toEqual([]);
  });

  it('samples a raw H.264 stream, which has no duration', async () => {
    const raw = path.join(dir, 'raw.h264');
    const { ffmpeg } = await import('./testClips');
    await ffmpeg(['-i', clip, '-c', 'copy', '-bsf:v', 'h264_mp4toannexb', '-f', 'h264', raw]);
    expect(await probeVideo(raw)).toMatchObject({ durationMs: null, codec: 'h264', width: 320 });
    expect((await collect(raw)).frames.map((f) => f.offsetMs)).toEqual([0, 1000, 2000, 3000, 4000]);
  });

  it('gives the frames before the cut of a truncated MP4 with its index up front, and says it is damaged', async () => {
    const front = await faceClip(dir, 'faststart.mp4', { seconds: 5, fps: 25, width: 320, height: 240, extra: ['-movflags', '+faststart'] });
    const cut = path.join(dir, 'faststart-cut.mp4');
    const bytes = fs.readFileSync(front);
    fs.writeFileSync(cut, bytes.subarray(0, Math.floor(bytes.length / 2)));
    // The index still promises five seconds: the probe cannot tell, the decode can.
    expect((await probeVideo(cut)).durationMs).toBe(5000);
    const { frames, summary } = await collect(cut);
    expect(frames.length).toBeGreaterThan(0);
    expect(frames.length).toBeLessThan(5);
    expect(summary.warnings.join('\n')).toMatch(/partial file|Invalid/u);
  });

  it('fails clearly on a truncated MP4', async () => {
    const cut = path.join(dir, 'cut-sample.mp4');
    const bytes = fs.readFileSync(clip);
    fs.writeFileSync(cut, bytes.subarray(0, Math.floor(bytes.length / 2)));
    await expect(collect(cut)).rejects.toMatchObject({ code: 'video.unreadable' });
  });
});
