/**
 * The browser host: serves the built renderer and the API registry over a WebSocket on 127.0.0.1, for
 * machines where Electron cannot start and for the end-to-end tests. A random token, handed over in the
 * address's fragment, guards the API and the media.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { WebSocketServer, type WebSocket } from 'ws';
import type { ApiEvent, MediaVariant } from '../../shared/api';
import { ApiRegistry } from '../api/registry';
import { Workspace } from '../store/workspace';
import { attachmentHeader, exportFile } from './exportFiles';
import { mediaFor } from './media';
import { pageFile } from './staticFiles';

export interface HostOptions {
  port?: number;
  workspace: string;
  rendererDir: string;
  token?: string;
}

export interface RunningHost {
  url: string;
  port: number;
  token: string;
  registry: ApiRegistry;
  close(): Promise<void>;
}

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.json': 'application/json',
  '.ico': 'image/x-icon',
};

function sameToken(given: string | null, token: string): boolean {
  if (!given) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(token);
  return a.length === b.length && crypto.timingSafeEqual(a, b);
}

export async function startHost(options: HostOptions): Promise<RunningHost> {
  const token = options.token ?? crypto.randomBytes(24).toString('base64url');
  const registry = new ApiRegistry(new Workspace(options.workspace));
  const rendererDir = path.resolve(options.rendererDir);
  const sockets = new Set<WebSocket>();

  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    res.setHeader('X-Content-Type-Options', 'nosniff');
    if (url.pathname.startsWith('/media/')) {
      void serveMedia(url, res);
      return;
    }
    if (url.pathname === '/exports') {
      serveExport(url, res);
      return;
    }
    serveStatic(url.pathname, res);
  });

  function serveStatic(pathname: string, res: http.ServerResponse): void {
    const file = pageFile(rendererDir, pathname);
    if (!file || !fs.existsSync(file) || !fs.statSync(file).isFile()) {
      res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' }).end('not found');
      return;
    }
    res.writeHead(200, { 'Content-Type': CONTENT_TYPES[path.extname(file)] ?? 'application/octet-stream', 'Cache-Control': 'no-cache' });
    fs.createReadStream(file).pipe(res);
  }

  /** A file the services exported into a case's exports/ folder, as a download (the page has no other way to it). */
  function serveExport(url: URL, res: http.ServerResponse): void {
    if (!sameToken(url.searchParams.get('token'), token)) {
      res.writeHead(403).end();
      return;
    }
    const found = exportFile(url.searchParams.get('case') ?? '', url.searchParams.get('file') ?? '');
    if (!found) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'Content-Type': found.contentType, 'Content-Disposition': attachmentHeader(found.name), 'Cache-Control': 'no-store' });
    fs.createReadStream(found.file).pipe(res);
  }

  async function serveMedia(url: URL, res: http.ServerResponse): Promise<void> {
    if (!sameToken(url.searchParams.get('token'), token)) {
      res.writeHead(403).end();
      return;
    }
    const variant = url.pathname.slice('/media/'.length) as MediaVariant;
    const caseId = url.searchParams.get('case') ?? '';
    const id = Number(url.searchParams.get('id'));
    if ((variant !== 'thumb' && variant !== 'full' && variant !== 'face') || !caseId || !Number.isInteger(id)) {
      res.writeHead(400).end();
      return;
    }
    try {
      const media = await mediaFor(caseId, id, variant);
      if (!media) {
        res.writeHead(404).end();
        return;
      }
      res.writeHead(200, { 'Content-Type': media.contentType, 'Cache-Control': 'private, max-age=86400' });
      fs.createReadStream(media.file).pipe(res);
    } catch (error) {
      console.error('[host] media failed:', error);
      if (!res.headersSent) res.writeHead(500);
      res.end();
    }
  }

  const wss = new WebSocketServer({ noServer: true, maxPayload: 1024 * 1024 });
  server.on('upgrade', (req, socket, head) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const origin = req.headers.origin;
    const address = server.address();
    const port = typeof address === 'object' && address ? address.port : 0;
    // Only our own page may connect: the token, and an Origin of this very host (no other site can reach in).
    const originOk = !origin || origin === `http://127.0.0.1:${port}` || origin === `http://localhost:${port}`;
    if (url.pathname !== '/api' || !sameToken(url.searchParams.get('token'), token) || !originOk) {
      socket.write('HTTP/1.1 403 Forbidden\r\n\r\n');
      socket.destroy();
      return;
    }
    wss.handleUpgrade(req, socket, head, (ws) => wss.emit('connection', ws, req));
  });

  wss.on('connection', (ws) => {
    sockets.add(ws);
    ws.on('close', () => sockets.delete(ws));
    ws.on('message', async (data) => {
      let message: { id?: unknown; name?: unknown; args?: unknown };
      try {
        message = JSON.parse(String(data));
      } catch {
        return;
      }
      const response = await registry.handle(message.name, message.args);
      if (ws.readyState === ws.OPEN) ws.send(JSON.stringify({ id: message.id, ...response }));
    });
  });

  registry.jobs.onChange((job) => {
    const event: ApiEvent = { type: 'job', job };
    const frame = JSON.stringify({ event });
    for (const ws of sockets) if (ws.readyState === ws.OPEN) ws.send(frame);
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    url: `http://127.0.0.1:${port}/#token=${token}`,
    port,
    token,
    registry,
    close: async () => {
      for (const ws of sockets) ws.terminate();
      wss.close();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
