import { describe, expect, it } from 'vitest';
import { parseProbe } from './parseProbe';

// Real `ffmpeg -i` output of ffmpeg 4.x (npm static build), trimmed.
const FFMPEG4 = `Input #0, mov,mp4,m4a,3gp,3g2,mj2, from 'file:/tmp/a.mp4':
  Metadata:
    major_brand     : isom
    creation_time   : 2021-04-18T01:30:00.000000Z
    encoder         : Lavf59.27.100
  Duration: 00:01:05.44, start: 0.000000, bitrate: 140 kb/s
    Stream #0:0(und): Video: h264 (High) (avc1 / 0x31637661), yuv420p(tv, bt709), 1920x1080 [SAR 1:1 DAR 16:9], 4138 kb/s, 29.97 fps, 29.97 tbr, 30k tbn, 59.94 tbc (default)
    Metadata:
      creation_time   : 2021-04-18T01:30:01.000000Z
      handler_name    : VideoHandler
    Stream #0:1(und): Audio: aac (LC) (mp4a / 0x6134706D), 48000 Hz, stereo, fltp, 128 kb/s (default)
At least one output file must be specified
`;

// Debian ffmpeg 5.1, MPEG-TS with audio first and a late start.
const FFMPEG5_TS = `Input #0, mpegts, from 'file:/tmp/ch01.ts':
  Duration: 00:00:05.00, start: 1.400000, bitrate: 230 kb/s
  Program 1
    Metadata:
      service_name    : Service01
  Stream #0:0[0x101](chi): Audio: mp2 ([3][0][0][0] / 0x0003), 48000 Hz, stereo, fltp, 384 kb/s
  Stream #0:1[0x100]: Video: hevc (Main) ([36][0][0][0] / 0x0024), yuv420p(tv), 704x576, 25 fps, 25 tbr, 90k tbn
At least one output file must be specified
`;

describe('parseProbe', () => {
  it('reads ffmpeg 4.x output, the container creation_time before the stream one', () => {
    expect(parseProbe(FFMPEG4)).toEqual({
      durationMs: 65440, fps: 29.97, width: 1920, height: 1080, codec: 'h264', startMs: 0,
      creationTime: '2021-04-18T01:30:00.000000Z',
    });
  });

  it('reads ffmpeg 5.x output with a start time and the video stream after audio', () => {
    expect(parseProbe(FFMPEG5_TS)).toEqual({
      durationMs: 5000, fps: 25, width: 704, height: 576, codec: 'hevc', startMs: 1400, creationTime: null,
    });
  });

  it('reads a 1000-fps-and-up rate written with k', () => {
    const fast = FFMPEG5_TS.replace('25 fps, 25 tbr', '1k fps, 1k tbr');
    expect(parseProbe(fast)).toMatchObject({ fps: 1000 });
  });

  it('gives ffmpeg\'s reason when there is no input', () => {
    expect(parseProbe("[mov,mp4,m4a,3gp,3g2,mj2 @ 0x1] moov atom not found\nfile:/tmp/x.mp4: Invalid data found when processing input\n"))
      .toEqual({ error: 'file:/tmp/x.mp4: Invalid data found when processing input' });
  });

  it('refuses audio-only files and cover-art-only streams', () => {
    const audio = FFMPEG4.replace(/^ {4}Stream #0:0.*$/mu, '    Stream #0:0(und): Audio: aac (LC), 48000 Hz, stereo');
    expect(parseProbe(audio)).toEqual({ error: 'no video stream' });
    const cover = FFMPEG4.replace('(default)\n', '(attached pic)\n').replace(/^ {4}Stream #0:1.*$/mu, '');
    expect(parseProbe(cover)).toEqual({ error: 'no video stream' });
  });

  it('leaves an unknown duration (raw H.264 streams) null', () => {
    expect(parseProbe(FFMPEG4.replace('00:01:05.44', 'N/A'))).toMatchObject({ durationMs: null, width: 1920 });
  });
});
