import { describe, expect, it } from 'vitest';
import { parseCaptureTime, parseFileName } from './parseTime';

const SH = 'Asia/Shanghai';

describe('capture times', () => {
  it('reads local times in the case zone, with the offset written out', () => {
    expect(parseCaptureTime('2021-04-18 09:30:15', SH)).toEqual({
      iso: '2021-04-18T09:30:15+08:00',
      ms: Date.UTC(2021, 3, 18, 1, 30, 15),
      localDate: '2021-04-18',
    });
  });

  it('reads the forms platforms write', () => {
    const forms = ['2021/4/18 9:30:15', '2021年4月18日 09时30分15秒', '2021-04-18T09:30:15', '20210418093015', '2021.04.18 09:30:15'];
    for (const form of forms) expect(parseCaptureTime(form, SH)?.iso, form).toBe('2021-04-18T09:30:15+08:00');
  });

  it('keeps milliseconds when the source has them', () => {
    expect(parseCaptureTime('2021-04-18 09:30:15.123', SH)?.iso).toBe('2021-04-18T09:30:15.123+08:00');
  });

  it('keeps the instant of a time with its own offset and shows it in the case zone', () => {
    const t = parseCaptureTime('2021-04-17T23:59:00Z', SH)!;
    expect(t.iso).toBe('2021-04-18T07:59:00+08:00');
    expect(t.localDate).toBe('2021-04-18');
  });

  it('reads epoch seconds and milliseconds', () => {
    expect(parseCaptureTime('1618709415', SH)?.iso).toBe('2021-04-18T09:30:15+08:00');
    expect(parseCaptureTime('1618709415123', SH)?.iso).toBe('2021-04-18T09:30:15.123+08:00');
  });

  it('rejects impossible dates instead of rolling them over', () => {
    for (const bad of ['2021-02-30 10:00:00', '2021-04-18 25:00:00', '2021-13-01 10:00:00', 'yesterday', '']) {
      expect(parseCaptureTime(bad, SH), bad).toBeNull();
    }
  });

  it('rejects a local time that does not exist in a zone with daylight saving', () => {
    expect(parseCaptureTime('2021-03-14 02:30:00', 'America/New_York')).toBeNull();
  });
});

describe('file names', () => {
  it('reads camera and time from CAM03_20210418_093015_123.jpg', () => {
    const parsed = parseFileName('CAM03_20210418_093015_123.jpg', SH);
    expect(parsed.cameraId).toBe('CAM03');
    expect(parsed.time?.iso).toBe('2021-04-18T09:30:15.123+08:00');
  });
  it('reads a bare timestamp name', () => {
    expect(parseFileName('20210418093015.jpg', SH)).toMatchObject({ cameraId: null, time: { iso: '2021-04-18T09:30:15+08:00' } });
  });
  it('gives nothing for a name without a time', () => {
    expect(parseFileName('face.jpg', SH)).toEqual({ time: null, cameraId: null });
  });
});
