import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_ZIP_LIMITS, ZipEntryDataError, ZipUnreadableError, type ZipLimits } from './readZip';
import { listZip, readAll } from './testHelpers';
import { rawZip, tempDir, yazlZip } from './zipFixtures';

let dir: string;
beforeEach(() => {
  dir = tempDir();
});

function writeFile(name: string, bytes: Buffer): string {
  const file = path.join(dir, name);
  fs.writeFileSync(file, bytes);
  return file;
}

const MiB = 2 ** 20;
const ok = { name: 'ok.txt', data: Buffer.from('fine') };

async function unreadableReason(zipFile: string): Promise<string> {
  try {
    await listZip(zipFile);
  } catch (error) {
    expect(error).toBeInstanceOf(ZipUnreadableError);
    return (error as ZipUnreadableError).reason;
  }
  throw new Error('expected ZipUnreadableError');
}

describe('hostile entry names', () => {
  it('skips climbing, absolute and NUL names with a reason, and reads the entries after them', async () => {
    const zipFile = writeFile('names.zip', rawZip([
      { name: '../evil.txt', data: Buffer.from('x') },
      { name: 'a/../../evil.txt', data: Buffer.from('x') },
      { name: '/etc/passwd', data: Buffer.from('x') },
      { name: 'C:\\Windows\\evil.dll', data: Buffer.from('x') },
      { name: '\\\\server\\share\\x.txt', data: Buffer.from('x') },
      { name: 'a\0b.txt', data: Buffer.from('x') },
      ok,
    ]));
    const { files, skipped } = await readAll(zipFile, { prefix: 'export.zip/' });
    expect(skipped).toEqual([
      { relPath: 'export.zip/../evil.txt', reason: "path leaves the archive (contains a '..' segment)" },
      { relPath: 'export.zip/a/../../evil.txt', reason: "path leaves the archive (contains a '..' segment)" },
      { relPath: 'export.zip//etc/passwd', reason: 'absolute path' },
      { relPath: 'export.zip/C:\\Windows\\evil.dll', reason: 'absolute path (drive letter)' },
      { relPath: 'export.zip/\\\\server\\share\\x.txt', reason: 'absolute path (network share)' },
      { relPath: 'export.zip/a\\0b.txt', reason: 'name contains a NUL byte' },
    ]);
    expect([...files.keys()]).toEqual(['export.zip/ok.txt']);
    expect(files.get('export.zip/ok.txt')).toEqual(Buffer.from('fine'));
  });
});

describe('entries that cannot or must not be read', () => {
  it('skips encrypted entries, unsupported methods and symbolic links', async () => {
    const zipFile = writeFile('kinds.zip', rawZip([
      { name: 'secret.jpg', data: Buffer.alloc(12 + 5), flags: 0x1 },
      { name: 'aes.jpg', data: Buffer.from('x'), method: 99, flags: 0x1 },
      { name: 'old.bin', data: Buffer.from('x'), method: 12 },
      { name: 'link', data: Buffer.from('/etc/passwd'), versionMadeBy: (3 << 8) | 30, externalAttributes: (0o120777 << 16) >>> 0 },
      ok,
    ]));
    const { files, skipped } = await readAll(zipFile);
    expect(skipped).toEqual([
      { relPath: 'secret.jpg', reason: 'encrypted entry (password-protected): its content cannot be read' },
      { relPath: 'aes.jpg', reason: 'encrypted entry (password-protected): its content cannot be read' },
      { relPath: 'old.bin', reason: 'unsupported compression method 12 (BZIP2)' },
      { relPath: 'link', reason: 'symbolic link (not followed)' },
    ]);
    expect([...files.keys()]).toEqual(['ok.txt']);
  });

  it('gives up on an archive whose first record uses strong encryption', async () => {
    const zipFile = writeFile('strong.zip', rawZip([{ name: 'a.jpg', data: Buffer.from('x'), flags: 0x41 }]));
    expect(await unreadableReason(zipFile)).toBe('encrypted archive (strong encryption): the entries cannot be read');
  });
});

