/**
 * Where the project's own files are, found from this module wherever it runs (bundled in dist/ or as source).
 */
import fs from 'node:fs';
import path from 'node:path';

export function projectRoot(start = typeof __dirname === 'string' ? __dirname : process.cwd()): string {
  let dir = start;
  for (;;) {
    if (fs.existsSync(path.join(dir, 'package.json')) && fs.existsSync(path.join(dir, 'electron'))) return dir;
    const parent = path.dirname(dir);
    if (parent === dir) return process.cwd();
    dir = parent;
  }
}

export function rendererDir(): string {
  return path.join(projectRoot(), 'dist', 'renderer');
}

/** The labeled faces beside the project (../shared/faces), unless FACEAUDIT_FACES names another folder. */
export function facesDir(): string {
  return process.env.FACEAUDIT_FACES ?? path.join(projectRoot(), '..', 'shared', 'faces');
}
