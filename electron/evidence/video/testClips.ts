/**
 * Test fixtures: short clips made on the fly from the labeled face photos (../shared/faces, never copied into
 * the repository) with the same ffmpeg the code under test uses. Used by the *.test.ts files only.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { defaultFacesDir, findRepoRoot } from '../../sample/faces';
import { findFfmpeg } from './findFfmpeg';

/** A temporary folder holding `count` face photos named img1.jpg…, for ffmpeg's image-sequence input. */
export function facePhotos(count: number): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'faceaudit-video-'));
  const faces = defaultFacesDir(findRepoRoot([__dirname]));
  const set = path.join(faces, 'lfw-dev', 'images');
  if (!fs.existsSync(set)) throw new Error(`Face photos not found at ${set}: set FACEAUDIT_FACES (see electron/sample/faces.ts)`);
  const photos = fs.readdirSync(set).sort().slice(0, count)
    .map((person) => path.join(set, person, fs.readdirSync(path.join(set, person)).sort()[0]!));
  photos.forEach((photo, i) => fs.copyFileSync(photo, path.join(dir, `img${i + 1}.jpg`)));
  return dir;
}

/** Runs the chosen ffmpeg; throws with its stderr when it fails. */
export async function ffmpeg(args: string[]): Promise<void> {
  const binary = await findFfmpeg();
  await new Promise<void>((resolve, reject) => {
    let stderr = '';
    const child = spawn(binary.path, ['-hide_banner', '-nostdin', '-loglevel', 'error', '-y', ...args], { stdio: ['ignore', 'ignore', 'pipe'] });
    child.stderr.on('data', (chunk: Buffer) => { stderr += chunk.toString(); });
    child.on('error', reject);
    child.on('close', (code) => (code === 0 ? resolve() : reject(new Error(`ffmpeg ${args.join(' ')}: ${stderr}`))));
  });
}

const H264 = ['-c:v', 'libx264', '-preset', 'ultrafast', '-pix_fmt', 'yuv420p'];

/**
 * One face photo per second, `seconds` long, at `fps`, size width×height. `extra` goes before the output name
 * (e.g. `-metadata creation_time=…`, `-f mpegts`).
 */
export async function faceClip(dir: string, out: string, opts: { seconds: number; fps: number; width: number; height: number; extra?: string[] }): Promise<string> {
  const file = path.join(dir, out);
  await ffmpeg([
    '-framerate', '1', '-i', path.join(dir, 'img%d.jpg'),
    '-vf', `loop=loop=-1:size=${fs.readdirSync(dir).filter((f) => /^img\d+\.jpg$/u.test(f)).length},fps=${opts.fps},scale=${opts.width}:${opts.height}`,
    '-t', String(opts.seconds), ...H264, ...(opts.extra ?? []), file,
  ]);
  return file;
}

/**
 * A variable-frame-rate clip with known frame times (ms): 0, 100, … 900, then every 370 ms from 1000 to
 * 4330 (and 4700). Sampled every second, the first frame in each second is at 0, 1000, 2110, 3220, 4330.
 */
export async function vfrClip(dir: string, out: string): Promise<string> {
  const file = path.join(dir, out);
  await ffmpeg([
    '-loop', '1', '-framerate', '25', '-i', path.join(dir, 'img1.jpg'),
    '-vf', "settb=1/1000,setpts='if(lt(N,10),N*100,1000+(N-10)*370)'",
    // A millisecond encoder time base, or ffmpeg rounds the times to its 1/25 s input rate. One spare frame:
    // ffmpeg 4.x writes one frame fewer than -frames:v asks for here.
    '-frames:v', '21', '-vsync', 'passthrough', '-enc_time_base', '1/1000', '-video_track_timescale', '1000', ...H264, '-bf', '0', file,
  ]);
  return file;
}

export const VFR_FRAMES_MS = [...Array.from({ length: 10 }, (_, i) => i * 100), ...Array.from({ length: 10 }, (_, i) => 1000 + i * 370)];

/** Processes whose command line mentions `needle` (Linux /proc), to prove a child was killed. */
export function processesMentioning(needle: string): number[] {
  const found: number[] = [];
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/u.test(entry)) continue;
    try {
      if (fs.readFileSync(`/proc/${entry}/cmdline`, 'utf8').includes(needle)) found.push(Number(entry));
    } catch {
      // The process ended while we looked.
    }
  }
  return found;
}
