/**
 * What a clip is: duration, frame rate, size, codec and container creation time, read from `ffmpeg -i`.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import { findFfmpeg } from './findFfmpeg';
import { inputArgs, QUIET } from './inputArgs';
import { parseProbe, type VideoProbe } from './parseProbe';
import { VideoError } from './videoError';

export type { VideoProbe } from './parseProbe';

// Header parsing of a sane file takes milliseconds; a hostile one must not hang the import.
const PROBE_TIMEOUT_MS = 30_000;
// Metadata can be made arbitrarily long; what we need is at the top.
const MAX_STDERR = 256 * 1024;

export async function probeVideo(file: string, options: { signal?: AbortSignal } = {}): Promise<VideoProbe> {
  // A missing file would otherwise come back as a vague ffmpeg message.
  await fs.promises.access(file, fs.constants.R_OK);
  const ffmpeg = await findFfmpeg();
  const stderr = await runForStderr(ffmpeg.path, [...QUIET, ...inputArgs(file)], options.signal);
  const result = parseProbe(stderr);
  if ('error' in result) {
    throw new VideoError('video.unreadable', `Not a readable video: ${result.error}`, tail(stderr));
  }
  return result;
}

function runForStderr(binary: string, args: string[], signal?: AbortSignal): Promise<string> {
  signal?.throwIfAborted();
  return new Promise((resolve, reject) => {
    let stderr = '';
    const child = spawn(binary, args, { stdio: ['ignore', 'ignore', 'pipe'] });
    const kill = () => child.kill('SIGKILL');
    const timer = setTimeout(kill, PROBE_TIMEOUT_MS);
    signal?.addEventListener('abort', kill, { once: true });
    child.stderr.setEncoding('utf8');
    child.stderr.on('data', (chunk: string) => { if (stderr.length < MAX_STDERR) stderr += chunk; });
    child.on('error', (error) => {
      clearTimeout(timer);
      reject(new VideoError('ffmpeg.missing', `Could not run ${binary}: ${error.message}`));
    });
    child.on('close', () => {
      clearTimeout(timer);
      signal?.removeEventListener('abort', kill);
      if (signal?.aborted) reject(signal.reason);
      // `ffmpeg -i` without an output always exits 1: the verdict comes from what it printed.
      else resolve(stderr);
    });
  });
}

function tail(stderr: string): string {
  const lines = stderr.split(/\r?\n/u).filter((line) => line.trim());
  return lines.slice(-8).join('\n');
}
