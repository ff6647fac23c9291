/**
 * Where the pool's worker script is. Built code has it beside itself (dist/electron/faceWorker.cjs, from
 * scripts/build.mjs). Code running from TypeScript sources (tests) bundles it on first use with esbuild into
 * .cache/ under the repository, where node_modules resolves; esbuild is a dev dependency, loaded only then.
 */
import fs from 'node:fs';
import path from 'node:path';
import { findRepoRoot } from '../sample/faces';

export const WORKER_BUNDLE = 'faceWorker.cjs';

let built: Promise<string> | undefined;

export function faceWorkerScript(): Promise<string> {
  const fromSources = typeof __filename === 'string' && __filename.endsWith('.ts');
  if (!fromSources) {
    const here = typeof __dirname === 'string' ? __dirname : path.join(findRepoRoot(), 'dist', 'electron');
    // The CLI bundle sits in dist/electron/, the Electron main bundle in dist/electron/shell/.
    for (const candidate of [path.join(here, WORKER_BUNDLE), path.join(here, '..', WORKER_BUNDLE)]) {
      if (fs.existsSync(candidate)) return Promise.resolve(candidate);
    }
  }
  built ??= buildFromSources();
  return built;
}

async function buildFromSources(): Promise<string> {
  const root = findRepoRoot();
  const entry = path.join(root, 'electron', 'faces', 'analysisWorker.ts');
  if (!fs.existsSync(entry)) throw new Error(`the face worker is not built (${WORKER_BUNDLE} missing): run "npm run build"`);
  const esbuild = await import('esbuild');
  const result = await esbuild.build({ entryPoints: [entry], write: false, bundle: true, platform: 'node', format: 'cjs', target: 'node20', packages: 'external', logLevel: 'warning' });
  const outfile = path.join(root, '.cache', 'face-worker', WORKER_BUNDLE);
  await fs.promises.mkdir(path.dirname(outfile), { recursive: true });
  // Written under a private name, then renamed: parallel test processes never load a half-written file.
  const tmp = `${outfile}.${process.pid}.tmp`;
  await fs.promises.writeFile(tmp, result.outputFiles[0]!.contents);
  await fs.promises.rename(tmp, outfile);
  return outfile;
}
