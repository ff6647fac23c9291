/**
 * Starts the real browser host (the built CLI's `serve`) on a fresh workspace, as a user's `npm run browser` does.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startBrowserHost, type BrowserHost } from '../electron/testing/browserHost';

const cli = path.resolve('bin', 'faceaudit.js');

export type Host = BrowserHost;

export function tempDir(prefix: string): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

export function startHost(): Promise<Host> {
  return startBrowserHost(cli, 'faceaudit-e2e-ws-');
}

/** Runs the built CLI, as a user preparing a case on another workstation would; returns its output. */
export function runCli(args: string[]): string {
  const result = spawnSync(process.execPath, [cli, ...args], { encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`faceaudit ${args[0]} failed: ${result.stderr}`);
  return result.stdout;
}

/** Writes a sample archive with the project's generator; returns its folder and truth. */
export function makeSample(captures: number, seed: number): { archive: string; truth: SampleTruth } {
  const out = tempDir('faceaudit-e2e-sample-');
  runCli(['sample', out, '--captures', String(captures), '--seed', String(seed)]);
  return { archive: path.join(out, 'archive'), truth: JSON.parse(fs.readFileSync(path.join(out, 'truth.json'), 'utf8')) as SampleTruth };
}

export interface SampleTruth {
  captures: number;
  cameras: Array<{ id: string; name: string; captures: number }>;
  period: { first: string; last: string };
  daysActive: number;
  perDay: Array<{ date: string; captures: number }>;
  records: Array<{ row: number; image: string; time: string; camera: string }>;
}
