/**
 * Choosing the ffmpeg binary, and saying which one, so that every derived frame can be traced to the exact
 * program that decoded it.
 *
 * Order: $FACEAUDIT_FFMPEG (an analyst's or lab's validated build) → `ffmpeg` on PATH (Debian's, maintained
 * and newer) → the static binary shipped by @ffmpeg-installer/ffmpeg (always present, but a 2018 snapshot).
 */
import { spawn } from 'node:child_process';
import path from 'node:path';
import { executablesOnPath, isExecutable } from '../../system/executables';
import { VideoError } from './videoError';

export type FfmpegSource = 'env' | 'path' | 'npm';

export interface FfmpegBinary {
  /** Absolute path of the binary that will be run. */
  path: string;
  source: FfmpegSource;
  /** The version as ffmpeg prints it, e.g. `5.1.9-0+deb12u1` or `N-47683-g0e8eb07980-static`. */
  version: string;
  /** Major and minor when the version is a release number; null for git snapshots. */
  release: { major: number; minor: number } | null;
  /** ffprobe next to the chosen ffmpeg, when there is one; nothing here requires it. */
  ffprobe: string | null;
}

let cached: Promise<FfmpegBinary> | null = null;

/** The binary to use; looked up once per process (pass `refresh` after changing the environment). */
export function findFfmpeg(options: { refresh?: boolean } = {}): Promise<FfmpegBinary> {
  if (!cached || options.refresh) {
    cached = locate();
    // A failed look-up is not cached: the analyst may install ffmpeg and retry without restarting.
    cached.catch(() => { cached = null; });
  }
  return cached;
}

async function locate(): Promise<FfmpegBinary> {
  const tried: string[] = [];
  const fromEnv = process.env['FACEAUDIT_FFMPEG']?.trim();
  if (fromEnv) {
    // An explicit choice that does not work is an error, not a reason to fall back silently to another build.
    const found = await tryBinary(path.resolve(fromEnv), 'env');
    if (found) return found;
    throw new VideoError('ffmpeg.missing', `FACEAUDIT_FFMPEG=${fromEnv} is not a working ffmpeg`);
  }
  for (const candidate of executablesOnPath('ffmpeg')) {
    tried.push(candidate);
    const found = await tryBinary(candidate, 'path');
    if (found) return found;
  }
  const npm = await npmBinaryPath();
  if (npm) {
    tried.push(npm);
    const found = await tryBinary(npm, 'npm');
    if (found) return found;
  }
  throw new VideoError(
    'ffmpeg.missing',
    'No ffmpeg found: install it (Debian: apt-get install ffmpeg) or set FACEAUDIT_FFMPEG to its path',
    tried.length ? `tried ${tried.join(', ')}` : 'no candidate on PATH and @ffmpeg-installer/ffmpeg has no binary',
  );
}



async function npmBinaryPath(): Promise<string | null> {
  try {
    // Loaded lazily: the package throws on import when its platform binary is missing.
    const mod = (await import('@ffmpeg-installer/ffmpeg')) as { path?: string; default?: { path?: string } };
    const found = mod.default?.path ?? mod.path;
    // In a packaged Electron app the binary is unpacked beside the asar archive, where it can be executed.
    return found ? found.replace(`app.asar${path.sep}`, `app.asar.unpacked${path.sep}`) : null;
  } catch {
    return null;
  }
}

async function tryBinary(file: string, source: FfmpegSource): Promise<FfmpegBinary | null> {
  if (!isExecutable(file)) return null;
  const firstLine = await versionLine(file);
  const match = firstLine ? /^ffmpeg version (\S+)/u.exec(firstLine) : null;
  if (!match) return null;
  const version = match[1]!;
  const numbers = /^n?(\d+)\.(\d+)/u.exec(version);
  const probe = path.join(path.dirname(file), process.platform === 'win32' ? 'ffprobe.exe' : 'ffprobe');
  return {
    path: file,
    source,
    version,
    release: numbers ? { major: Number(numbers[1]), minor: Number(numbers[2]) } : null,
    ffprobe: isExecutable(probe) ? probe : null,
  };
}

function versionLine(file: string): Promise<string | null> {
  return new Promise((resolve) => {
    let out = '';
    const child = spawn(file, ['-hide_banner', '-version'], { stdio: ['ignore', 'pipe', 'ignore'] });
    const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (chunk: string) => { if (out.length < 4096) out += chunk; });
    child.on('error', () => { clearTimeout(timer); resolve(null); });
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve(code === 0 ? (out.split('\n')[0] ?? null) : null);
    });
  });
}