describe('zip bombs', () => {
  it('skips a 50 MB entry of zeros that compresses about 1000:1 (default limits)', async () => {
    const zipFile = path.join(dir, 'bomb.zip');
    await yazlZip(zipFile, [{ name: 'zeros.bin', data: Buffer.alloc(50 * MiB) }, ok]);
    expect(fs.statSync(zipFile).size).toBeLessThan(60_000);
    const { files, skipped } = await readAll(zipFile);
    expect(skipped).toHaveLength(1);
    expect(skipped[0]!.relPath).toBe('zeros.bin');
    expect(skipped[0]!.reason).toMatch(/^compression ratio 10\d\d:1 exceeds the limit of 200:1 \(possible zip bomb\)$/u);
    expect([...files.keys()]).toEqual(['ok.txt']);
  });

  it('skips entries declared above the per-entry or total limits', async () => {
    const limits: ZipLimits = { ...DEFAULT_ZIP_LIMITS, maxEntryBytes: 1000, maxTotalBytes: 1500 };
    const zipFile = writeFile('sizes.zip', rawZip([
      { name: 'big.bin', data: Buffer.alloc(1001, 1) },
      { name: 'a.bin', data: Buffer.alloc(800, 1) },
      { name: 'b.bin', data: Buffer.alloc(800, 1) },
      { name: 'c.bin', data: Buffer.alloc(700, 1) },
    ]));
    const { files, skipped } = await readAll(zipFile, { prefix: '', limits });
    expect(skipped).toEqual([
      { relPath: 'big.bin', reason: 'declared size 1001 bytes exceeds the per-entry limit of 1000 bytes' },
      { relPath: 'b.bin', reason: 'expanding it would take the archive past the total limit of 1.5 KiB (1500 bytes) (possible zip bomb)' },
    ]);
    // 800 + 700 = 1500: exactly the limit.
    expect([...files.keys()]).toEqual(['a.bin', 'c.bin']);
  });

  it('fails the stream of an entry whose header declares 1,000 bytes but inflates to 1 MiB', async () => {
    const zipFile = writeFile('liar.zip', rawZip([{ name: 'liar.bin', data: Buffer.alloc(MiB), method: 8, uncompressedSize: 1000 }, ok]));
    const { files, entries } = await readAll(zipFile);
    expect(entries[0]!.size).toBe(1000);
    const error = files.get('liar.bin') as ZipEntryDataError;
    expect(error).toBeInstanceOf(ZipEntryDataError);
    expect(error.reason).toBe('entry expands past its declared size of 1000 bytes: the header lies (possible zip bomb)');
    expect(error.message).toBe(`liar.bin: ${error.reason}`);
    expect(files.get('ok.txt')).toEqual(Buffer.from('fine'));
  });

  it('reads only maxEntries records and says how many were not read', async () => {
    const zipFile = writeFile('many.zip', rawZip([
      { name: 'dir/' },
      ...Array.from({ length: 9 }, (_, i) => ({ name: `dir/${i}.txt`, data: Buffer.from(String(i)) })),
    ]));
    const items = await listZip(zipFile, { prefix: 'x.zip/', limits: { ...DEFAULT_ZIP_LIMITS, maxEntries: 4 } });
    // The directory counts as a record: dir/, 0, 1, 2.
    expect(items.map((i) => i.relPath)).toEqual(['x.zip/dir/0.txt', 'x.zip/dir/1.txt', 'x.zip/dir/2.txt', 'x.zip/*']);
    expect(items[3]).toEqual({
      kind: 'skipped', relPath: 'x.zip/*', reason: 'too many entries: the archive lists 10, the limit is 4; the remaining 6 were not read',
    });
  });
});

