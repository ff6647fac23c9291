/**
 * Electron Forge: packaging and installers (`npm run package`, `npm run make`).
 *
 * Forge 8 needs Node >= 22.13. We build with our own scripts (esbuild for the main and preload, Vite for the
 * page: `npm run build`), so Forge only packages dist/ with the production node_modules; its rebuild step
 * compiles better-sqlite3 for Electron's ABI inside the package.
 */
import type { ForgeConfig } from '@electron-forge/shared-types';

const config: ForgeConfig = {
  packagerConfig: {
    name: 'FaceAudit',
    executableName: 'faceaudit',
    // Native addons, the ffmpeg binary, ONNX Runtime's shared libraries and the model files must be real files on
    // disk: the OS loader and child processes cannot read inside an asar archive.
    asar: { unpack: '{**/*.node,**/*.so*,**/*.dll,**/*.dylib,**/@ffmpeg-installer/**/ffmpeg*,models/**,**/tfjs-backend-wasm/dist/*.wasm}' },
    // Only what runs: the built app and its runtime dependencies; sources, tests and caches stay out.
    ignore: [/^\/(electron|renderer|shared|e2e|scripts|\.ci|test-results|playwright-report|\.cache)(\/|$)/u, /\.map$/u, /^\/[^/]+\.(ts|md)$/u],
  },
  rebuildConfig: { onlyModules: ['better-sqlite3'] },
  makers: [
    { name: '@electron-forge/maker-zip', platforms: ['darwin', 'linux', 'win32'], config: {} },
    { name: '@electron-forge/maker-squirrel', platforms: ['win32'], config: { name: 'FaceAudit' } },
    { name: '@electron-forge/maker-deb', platforms: ['linux'], config: { options: { name: 'faceaudit', productName: 'FaceAudit' } } },
  ],
};

export default config;
