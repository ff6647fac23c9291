import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import exifr from 'exifr';
import sharp from 'sharp';
import { afterAll, describe, expect, it } from 'vitest';
import { exifCaptureTime } from './exifTime';

const SH = 'Asia/Shanghai';
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'faceaudit-exif-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const plain = () => sharp({ create: { width: 16, height: 16, channels: 3, background: '#808080' } }).jpeg().toBuffer();

async function withExif(exif: Record<string, string>): Promise<Buffer> {
  return sharp(await plain()).withExif({ IFD0: { Make: 'FaceAudit test' }, IFD2: exif }).jpeg().toBuffer();
}

describe('exifCaptureTime', () => {
  it('reads DateTimeOriginal as wall-clock time in the case zone, whatever the machine zone', async () => {
    const jpeg = await withExif({ DateTimeOriginal: '2021:04:18 09:30:15' });
    const machineZone = process.env['TZ'];
    try {
      // Node applies a changed TZ at once; a Date-based reading would shift by the machine's offset.
      for (const tz of ['UTC', 'America/New_York', 'Asia/Kolkata']) {
        process.env['TZ'] = tz;
        expect(new Date(2021, 0, 1).getTimezoneOffset(), tz).toBe({ UTC: 0, 'America/New_York': 300, 'Asia/Kolkata': -330 }[tz]);
        expect(await exifCaptureTime(jpeg, SH), tz).toEqual({
          time: { iso: '2021-04-18T09:30:15+08:00', ms: Date.UTC(2021, 3, 18, 1, 30, 15), localDate: '2021-04-18' },
          tag: 'DateTimeOriginal',
          offset: null,
        });
      }
    } finally {
      if (machineZone === undefined) delete process.env['TZ'];
      else process.env['TZ'] = machineZone;
    }
  });

  it('uses the written offset and sub-seconds', async () => {
    const jpeg = await withExif({ DateTimeOriginal: '2021:04:18 09:30:15', OffsetTimeOriginal: '+02:00', SubSecTimeOriginal: '123' });
    const found = (await exifCaptureTime(jpeg, SH))!;
    expect(found.time.iso).toBe('2021-04-18T15:30:15.123+08:00');
    expect(found.time.ms).toBe(Date.UTC(2021, 3, 18, 7, 30, 15, 123));
    expect(found.offset).toBe('+02:00');
  });

  it('falls back to CreateDate, and reads from a path', async () => {
    const file = path.join(dir, 'digitized.jpg');
    fs.writeFileSync(file, await withExif({ DateTimeDigitized: '2021:04:18 23:59:59', SubSecTimeDigitized: '5' }));
    const found = (await exifCaptureTime(file, SH))!;
    expect([found.tag, found.time.iso, found.time.localDate]).toEqual(['CreateDate', '2021-04-18T23:59:59.500+08:00', '2021-04-18']);
  });

  it('rejects impossible and blank dates', async () => {
    for (const DateTimeOriginal of ['2021:02:30 09:30:15', '2021:04:18 25:00:00', '0000:00:00 00:00:00', '    :  :     :  :  ', '1970:01:01 00:00:00']) {
      const jpeg = await withExif({ DateTimeOriginal });
      // The tag is there as written; it is the reading that refuses it.
      expect((await exifr.parse(jpeg, { pick: ['DateTimeOriginal'], reviveValues: false }) as { DateTimeOriginal: string }).DateTimeOriginal).toBe(DateTimeOriginal.trim());
      expect(await exifCaptureTime(jpeg, SH), DateTimeOriginal).toBeNull();
    }
  });

  it('gives null for a JPEG without EXIF and for bytes that are no image', async () => {
    expect(await exifCaptureTime(await plain(), SH)).toBeNull();
    expect(await exifCaptureTime(Buffer.from('not an image'), SH)).toBeNull();
    expect(await exifCaptureTime((await plain()).subarray(0, 20), SH)).toBeNull();
  });

  it('throws for a missing file', async () => {
    await expect(exifCaptureTime(path.join(dir, 'absent.jpg'), SH)).rejects.toThrow(/ENOENT/u);
  });
});
