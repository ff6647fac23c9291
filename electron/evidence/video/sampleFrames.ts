/**
 * Sampling a clip into JPEG frames with their real presentation times, streamed from one ffmpeg process.
 *
 * ffmpeg decodes every frame and a `select` filter keeps the first frame at or after each multiple of the
 * interval (0, 1 s, 2 s…), measured on the grid rather than from the previous pick so that 29.97 fps clips do
 * not drift. `showinfo` after the selection logs each kept frame's pts on stderr; the JPEGs come on stdout in
 * the same order, so the n-th log line belongs to the n-th JPEG. The offset is therefore the frame's own
 * timestamp, never index × interval.
 *
 * Memory stays flat: stdout is paused while a few frames wait for the consumer, which stops ffmpeg.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import { findFfmpeg, type FfmpegBinary } from './findFfmpeg';
import { inputArgs, QUIET } from './inputArgs';
import { JpegSplitter } from './jpegSplitter';
import { ShowinfoReader, type FrameTime } from './showinfo';
import { VideoError } from './videoError';

export interface SampledFrame {
  /** Presentation time from the start of the clip, in ms (rounded from pts × time_base). */
  offsetMs: number;
  jpeg: Buffer;
  /** The raw timestamp and its time base, for the record: offsetMs = pts × timeBase × 1000. */
  pts: number;
  timeBase: string;
  /** Position among the sampled frames, from 0. */
  index: number;
}

export interface SampleOptions {
  /** Interval between samples in ms; default 1000. */
  everyMs?: number;
  signal?: AbortSignal;
  /** JPEG quality as ffmpeg's -q:v, 2 (best) to 31; default 3. */
  quality?: number;
}

export interface SampleSummary {
  frames: number;
  ffmpeg: FfmpegBinary;
  /** Decoder complaints ffmpeg logged (damaged packets, truncated data) although it finished. */
  warnings: string[];
}

const HIGH_WATER = 4;
const MAX_WARNINGS = 50;

