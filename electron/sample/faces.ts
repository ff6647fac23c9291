/**
 * Finding and reading the labeled face photos the sample is built from.
 *
 * The photos are test data that must never enter the repository, so they are read at run time from
 * ../shared/faces (or $FACEAUDIT_FACES). Each set is a folder with a labels.csv (`path,identity`, paths
 * relative to the set folder).
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';

/**
 * How a set's photos are framed, which decides how a capture crop can be cut from them:
 * - centred: the face sits in the middle of a wider photo (LFW: 250×250 news photos, here stored at 150×150);
 * - tight: already cropped to the face, so a capture must be padded rather than cropped;
 * - photo: large portraits where the face is somewhere near the middle.
 */
export type FaceStyle = 'centred' | 'tight' | 'photo';

export interface FaceIdentity {
  set: string;
  name: string;
  /** Photo paths relative to the set folder, forward slashes, in labels.csv order. */
  photos: string[];
}

export interface FaceSet {
  name: string;
  /** Absolute folder of the set. */
  dir: string;
  style: FaceStyle;
  identities: FaceIdentity[];
}

/** The set to draw people from when it is present: thousands of identities with a uniform framing. */
export const PREFERRED_SET = 'lfw-dev';

// Framing of the known small sets (see shared/README.md); anything unknown is treated like LFW.
const KNOWN_STYLES: Record<string, FaceStyle> = {
  faceapi_bbt: 'tight',
  dlib_johns: 'tight',
  deepface: 'photo',
  face_recognition_examples: 'photo',
};

/** $FACEAUDIT_FACES if set, else <repo root>/../shared/faces. */
export function defaultFacesDir(repoRoot: string): string {
  const fromEnv = process.env['FACEAUDIT_FACES'];
  if (fromEnv && fromEnv.trim() !== '') return path.resolve(fromEnv);
  return path.resolve(repoRoot, '..', 'shared', 'faces');
}

/**
 * The folder holding package.json, walking up from the module's folder, the running script and the working
 * directory in turn. `__dirname` exists in the esbuild CommonJS bundle and under vitest; `import.meta` is
 * deliberately not used because esbuild empties it (with a warning) in a CommonJS bundle.
 */
export function findRepoRoot(extraStarts: readonly string[] = []): string {
  const starts = [...extraStarts];
  if (typeof __dirname === 'string') starts.push(__dirname);
  if (process.argv[1]) starts.push(path.dirname(path.resolve(process.argv[1])));
  starts.push(process.cwd());
  for (const start of starts) {
    const found = walkUpToPackageJson(start);
    if (found) return found;
  }
  return process.cwd();
}

function walkUpToPackageJson(start: string): string | undefined {
  let dir = path.resolve(start);
  for (;;) {
    if (fs.existsSync(path.join(dir, 'package.json')) && !dir.split(path.sep).includes('node_modules')) return dir;
    const parent = path.dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
}

/**
 * Every `<set>/labels.csv` under facesDir, sets sorted by name and identities by name so the result (and so
 * the sample) does not depend on directory listing order. Photos that are missing are dropped, a set with no
 * photo present is skipped, and byte-identical files are kept once (dlib_johns and LFW each hold a pair).
 */
export function loadLabeledFaces(facesDir: string): FaceSet[] {
  if (!fs.existsSync(facesDir)) return [];
  const sets: FaceSet[] = [];
  // statSync follows symlinks: a set may be linked in from elsewhere.
  const names = fs
    .readdirSync(facesDir)
    .filter((name) => isDirectory(path.join(facesDir, name)))
    .sort();
  for (const name of names) {
    const set = loadSet(path.join(facesDir, name), name);
    if (set) sets.push(set);
  }
  return sets;
}

function loadSet(dir: string, name: string): FaceSet | undefined {
  const labelsPath = path.join(dir, 'labels.csv');
  if (!fs.existsSync(labelsPath)) return undefined;
  const rows = parse(fs.readFileSync(labelsPath, 'utf8'), {
    columns: true,
    skip_empty_lines: true,
    trim: true,
    bom: true,
  }) as Array<Record<string, string | undefined>>;

  const present: Array<{ photo: string; identity: string; size: number }> = [];
  for (const row of rows) {
    const photo = row['path']?.replace(/\\/gu, '/');
    const identity = row['identity'];
    if (!photo || !identity) continue;
    const size = fileSize(path.join(dir, photo));
    if (size !== undefined) present.push({ photo, identity, size });
  }
  if (present.length === 0) return undefined;

  const unique = dropDuplicateFiles(dir, present);
  const byIdentity = new Map<string, string[]>();
  for (const { photo, identity } of unique) {
    const list = byIdentity.get(identity) ?? [];
    list.push(photo);
    byIdentity.set(identity, list);
  }
  const identities = [...byIdentity.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([identity, photos]) => ({ set: name, name: identity, photos }));
  return { name, dir, style: KNOWN_STYLES[name] ?? 'centred', identities };
}

function isDirectory(dir: string): boolean {
  try {
    return fs.statSync(dir).isDirectory();
  } catch {
    return false;
  }
}

function fileSize(file: string): number | undefined {
  try {
    const stat = fs.statSync(file);
    return stat.isFile() && stat.size > 0 ? stat.size : undefined;
  } catch {
    return undefined;
  }
}

/** Keeps the first of byte-identical files; only files sharing a size are hashed, so this stays cheap. */
function dropDuplicateFiles<T extends { photo: string; size: number }>(dir: string, items: T[]): T[] {
  const sizeCount = new Map<number, number>();
  for (const item of items) sizeCount.set(item.size, (sizeCount.get(item.size) ?? 0) + 1);
  const seen = new Set<string>();
  return items.filter((item) => {
    if ((sizeCount.get(item.size) ?? 0) < 2) return true;
    const hash = crypto.createHash('sha256').update(fs.readFileSync(path.join(dir, item.photo))).digest('hex');
    if (seen.has(hash)) return false;
    seen.add(hash);
    return true;
  });
}
