import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { tempDir, writeSmallArchive } from '../testing/fixtures';
import { startHost, type RunningHost } from './server';

let host: RunningHost | undefined;
afterEach(async () => {
  await host?.close();
  host = undefined;
});

function connect(port: number, token: string): Promise<WebSocket> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(`ws://127.0.0.1:${port}/api?token=${token}`);
    ws.once('open', () => resolve(ws));
    ws.once('error', reject);
  });
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- wire messages are checked by the assertions
type Wire = any;

function call(ws: WebSocket, id: number, name: string, args: unknown): Promise<{ ok: boolean; value?: Wire; error?: Wire }> {
  return new Promise((resolve) => {
    const onMessage = (data: WebSocket.RawData) => {
      const message = JSON.parse(String(data));
      if (message.id === id) {
        ws.off('message', onMessage);
        resolve(message);
      }
    };
    ws.on('message', onMessage);
    ws.send(JSON.stringify({ id, name, args }));
  });
}

describe('browser host', () => {
  it('serves the API to a client with the token: create, import with progress events, stats, thumbnails', async () => {
    const root = tempDir();
    const renderer = path.join(root, 'renderer');
    fs.mkdirSync(renderer);
    fs.writeFileSync(path.join(renderer, 'index.html'), '<!doctype html><title>t</title>');
    host = await startHost({ workspace: path.join(root, 'ws'), rendererDir: renderer });
    expect(host.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/#token=/u);
    expect((await fetch(`http://127.0.0.1:${host.port}/`)).status).toBe(200);

    const ws = await connect(host.port, host.token);
    const events: Wire[] = [];
    ws.on('message', (data) => {
      const message = JSON.parse(String(data));
      if (message.event) events.push(message.event);
    });
    const created = await call(ws, 1, 'cases.create', { info: { number: '禹市监处罚〔2022〕12号', partyName: '某公司' } });
    expect(created.ok).toBe(true);
    const caseId = created.value.id as string;
    expect(caseId.startsWith(path.join(root, 'ws', 'cases'))).toBe(true);

    await writeSmallArchive(path.join(root, 'archive'));
    const started = await call(ws, 2, 'import.start', { caseId, path: path.join(root, 'archive') });
    const finished = await host.registry.jobs.wait(started.value.jobId);
    expect(finished.state).toBe('done');
    await new Promise((r) => setTimeout(r, 50));
    expect(events.at(-1)).toMatchObject({ type: 'job', job: { state: 'done', result: { captures: 5 } } });
    expect(events.some((e) => e.job.phase === 'hashing')).toBe(true);

    const stats = await call(ws, 3, 'stats.get', { caseId });
    expect(stats.value.captures).toBe(5);
    const list = await call(ws, 4, 'cases.list', {});
    expect(list.value).toEqual([expect.objectContaining({ id: caseId, captures: 5 })]);
    const page = await call(ws, 5, 'captures.list', { caseId, date: '2021-04-19', offset: 0, limit: 10 });
    expect(page.value.total).toBe(2);

    const thumb = await fetch(`http://127.0.0.1:${host.port}/media/thumb?case=${encodeURIComponent(caseId)}&id=${page.value.items[0].id}&token=${host.token}`);
    expect(thumb.status).toBe(200);
    expect(thumb.headers.get('content-type')).toBe('image/webp');
    const stolen = await fetch(`http://127.0.0.1:${host.port}/media/thumb?case=${encodeURIComponent(caseId)}&id=1&token=wrong`);
    expect(stolen.status).toBe(403);
    ws.close();
  });

  it('validates arguments and refuses clients without the token', async () => {
    const root = tempDir();
    host = await startHost({ workspace: path.join(root, 'ws'), rendererDir: root });
    await expect(connect(host.port, 'not-the-token')).rejects.toThrow(/403/u);
    const ws = await connect(host.port, host.token);
    const bad = await call(ws, 1, 'captures.list', { caseId: 'x', limit: 999999 });
    expect(bad).toMatchObject({ ok: false, error: { code: 'args.invalid' } });
    const unknown = await call(ws, 2, 'fs.readFile', { path: '/etc/passwd' });
    expect(unknown).toMatchObject({ ok: false, error: { code: 'args.invalid' } });
    const notACase = await call(ws, 4, 'cases.open', { dir: root });
    expect(notACase).toMatchObject({ ok: false, error: { code: 'case.notFound' } });
    const badCode = await call(ws, 3, 'cases.create', { info: { number: '禹市监处罚〔2022〕12号', partyName: 'X', creditCode: '91350100M000100Y44' } });
    expect(badCode).toMatchObject({ ok: false, error: { code: 'creditCode.invalid', params: { expected: '3' } } });
    ws.close();
  });
});
