import { describe, expect, it } from 'vitest';
import { clipStartTime } from './clipStartTime';

const SH = 'Asia/Shanghai';
const none = { creationTime: null };

describe('clipStartTime', () => {
  it('reads the start and camera from the names recorders write', () => {
    expect(clipStartTime('导出/CAM03_20210418_093000.mp4', none, SH)).toEqual({
      time: { iso: '2021-04-18T09:30:00+08:00', ms: Date.UTC(2021, 3, 18, 1, 30), localDate: '2021-04-18' },
      source: 'filename',
      cameraId: 'CAM03',
    });
    const range = clipStartTime('20210418093000_20210418100000.mp4', none, SH)!;
    expect([range.time.iso, range.cameraId]).toEqual(['2021-04-18T09:30:00+08:00', null]);
    const channel = clipStartTime('a\\b\\ch01_20210418093000.mp4', none, SH)!;
    expect([channel.time.iso, channel.cameraId]).toEqual(['2021-04-18T09:30:00+08:00', 'CH01']);
  });

  it('prefers the name over container metadata', () => {
    const start = clipStartTime('CAM03_20210418_093000.mp4', { creationTime: '2020-01-01T00:00:00.000000Z' }, SH)!;
    expect(start.source).toBe('filename');
  });

  it('falls back to creation_time, UTC, shown in the case zone', () => {
    expect(clipStartTime('CAM07_clip.mp4', { creationTime: '2021-04-18T01:30:00.000000Z' }, SH)).toEqual({
      time: { iso: '2021-04-18T09:30:00+08:00', ms: Date.UTC(2021, 3, 18, 1, 30), localDate: '2021-04-18' },
      source: 'metadata',
      cameraId: 'CAM07',
    });
    expect(clipStartTime('clip.mp4', { creationTime: '2021-04-17T23:59:58.250000Z' }, SH)!.time.iso).toBe('2021-04-18T07:59:58.250+08:00');
  });

  it('ignores zeroed and unreadable creation times', () => {
    expect(clipStartTime('clip.mp4', { creationTime: '1970-01-01T00:00:00.000000Z' }, SH)).toBeNull();
    expect(clipStartTime('clip.mp4', { creationTime: '1904-01-01T00:00:00.000000Z' }, SH)).toBeNull();
    expect(clipStartTime('clip.mp4', { creationTime: 'garbage' }, SH)).toBeNull();
    expect(clipStartTime('clip.mp4', none, SH)).toBeNull();
  });
});
