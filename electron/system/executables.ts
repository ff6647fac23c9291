/**
 * Finding the outside programs the services run (ffmpeg for video, Chromium for PDF): an executable file test and
 * the candidates a name gives on PATH. Each caller keeps its own order of preference and its own error.
 */
import fs from 'node:fs';
import path from 'node:path';

export function isExecutable(file: string): boolean {
  try {
    fs.accessSync(file, fs.constants.X_OK);
    return fs.statSync(file).isFile();
  } catch {
    return false;
  }
}

/** The executables called `name` on PATH, in PATH order (with .exe on Windows). */
export function executablesOnPath(name: string): string[] {
  const exe = process.platform === 'win32' ? `${name}.exe` : name;
  return (process.env['PATH'] ?? '')
    .split(path.delimiter)
    .filter(Boolean)
    .map((dir) => path.join(dir, exe))
    .filter(isExecutable);
}
