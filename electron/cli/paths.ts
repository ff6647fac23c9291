/**
 * Where the project's own files are, found from this module wherever it runs (bundled in dist/ or as source).
 */
import path from 'node:path';
import { defaultFacesDir, findRepoRoot } from '../sample/faces';

export function rendererDir(): string {
  return path.join(findRepoRoot(), 'dist', 'renderer');
}

/** The labeled faces beside the project (../shared/faces), unless FACEAUDIT_FACES names another folder. */
export function facesDir(): string {
  return defaultFacesDir(findRepoRoot());
}
