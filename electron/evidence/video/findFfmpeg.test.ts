import { afterEach, describe, expect, it } from 'vitest';
import installer from '@ffmpeg-installer/ffmpeg';
import { findFfmpeg } from './findFfmpeg';

const saved = { FACEAUDIT_FFMPEG: process.env['FACEAUDIT_FFMPEG'], PATH: process.env['PATH'] };
afterEach(() => {
  for (const [key, value] of Object.entries(saved)) {
    if (value === undefined) delete process.env[key];
    else process.env[key] = value;
  }
});

describe('findFfmpeg', () => {
  it('finds a working ffmpeg and says which and what version', async () => {
    delete process.env['FACEAUDIT_FFMPEG'];
    const found = await findFfmpeg({ refresh: true });
    expect(['path', 'npm']).toContain(found.source);
    expect(found.version).toMatch(/^\S+$/u);
  });

  it('falls back to the npm binary when PATH has none', async () => {
    delete process.env['FACEAUDIT_FFMPEG'];
    process.env['PATH'] = '/nonexistent';
    const found = await findFfmpeg({ refresh: true });
    expect(found).toMatchObject({ source: 'npm', path: installer.path });
    expect(found.version).toMatch(/^N-\d+-g[0-9a-f]+/u);
    expect(found.release).toBeNull();
  });

  it('uses FACEAUDIT_FFMPEG first', async () => {
    process.env['FACEAUDIT_FFMPEG'] = installer.path;
    expect(await findFfmpeg({ refresh: true })).toMatchObject({ source: 'env', path: installer.path });
  });

  it('refuses a FACEAUDIT_FFMPEG that does not work instead of silently using another', async () => {
    process.env['FACEAUDIT_FFMPEG'] = '/nonexistent/ffmpeg';
    await expect(findFfmpeg({ refresh: true })).rejects.toMatchObject({ code: 'ffmpeg.missing', message: expect.stringContaining('FACEAUDIT_FFMPEG') });
    // A later look-up retries rather than repeating the cached failure.
    delete process.env['FACEAUDIT_FFMPEG'];
    await expect(findFfmpeg()).resolves.toHaveProperty('version');
  });
});
