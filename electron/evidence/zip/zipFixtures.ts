/**
 * Test-only: ZIP archives built byte by byte, for what real writers refuse to produce (GBK names without the
 * UTF-8 flag, '../' names, lying sizes, encryption flags, broken records), and yazl archives for the rest.
 * Only the fields the reader looks at are filled in; each test says which ones it falsifies.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import yazl from 'yazl';

export interface RawEntry {
  /** A string is written as UTF-8 bytes; give a Buffer for any other encoding. */
  name: string | Buffer;
  data?: Buffer;
  /** 0 stored (default), 8 deflated; anything else is written as stored bytes under that method number. */
  method?: number;
  flags?: number;
  extra?: Buffer;
  /** Overrides of what the headers declare (the data written stays the real one). */
  crc?: number;
  compressedSize?: number;
  uncompressedSize?: number;
  dosDate?: number;
  dosTime?: number;
  versionMadeBy?: number;
  externalAttributes?: number;
}

/** 2021-04-18 09:30:14, as MS-DOS fields. */
export const DOS_2021_04_18_093014 = { dosDate: (41 << 9) | (4 << 5) | 18, dosTime: (9 << 11) | (30 << 5) | 7 };

export function rawZip(entries: RawEntry[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const entry of entries) {
    const name = typeof entry.name === 'string' ? Buffer.from(entry.name, 'utf8') : entry.name;
    const data = entry.data ?? Buffer.alloc(0);
    const method = entry.method ?? 0;
    const stored = method === 8 ? zlib.deflateRawSync(data) : data;
    const extra = entry.extra ?? Buffer.alloc(0);
    const crc = entry.crc ?? zlib.crc32(data);
    const compressedSize = entry.compressedSize ?? stored.length;
    const uncompressedSize = entry.uncompressedSize ?? data.length;
    const flags = entry.flags ?? 0;
    const { dosDate, dosTime } = { ...DOS_2021_04_18_093014, ...pickDefined(entry) };

    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(flags, 6);
    local.writeUInt16LE(method, 8);
    local.writeUInt16LE(dosTime, 10);
    local.writeUInt16LE(dosDate, 12);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(compressedSize, 18);
    local.writeUInt32LE(uncompressedSize, 22);
    local.writeUInt16LE(name.length, 26);
    local.writeUInt16LE(extra.length, 28);
    locals.push(local, name, extra, stored);

    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(entry.versionMadeBy ?? 20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(flags, 8);
    central.writeUInt16LE(method, 10);
    central.writeUInt16LE(dosTime, 12);
    central.writeUInt16LE(dosDate, 14);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(compressedSize, 20);
    central.writeUInt32LE(uncompressedSize, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt16LE(extra.length, 30);
    central.writeUInt32LE(entry.externalAttributes ?? 0, 38);
    central.writeUInt32LE(offset, 42);
    centrals.push(central, name, extra);
    offset += 30 + name.length + extra.length + stored.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

function pickDefined(entry: RawEntry): { dosDate?: number; dosTime?: number } {
  const picked: { dosDate?: number; dosTime?: number } = {};
  if (entry.dosDate !== undefined) picked.dosDate = entry.dosDate;
  if (entry.dosTime !== undefined) picked.dosTime = entry.dosTime;
  return picked;
}

/** An Info-ZIP Unicode Path extra field (0x7075) for `rawName`, naming it `name`. */
export function unicodePathExtra(rawName: Buffer, name: string, crcOf: Buffer = rawName): Buffer {
  const utf8 = Buffer.from(name, 'utf8');
  const field = Buffer.alloc(4 + 5 + utf8.length);
  field.writeUInt16LE(0x7075, 0);
  field.writeUInt16LE(5 + utf8.length, 2);
  field.writeUInt8(1, 4);
  field.writeUInt32LE(zlib.crc32(crcOf), 5);
  utf8.copy(field, 9);
  return field;
}

export type YazlItem = { name: string; data: Buffer; compress?: boolean } | { directory: string };

/** A ZIP written by yazl, the way a well-behaved tool writes one. */
export function yazlZip(file: string, items: YazlItem[]): Promise<void> {
  const zip = new yazl.ZipFile();
  const mtime = new Date('2021-04-18T01:30:14Z');
  for (const item of items) {
    if ('directory' in item) zip.addEmptyDirectory(item.directory, { mtime });
    else zip.addBuffer(item.data, item.name, { compress: item.compress ?? true, mtime });
  }
  zip.end();
  return new Promise((resolve, reject) => {
    const out = fs.createWriteStream(file);
    zip.outputStream.pipe(out).on('finish', resolve).on('error', reject);
  });
}

export function tempDir(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'faceaudit-zip-'));
}
