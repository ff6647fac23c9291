// `npm start`: opens FaceAudit in Electron when an Electron binary is available, otherwise says so in one line
// and starts the browser host. `npm run browser` (--browser) goes to the browser host directly.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const require = createRequire(import.meta.url);
const args = process.argv.slice(2);
const browserOnly = args.includes('--browser');
const passThrough = args.filter((a) => a !== '--browser');

function newestMtime(dir) {
  let newest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile() || entry.parentPath.includes('node_modules')) continue;
    newest = Math.max(newest, fs.statSync(path.join(entry.parentPath, entry.name)).mtimeMs);
  }
  return newest;
}

function ensureBuilt() {
  const stamp = path.join(root, 'dist', 'renderer', 'index.html');
  const built = fs.existsSync(stamp) && fs.existsSync(path.join(root, 'dist', 'electron', 'cli.cjs')) ? fs.statSync(stamp).mtimeMs : 0;
  const sources = Math.max(...['electron', 'renderer', 'shared'].map((d) => newestMtime(path.join(root, d))));
  if (built >= sources) return;
  const result = spawnSync(process.execPath, [path.join(root, 'scripts', 'build.mjs')], { stdio: 'inherit', cwd: root });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

/** The Electron binary if one is on this machine (ELECTRON_OVERRIDE_DIST_PATH, or the electron package's dist). */
function electronBinary() {
  let pkgDir;
  try {
    pkgDir = path.dirname(require.resolve('electron/package.json'));
  } catch {
    return { reason: 'the electron package is not installed' };
  }
  const pathFile = path.join(pkgDir, 'path.txt');
  const relative = fs.existsSync(pathFile) ? fs.readFileSync(pathFile, 'utf8').trim() : process.platform === 'win32' ? 'electron.exe' : 'electron';
  const override = process.env.ELECTRON_OVERRIDE_DIST_PATH;
  const binary = override ? path.join(override, relative) : path.join(pkgDir, 'dist', relative);
  if (fs.existsSync(binary)) return { binary };
  if (override) return { reason: `no Electron at ${binary} (ELECTRON_OVERRIDE_DIST_PATH)` };
  // Electron >= 45.4 fetches its binary on first launch; try once, quietly, and fall back if there is no network.
  const fetched = spawnSync(process.execPath, [path.join(pkgDir, 'install.js')], { stdio: 'ignore', timeout: 180_000, cwd: pkgDir });
  if (fetched.status === 0 && fs.existsSync(binary)) return { binary };
  return { reason: 'no Electron binary here and it could not be downloaded' };
}

/**
 * better-sqlite3 is compiled against one ABI. node_modules keeps the Node build (CLI, tests, browser host);
 * the Electron window gets its own build in .cache/electron-native, passed by path to the services.
 */
async function electronSqliteBinding(electronVersion) {
  const dir = path.join(root, '.cache', 'electron-native', electronVersion);
  const binding = path.join(dir, 'node_modules', 'better-sqlite3', 'build', 'Release', 'better_sqlite3.node');
  if (fs.existsSync(binding)) return binding;
  fs.mkdirSync(path.join(dir, 'node_modules'), { recursive: true });
  fs.cpSync(path.dirname(require.resolve('better-sqlite3/package.json')), path.join(dir, 'node_modules', 'better-sqlite3'), {
    recursive: true,
    filter: (src) => !src.includes(`${path.sep}build${path.sep}`),
  });
  fs.writeFileSync(path.join(dir, 'package.json'), JSON.stringify({ name: 'electron-native', version: '0.0.0', dependencies: { 'better-sqlite3': '*' } }));
  const { rebuild } = require('@electron/rebuild');
  await rebuild({ buildPath: dir, electronVersion, onlyModules: ['better-sqlite3'], force: true });
  return binding;
}

function startBrowserHost() {
  const child = spawn(process.execPath, [path.join(root, 'bin', 'faceaudit.js'), 'serve', ...passThrough], { stdio: 'inherit', cwd: root });
  child.on('exit', (code) => process.exit(code ?? 0));
}

ensureBuilt();
if (browserOnly) {
  startBrowserHost();
} else {
  const found = electronBinary();
  if (!found.binary) {
    console.log(`Electron cannot start here (${found.reason}); starting the browser host instead.`);
    startBrowserHost();
  } else {
    const electronVersion = require('electron/package.json').version;
    let binding;
    try {
      binding = await electronSqliteBinding(electronVersion);
    } catch (error) {
      console.log(`Electron cannot start here (better-sqlite3 could not be built for Electron ${electronVersion}: ${error.message}); starting the browser host instead.`);
      startBrowserHost();
    }
    if (binding) {
      const child = spawn(found.binary, [root, ...passThrough], {
        stdio: 'inherit',
        env: { ...process.env, FACEAUDIT_SQLITE_BINDING: binding },
      });
      child.on('exit', (code) => process.exit(code ?? 0));
    }
  }
}
