/**
 * Tests that need the CLI as its own process (to kill it with SIGKILL mid-import): the CLI is bundled with
 * esbuild from the current sources into .cache/, next to node_modules so its dependencies resolve.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { build } from 'esbuild';
import { findRepoRoot } from '../sample/faces';

export async function buildCliForTest(): Promise<string> {
  const root = findRepoRoot();
  const outfile = path.join(root, '.cache', 'test-bin', `cli-${process.pid}.cjs`);
  await build({
    entryPoints: [path.join(root, 'electron', 'cli', 'bin.ts')], outfile, bundle: true, platform: 'node', format: 'cjs',
    target: 'node20', packages: 'external', logLevel: 'error',
  });
  return outfile;
}

export function runCli(cli: string, args: string[]): { child: ChildProcess; done: Promise<{ code: number | null; stdout: string; stderr: string }> } {
  const child = spawn(process.execPath, [cli, ...args], { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, FACEAUDIT_LANG: 'en' } });
  let stdout = '';
  let stderr = '';
  child.stdout!.on('data', (c: Buffer) => (stdout += c.toString()));
  child.stderr!.on('data', (c: Buffer) => (stderr += c.toString()));
  const done = new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) =>
    child.on('close', (code) => resolve({ code, stdout, stderr })),
  );
  return { child, done };
}
