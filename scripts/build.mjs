// Builds everything that runs: the Node side (CLI, browser host, Electron main and preload) with esbuild,
// and the page with Vite. `npm install` runs it through "prepare", so `npx faceaudit` works right away.
import { build } from 'esbuild';
import { build as viteBuild } from 'vite';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const only = process.argv[2]; // 'node' or 'renderer' to build one side

const common = {
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  sourcemap: 'linked',
  logLevel: 'warning',
  absWorkingDir: root,
};

if (only !== 'renderer') {
  await Promise.all([
    // Services and CLI: dependencies stay in node_modules (native modules must be loaded from there).
    build({ ...common, entryPoints: { 'electron/cli': 'electron/cli/bin.ts' }, outdir: 'dist', outExtension: { '.js': '.cjs' }, packages: 'external' }),
    build({ ...common, format: 'esm', entryPoints: { 'electron/bench': 'electron/bench/bench.ts', 'electron/benchImport': 'electron/bench/benchImport.ts' }, outdir: 'dist', outExtension: { '.js': '.mjs' }, packages: 'external',
      // ESM output for top-level await; the CJS globals the services use are supplied here.
      banner: { js: "import { createRequire as __cr } from 'node:module'; import { fileURLToPath as __fu } from 'node:url'; const require = __cr(import.meta.url); const __filename = __fu(import.meta.url); const __dirname = __filename.slice(0, __filename.lastIndexOf('/'));" } }),
    // bench:findings (issue 6): ESM for top-level await, with the same CJS globals as the benches above.
    build({ ...common, format: 'esm', entryPoints: { 'electron/benchFindings': 'electron/bench/benchFindings.ts' }, outdir: 'dist', outExtension: { '.js': '.mjs' }, packages: 'external',
      banner: { js: "import { createRequire as __cr } from 'node:module'; import { fileURLToPath as __fu } from 'node:url'; const require = __cr(import.meta.url); const __filename = __fu(import.meta.url); const __dirname = __filename.slice(0, __filename.lastIndexOf('/'));" } }),
    // The face engine's worker thread, and its benchmark and evaluation (next to the CLI so they find the worker).
    build({ ...common, entryPoints: { 'electron/faceWorker': 'electron/faces/analysisWorker.ts', 'electron/benchFaces': 'electron/bench/benchFaces.ts', 'electron/evalFaces': 'electron/bench/evalFaces.ts',
      'electron/evalIdentities': 'electron/bench/evalIdentities.ts', 'electron/benchIdentities': 'electron/bench/benchIdentities.ts' },
      outdir: 'dist', outExtension: { '.js': '.cjs' }, packages: 'external' }),
    build({ ...common, entryPoints: { 'electron/shell/main': 'electron/shell/main.ts' }, outdir: 'dist', outExtension: { '.js': '.cjs' }, packages: 'external', external: ['electron'] }),
    // A sandboxed preload may require nothing but 'electron': bundle all it uses.
    build({ ...common, entryPoints: { 'electron/shell/preload': 'electron/shell/preload.ts' }, outdir: 'dist', outExtension: { '.js': '.cjs' }, external: ['electron'] }),
  ]);
}
if (only !== 'node') {
  await viteBuild({ configFile: path.join(root, 'renderer', 'vite.config.ts'), logLevel: 'warn' });
}
console.log(`built ${only ?? 'node and renderer'} into dist/`);
