/**
 * Cutting ffmpeg's image2pipe output (JPEGs back to back, no framing) into single JPEG files as the bytes arrive.
 *
 * Searching for FFD9 alone is not safe: marker segments (APPn, COM) carry arbitrary bytes. So the header is
 * walked segment by segment by length, and only entropy-coded data is scanned, where FF is always stuffed
 * (FF00) or a restart marker (FFD0–FFD7), so the first other marker there is real.
 */
const MAX_JPEG_BYTES = 128 * 1024 * 1024;

type State = 'soi' | 'segments' | 'entropy';

export class JpegSplitter {
  private buf: Buffer = Buffer.alloc(0);
  private pos = 0;
  private state: State = 'soi';

  /** Feed bytes; returns the JPEGs completed by them, in order. */
  push(chunk: Buffer): Buffer[] {
    this.buf = this.buf.length === 0 ? chunk : Buffer.concat([this.buf, chunk]);
    const done: Buffer[] = [];
    for (;;) {
      const frame = this.step();
      if (frame === null) break;
      if (frame !== 'progress') done.push(frame);
    }
    if (this.buf.length > MAX_JPEG_BYTES) throw new Error('JPEG stream: frame larger than 128 MB, output is not JPEG');
    return done;
  }

  /** True when bytes of an unfinished JPEG are pending (the stream was cut mid-frame). */
  get pending(): boolean {
    return this.state !== 'soi';
  }

  /** One parsing step: a finished frame, 'progress' when it moved on, null when it needs more bytes. */
  private step(): Buffer | 'progress' | null {
    const buf = this.buf;
    if (this.state === 'soi') {
      const at = buf.indexOf(SOI);
      if (at < 0) {
        // Keep a trailing FF: it may be the first half of the next SOI.
        this.buf = buf.length && buf[buf.length - 1] === 0xff ? buf.subarray(buf.length - 1) : Buffer.alloc(0);
        return null;
      }
      this.buf = buf.subarray(at);
      this.pos = 2;
      this.state = 'segments';
      return 'progress';
    }
    if (this.state === 'segments') {
      let p = this.pos;
      if (p + 2 > buf.length) return null;
      if (buf[p] !== 0xff) throw new Error(`JPEG stream: expected a marker at byte ${p}`);
      // Fill bytes: any number of FF before the marker code.
      while (p + 1 < buf.length && buf[p + 1] === 0xff) p += 1;
      if (p + 2 > buf.length) return null;
      const marker = buf[p + 1]!;
      if (marker === 0xd9) return this.finish(p + 2);
      if (marker === 0x01 || (marker >= 0xd0 && marker <= 0xd7)) {
        this.pos = p + 2;
        return 'progress';
      }
      if (p + 4 > buf.length) return null;
      const length = buf.readUInt16BE(p + 2);
      if (length < 2) throw new Error('JPEG stream: bad segment length');
      if (p + 2 + length > buf.length) return null;
      this.pos = p + 2 + length;
      if (marker === 0xda) this.state = 'entropy';
      return 'progress';
    }
    // Entropy-coded data: stop at the first FF that is neither stuffing nor a restart marker.
    let p = this.pos;
    for (;;) {
      const at = buf.indexOf(0xff, p);
      if (at < 0 || at + 1 >= buf.length) {
        this.pos = at < 0 ? buf.length : at;
        return null;
      }
      const next = buf[at + 1]!;
      if (next === 0x00 || (next >= 0xd0 && next <= 0xd7)) {
        p = at + 2;
        continue;
      }
      if (next === 0xff) {
        p = at + 1;
        continue;
      }
      if (next === 0xd9) return this.finish(at + 2);
      // Another segment (a progressive JPEG's next DHT/SOS): back to walking segments.
      this.pos = at;
      this.state = 'segments';
      return 'progress';
    }
  }

  private finish(end: number): Buffer {
    // Copy: the frame outlives this parser's buffer, which may be a slice of a larger chunk.
    const frame = Buffer.from(this.buf.subarray(0, end));
    this.buf = this.buf.subarray(end);
    this.pos = 0;
    this.state = 'soi';
    return frame;
  }
}

const SOI = Buffer.from([0xff, 0xd8]);