describe('truncated and damaged archives', () => {
  it('refuses a ZIP cut in half: no central directory', async () => {
    const whole = rawZip([{ name: 'a.txt', data: Buffer.alloc(5000, 7) }, ok]);
    const zipFile = writeFile('half.zip', whole.subarray(0, whole.length >> 1));
    expect(await unreadableReason(zipFile)).toBe('truncated or damaged ZIP: no central directory (the end of the archive is missing)');
  });

  it('refuses files that are not ZIPs, empty files and missing files', async () => {
    expect(await unreadableReason(writeFile('text.zip', Buffer.from('抓拍时间,设备名称\n')))).toBe('not a ZIP archive (no ZIP signature found)');
    expect(await unreadableReason(writeFile('empty.zip', Buffer.alloc(0)))).toBe('empty file, not a ZIP archive');
    expect(await unreadableReason(path.join(dir, 'absent.zip'))).toBe('the file cannot be opened (ENOENT)');
  });

  it('reads the entries before a broken central-directory record and reports the rest', async () => {
    const whole = rawZip([ok, { name: 'b.txt', data: Buffer.from('b') }, { name: 'c.txt', data: Buffer.from('c') }]);
    const second = whole.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]), whole.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02])) + 4);
    whole[second + 3] = 0x09;
    const items = await listZip(writeFile('broken.zip', whole), { prefix: 'e.zip/' });
    expect(items.map((i) => i.relPath)).toEqual(['e.zip/ok.txt', 'e.zip/*']);
    expect(items[1]).toMatchObject({
      kind: 'skipped',
      reason: 'the rest of the archive could not be read: damaged ZIP: the central directory is not where the archive says (damaged, or a self-extracting archive); 2 of 3 entries were not read',
    });
  });

  it('fails only the entry whose stored data was altered (CRC-32 mismatch)', async () => {
    const middle = Buffer.alloc(4000, 0x41);
    const whole = rawZip([ok, { name: 'photo.jpg', data: middle }, { name: 'last.txt', data: Buffer.from('last') }]);
    const at = whole.indexOf(middle) + 2000;
    whole[at] = 0x42;
    const { files } = await readAll(writeFile('flipped.zip', whole));
    expect(files.get('ok.txt')).toEqual(Buffer.from('fine'));
    expect(files.get('last.txt')).toEqual(Buffer.from('last'));
    const crc = zlib.crc32(middle).toString(16).padStart(8, '0');
    expect((files.get('photo.jpg') as ZipEntryDataError).reason).toMatch(new RegExp(`^entry data is damaged: CRC-32 mismatch \\(recorded ${crc}, computed [0-9a-f]{8}\\)$`, 'u'));
  });

  it('fails only the entry whose deflated data was altered', async () => {
    const text = Buffer.from(Array.from({ length: 3000 }, (_, i) => `row ${i},CAM0${i % 7}\n`).join(''));
    const whole = rawZip([{ name: 'sheet.csv', data: text, method: 8 }, ok]);
    const deflated = zlib.deflateRawSync(text);
    const start = whole.indexOf(deflated);
    for (let i = 0; i < 40; i += 1) { const at = start + (deflated.length >> 1) + i; whole[at] = whole[at]! ^ 0xa5; }
    const { files } = await readAll(writeFile('flipped.zip', whole));
    expect((files.get('sheet.csv') as ZipEntryDataError).reason).toMatch(/^entry data is damaged: (it cannot be decompressed|CRC-32 mismatch)/u);
    expect(files.get('ok.txt')).toEqual(Buffer.from('fine'));
  });

  it('fails an entry whose data ends before its declared size', async () => {
    const zipFile = writeFile('short.zip', rawZip([{ name: 'short.bin', data: Buffer.alloc(1000, 3), method: 8, uncompressedSize: 2000 }]));
    const { files } = await readAll(zipFile);
    expect((files.get('short.bin') as ZipEntryDataError).reason).toBe('entry data is truncated or damaged: 1000 of 2000 declared bytes');
  });

  it('fails an entry whose data would lie past the end of the file', async () => {
    const zipFile = writeFile('past.zip', rawZip([{ name: 'past.bin', data: Buffer.alloc(100, 3), method: 8, compressedSize: 10_000 }]));
    const { files } = await readAll(zipFile);
    expect((files.get('past.bin') as ZipEntryDataError).reason).toBe('entry data lies past the end of the archive (truncated or damaged ZIP)');
  });

  it('fails an entry whose local header is not where the directory says', async () => {
    const whole = rawZip([{ name: 'moved.bin', data: Buffer.from('moved') }, ok]);
    whole[0] = 0x00; // the first local header's signature
    const { files } = await readAll(writeFile('moved.zip', whole));
    expect((files.get('moved.bin') as ZipEntryDataError).reason).toBe('entry data is damaged: its local header is not at the recorded position');
    expect(files.get('ok.txt')).toEqual(Buffer.from('fine'));
  });
});
