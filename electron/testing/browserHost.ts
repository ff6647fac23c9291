/**
 * Starts the real browser host (the built CLI's `serve`) on a fresh workspace, as a user's `npm run browser` does,
 * and waits for the address it prints. For the e2e tests and the findings benchmark.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export interface BrowserHost {
  url: string;
  workspace: string;
  stop(): void;
}

export async function startBrowserHost(cli: string, workspacePrefix = 'faceaudit-host-ws-'): Promise<BrowserHost> {
  const workspace = fs.mkdtempSync(path.join(os.tmpdir(), workspacePrefix));
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
