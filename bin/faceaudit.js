#!/usr/bin/env node
// The `faceaudit` command: runs the bundled CLI built by `npm run build` (run by `npm install` via "prepare").
import fs from 'node:fs';
import { createRequire } from 'node:module';

const cli = new URL('../dist/electron/cli.cjs', import.meta.url);
if (!fs.existsSync(cli)) {
  console.error('FaceAudit is not built yet: run "npm run build" in the project folder, then try again.');
  process.exit(1);
}
createRequire(import.meta.url)(cli.pathname);
