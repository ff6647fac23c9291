/**
 * Starts the real browser host (the built CLI's `serve`) on a fresh workspace, as a user's `npm run browser` does.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const cli = path.resolve('bin', 'faceaudit.js');

export interface Host {
  url: string;
  workspace: string;
  stop(): void;
}

export function tempDir(prefix: string): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

export async function startHost(): Promise<Host> {
  const workspace = tempDir('faceaudit-e2e-ws-');
  const child: ChildProcess = spawn(process.execPath, [cli, 'serve', '--port', '0', '--workspace', workspace], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const url = await new Promise<string>((resolve, reject) => {
    let buffer = '';
    const timer = setTimeout(() => reject(new Error(`host did not start: ${buffer}`)), 30_000);
    child.stdout!.on('data', (chunk: Buffer) => {
      buffer += chunk.toString();
      const match = /(http:\/\/127\.0\.0\.1:\d+\/#token=\S+)/u.exec(buffer);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]!);
      }
    });
    child.once('exit', (code) => reject(new Error(`host exited with ${code}: ${buffer}`)));
  });
  return { url, workspace, stop: () => child.kill('SIGTERM') };
}

/** Writes a sample archive with the project's generator; returns its folder and truth. */
export function makeSample(captures: number, seed: number): { archive: string; truth: SampleTruth } {
  const out = tempDir('faceaudit-e2e-sample-');
  const result = spawnSync(process.execPath, [cli, 'sample', out, '--captures', String(captures), '--seed', String(seed)], { encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`sample failed: ${result.stderr}`);
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