export async function* sampleFrames(file: string, options: SampleOptions = {}): AsyncGenerator<SampledFrame, SampleSummary> {
  const everyMs = options.everyMs ?? 1000;
  if (!(everyMs > 0) || !Number.isFinite(everyMs)) throw new RangeError(`everyMs must be a positive number, got ${everyMs}`);
  const { signal } = options;
  signal?.throwIfAborted();
  await fs.promises.access(file, fs.constants.R_OK);
  const ffmpeg = await findFfmpeg();
  signal?.throwIfAborted();

  const child = spawn(ffmpeg.path, sampleArgs(file, everyMs, options.quality ?? 3, ffmpeg), { stdio: ['ignore', 'pipe', 'pipe'] });
  const splitter = new JpegSplitter();
  const showinfo = new ShowinfoReader();
  const jpegs: Buffer[] = [];
  const times: FrameTime[] = [];
  const warnings: string[] = [];
  const tail: string[] = [];
  // Set from event handlers; an object so TypeScript does not narrow them to their initial null.
  const state: { failure: Error | null; exit: { code: number | null; signal: NodeJS.Signals | null } | null } = { failure: null, exit: null };
  let wake: (() => void) | null = null;
  const notify = () => { const w = wake; wake = null; w?.(); };

  child.stdout.on('data', (chunk: Buffer) => {
    try {
      jpegs.push(...splitter.push(chunk));
    } catch (error) {
      state.failure ??= error as Error;
      child.kill('SIGKILL');
    }
    if (jpegs.length >= HIGH_WATER) child.stdout.pause();
    notify();
  });
  let partial = '';
  child.stderr.setEncoding('utf8');
  child.stderr.on('data', (chunk: string) => {
    const lines = (partial + chunk).split(/\r?\n|\r/u);
    partial = lines.pop() ?? '';
    for (const line of lines) onLine(line);
    notify();
  });
  function onLine(line: string): void {
    let read: FrameTime | 'other';
    try {
      read = showinfo.read(line);
    } catch (error) {
      state.failure ??= new VideoError('video.failed', (error as Error).message);
      child.kill('SIGKILL');
      return;
    }
    if (read !== 'other') {
      times.push(read);
      return;
    }
    if (!line.trim() || line.includes('Parsed_showinfo')) return;
    tail.push(line);
    if (tail.length > 12) tail.shift();
    if (isWarning(line) && warnings.length < MAX_WARNINGS) warnings.push(line.trim());
  }
  child.on('error', (error) => {
    state.failure ??= new VideoError('ffmpeg.missing', `Could not run ${ffmpeg.path}: ${error.message}`);
    notify();
  });
  child.on('close', (code, sig) => {
    if (partial) onLine(partial);
    state.exit = { code, signal: sig };
    notify();
  });
  const onAbort = () => { child.kill('SIGKILL'); notify(); };
  signal?.addEventListener('abort', onAbort, { once: true });

  let index = 0;
  try {
    for (;;) {
      signal?.throwIfAborted();
      if (state.failure) throw state.failure;
      if (jpegs.length > 0 && times.length > 0) {
        const jpeg = jpegs.shift()!;
        const time = times.shift()!;
        if (jpegs.length < HIGH_WATER) child.stdout.resume();
        yield { offsetMs: time.offsetMs, jpeg, pts: time.pts, timeBase: showinfo.timeBaseText ?? '1/1000', index: index++ };
        continue;
      }
      if (state.exit) {
        const { code, signal: killedBy } = state.exit;
        if (code !== 0) {
          const reason = lastLine(tail) ?? `ffmpeg ended with ${killedBy ?? `code ${code}`}`;
          // Nothing decoded at all means the file is not a readable video; otherwise decoding broke part-way.
          throw new VideoError(index === 0 ? 'video.unreadable' : 'video.failed', `Sampling failed: ${reason}`, tail.join('\n'));
        }
        if (jpegs.length !== times.length || splitter.pending) {
          throw new VideoError('video.failed', `Sampling: ${index + jpegs.length} JPEGs but ${index + times.length} frame times`, tail.join('\n'));
        }
        return { frames: index, ffmpeg, warnings };
      }
      await new Promise<void>((resolve) => { wake = resolve; });
    }
  } finally {
    signal?.removeEventListener('abort', onAbort);
    // The consumer stopped early, failed or cancelled: the process must not outlive the generator.
    if (!state.exit) {
      const closed = new Promise<void>((resolve) => child.once('close', () => resolve()));
      child.kill('SIGKILL');
      await closed;
    }
  }
}

function sampleArgs(file: string, everyMs: number, quality: number, ffmpeg: FfmpegBinary): string[] {
  const seconds = everyMs / 1000;
  // The first frame in each interval [k·s, (k+1)·s). The epsilon keeps a frame at exactly k·s, whose t may come
  // out a hair below k after pts × time_base in floating point, in its own interval.
  const select = `select='isnan(prev_selected_t)+gte(floor(t/${seconds}+1e-6),floor(prev_selected_t/${seconds}+1e-6)+1)'`;
  // One JPEG per selected frame, no duplication or dropping to a constant rate. -fps_mode exists from 5.1;
  // -vsync still works there but warns.
  const release = ffmpeg.release;
  const passthrough = release && (release.major > 5 || (release.major === 5 && release.minor >= 1))
    ? ['-fps_mode', 'passthrough'] : ['-vsync', 'passthrough'];
  return [
    ...QUIET, '-loglevel', 'info',
    ...inputArgs(file),
    '-map', '0:v:0', '-an', '-sn', '-dn',
    '-vf', `${select},showinfo`,
    ...passthrough,
    '-f', 'image2pipe', '-c:v', 'mjpeg', '-q:v', String(quality),
    'pipe:1',
  ];
}

function isWarning(line: string): boolean {
  return /error|invalid|corrupt|truncat|partial|missing|concealing|damaged/iu.test(line) && !/deprecated pixel format/u.test(line);
}

function lastLine(lines: readonly string[]): string | null {
  for (let i = lines.length - 1; i >= 0; i -= 1) {
    if (lines[i]!.trim()) return lines[i]!.trim();
  }
  return null;
}
