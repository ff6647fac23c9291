import { describe, expect, it } from 'vitest';
import sharp from 'sharp';
import { JpegSplitter } from './jpegSplitter';

async function jpeg(color: string, options: { comment?: Buffer; restart?: boolean } = {}): Promise<Buffer> {
  const bytes = await sharp({ create: { width: 40, height: 24, channels: 3, background: color } })
    .jpeg({ quality: 90 })
    .toBuffer();
  if (!options.comment) return bytes;
  // A COM segment right after SOI whose payload contains an EOI marker and a fake SOI.
  const length = Buffer.alloc(2);
  length.writeUInt16BE(options.comment.length + 2);
  return Buffer.concat([bytes.subarray(0, 2), Buffer.from([0xff, 0xfe]), length, options.comment, bytes.subarray(2)]);
}

describe('JpegSplitter', () => {
  it('cuts back-to-back JPEGs at every possible chunk boundary', async () => {
    const frames = [await jpeg('#ff0000'), await jpeg('#00ff00', { comment: Buffer.from([0xff, 0xd9, 0xff, 0xd8, 1, 2]) }), await jpeg('#0000ff')];
    const stream = Buffer.concat(frames);
    for (const size of [1, 2, 3, 7, 64, 1000, stream.length]) {
      const splitter = new JpegSplitter();
      const out: Buffer[] = [];
      for (let i = 0; i < stream.length; i += size) out.push(...splitter.push(stream.subarray(i, i + size)));
      expect(out, `chunk ${size}`).toEqual(frames);
      expect(splitter.pending).toBe(false);
    }
  });

  it('reports a stream cut mid-frame as pending', async () => {
    const frame = await jpeg('#123456');
    const splitter = new JpegSplitter();
    expect(splitter.push(frame.subarray(0, frame.length - 10))).toEqual([]);
    expect(splitter.pending).toBe(true);
  });

  it('skips stray bytes between frames', async () => {
    const frame = await jpeg('#654321');
    const splitter = new JpegSplitter();
    expect(splitter.push(Buffer.concat([Buffer.from([0, 1, 0xff]), frame, Buffer.from([7])]))).toEqual([frame]);
  });
});
