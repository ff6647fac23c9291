import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import v8 from 'node:v8';
import vm from 'node:vm';
import { beforeEach, describe, expect, it } from 'vitest';
import { MAX_NESTED_ZIP_DEPTH, ZipEntryDataError, isZipName, nestedZipPrefix, readZipEntries, zipDepth } from './readZip';
import { drain, listZip, readAll } from './testHelpers';
import { rawZip, tempDir, unicodePathExtra, yazlZip } from './zipFixtures';

// A real collection before each memory sample, without asking the test runner for --expose-gc.
v8.setFlagsFromString('--expose-gc');
const gc = vm.runInNewContext('gc') as () => void;

let dir: string;
beforeEach(() => {
  dir = tempDir();
});

const hex = (h: string): Buffer => Buffer.from(h.replace(/\s/gu, ''), 'hex');
const GBK = {
  sheet: hex('d7a5c5c4bcc7c2bc 2e637376'), // 抓拍记录.csv
  photo: hex('d7a5c5c4cdbcc6ac 2f c7b0cca8 2f 43414d30315f3030312e6a7067'), // 抓拍图片/前台/CAM01_001.jpg
  folder: hex('d7a5c5c4cdbcc6ac 2f'), // 抓拍图片/
};

function writeFile(name: string, bytes: Buffer): string {
  const file = path.join(dir, name);
  fs.writeFileSync(file, bytes);
  return file;
}

describe('reading a ZIP written by a well-behaved tool', () => {
  it('yields every file with its path, size, time and exact bytes, and no directories', async () => {
    const photo = crypto.randomBytes(15_000);
    const csv = Buffer.from('抓拍时间,设备名称\n2021-04-18 09:30:15,CAM01\n', 'utf8');
    const zipFile = path.join(dir, 'export.zip');
    await yazlZip(zipFile, [
      { directory: '抓拍图片/' },
      { name: '抓拍记录.csv', data: csv },
      { name: '抓拍图片/前台/CAM01_20210418_093015_123.jpg', data: photo, compress: false },
      { name: 'empty.txt', data: Buffer.alloc(0) },
    ]);
    const { files, skipped, entries } = await readAll(zipFile, { prefix: 'case/export.zip/' });
    expect(skipped).toEqual([]);
    expect(entries.map((e) => [e.relPath, e.size])).toEqual([
      ['case/export.zip/抓拍记录.csv', csv.length],
      ['case/export.zip/抓拍图片/前台/CAM01_20210418_093015_123.jpg', 15_000],
      ['case/export.zip/empty.txt', 0],
    ]);
    expect(files.get('case/export.zip/抓拍记录.csv')).toEqual(csv);
    expect(files.get('case/export.zip/抓拍图片/前台/CAM01_20210418_093015_123.jpg')).toEqual(photo);
    expect(files.get('case/export.zip/empty.txt')).toEqual(Buffer.alloc(0));
    // yazl writes the extended timestamp, an instant.
    expect(entries[0]!.modifiedAt).toBe('2021-04-18T01:30:14.000Z');
  });

  it('rejects a prefix that does not end with a slash', async () => {
    const zipFile = path.join(dir, 'a.zip');
    await yazlZip(zipFile, [{ name: 'a.txt', data: Buffer.from('a') }]);
    await expect(listZip(zipFile, { prefix: 'export.zip' })).rejects.toThrow(/must be '' or end with '\/'/u);
  });
});

describe('reading a ZIP made on Chinese Windows (GBK names, no UTF-8 flag)', () => {
  it('gives the names in the right Chinese, with the DOS time as local time', async () => {
    const zipFile = writeFile('gbk.zip', rawZip([
      { name: GBK.folder },
      { name: GBK.sheet, data: Buffer.from('a,b\n'), method: 8 },
      { name: GBK.photo, data: Buffer.from('jpeg bytes') },
      // A tool that also wrote the Unicode Path field with a legacy '?' name.
      { name: Buffer.from('????.txt'), extra: unicodePathExtra(Buffer.from('????.txt'), '说明.txt'), data: Buffer.from('x') },
    ]));
    const { files, skipped, entries } = await readAll(zipFile);
    expect(skipped).toEqual([]);
    expect(entries.map((e) => e.relPath)).toEqual(['抓拍记录.csv', '抓拍图片/前台/CAM01_001.jpg', '说明.txt']);
    expect(entries.map((e) => e.modifiedAt)).toEqual(['2021-04-18T09:30:14', '2021-04-18T09:30:14', '2021-04-18T09:30:14']);
    expect(files.get('抓拍记录.csv')).toEqual(Buffer.from('a,b\n'));
  });
});

describe('nested ZIPs', () => {
  it('composes prefixes: an inner archive read from its stored copy names its entries outer/inner/name', async () => {
    const innerFile = path.join(dir, 'inner.zip');
    await yazlZip(innerFile, [{ name: '前台/CAM01.jpg', data: Buffer.from('jpeg') }]);
    const outerFile = path.join(dir, 'outer.zip');
    await yazlZip(outerFile, [{ name: 'data/inner.zip', data: fs.readFileSync(innerFile) }, { name: 'a.txt', data: Buffer.from('a') }]);

    const found: string[] = [];
    for await (const item of readZipEntries(outerFile, { prefix: 'export.zip/' })) {
      found.push(item.relPath);
      if (item.kind !== 'file' || !isZipName(item.relPath)) continue;
      // What the import does: store the inner archive (here, a temp file), then read the stored copy.
      const stored = path.join(dir, 'vault-copy');
      fs.writeFileSync(stored, await drain(await item.open()));
      const prefix = nestedZipPrefix(item.relPath);
      expect(zipDepth(prefix)).toBe(2);
      for await (const inner of readZipEntries(stored, { prefix })) found.push(inner.relPath);
    }
    expect(found).toEqual(['export.zip/data/inner.zip', 'export.zip/data/inner.zip/前台/CAM01.jpg', 'export.zip/a.txt']);
    expect(MAX_NESTED_ZIP_DEPTH).toBe(4);
    expect(isZipName('EXPORT.ZIP')).toBe(true);
    expect(isZipName('export.zip.jpg')).toBe(false);
  });
});

describe('the open() contract', () => {
  it('opens earlier entries while iterating, refuses after the end, and closes the file handle', async () => {
    const zipFile = path.join(dir, 'c.zip');
    await yazlZip(zipFile, [{ name: 'a.txt', data: Buffer.from('A') }, { name: 'b.txt', data: Buffer.from('B') }]);
    const fdsBefore = fs.readdirSync('/proc/self/fd').length;
    const entries = [];
    for await (const item of readZipEntries(zipFile, { prefix: '' })) if (item.kind === 'file') entries.push(item);
    await expect(entries[0]!.open()).rejects.toThrow(ZipEntryDataError);
    await expect(entries[0]!.open()).rejects.toThrow('the archive is closed: open() must be called before the reader finishes');
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(fs.readdirSync('/proc/self/fd').length).toBe(fdsBefore);
  });

  it('keeps a stream opened before the end readable, and closes the handle when the consumer breaks early', async () => {
    const zipFile = path.join(dir, 'c.zip');
    await yazlZip(zipFile, [{ name: 'a.txt', data: Buffer.from('A'.repeat(100_000)) }, { name: 'b.txt', data: Buffer.from('B') }]);
    const fdsBefore = fs.readdirSync('/proc/self/fd').length;
    let stream;
    for await (const item of readZipEntries(zipFile, { prefix: '' })) {
      if (item.kind === 'file') stream = await item.open();
      break;
    }
    expect((await drain(stream!)).length).toBe(100_000);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(fs.readdirSync('/proc/self/fd').length).toBe(fdsBefore);
  });

  it('stops when cancelled: the next pull throws the abort reason', async () => {
    const zipFile = path.join(dir, 'c.zip');
    await yazlZip(zipFile, Array.from({ length: 5 }, (_, i) => ({ name: `f${i}.txt`, data: Buffer.from(String(i)) })));
    const controller = new AbortController();
    const seen: string[] = [];
    const run = async () => {
      for await (const item of readZipEntries(zipFile, { prefix: '', signal: controller.signal })) {
        seen.push(item.relPath);
        if (seen.length === 2) controller.abort(new Error('cancelled by the analyst'));
      }
    };
    await expect(run()).rejects.toThrow('cancelled by the analyst');
    expect(seen).toEqual(['f0.txt', 'f1.txt']);
  });
});

describe('cancelling a stream', () => {
  it('destroys an open entry stream with an AbortError', async () => {
    const zipFile = path.join(dir, 'big.zip');
    await yazlZip(zipFile, [{ name: 'big.bin', data: crypto.randomBytes(4 * 2 ** 20), compress: false }]);
    const controller = new AbortController();
    let received = 0;
    const consume = async () => {
      for await (const item of readZipEntries(zipFile, { prefix: '', signal: controller.signal })) {
        if (item.kind !== 'file') continue;
        for await (const chunk of await item.open()) {
          received += (chunk as Buffer).length;
          controller.abort();
        }
      }
    };
    await expect(consume()).rejects.toMatchObject({ name: 'AbortError' });
    expect(received).toBeGreaterThan(0);
    expect(received).toBeLessThan(4 * 2 ** 20);
  });
});

describe('memory', () => {
  it('reads a 2,000-entry archive (30 MB) with memory flat, one entry at a time', async () => {
    const zipFile = path.join(dir, 'many.zip');
    const items = Array.from({ length: 2000 }, (_, i) => ({ name: `抓拍图片/CAM${String(i % 7).padStart(2, '0')}/${i}.jpg`, data: crypto.randomBytes(15_000), compress: false }));
    await yazlZip(zipFile, items);
    expect(fs.statSync(zipFile).size).toBeGreaterThan(30_000_000);
    items.length = 0; // the fixture's own buffers must not count

    // Retained memory (after a full collection), sampled every 100 entries while each entry is read and hashed.
    const used = () => {
      gc();
      return process.memoryUsage().heapUsed + process.memoryUsage().arrayBuffers;
    };
    const baseline = used();
    let peak = 0;
    let count = 0;
    let bytes = 0;
    for await (const item of readZipEntries(zipFile, { prefix: '' })) {
      if (item.kind !== 'file') continue;
      const hash = crypto.createHash('sha256');
      for await (const chunk of await item.open()) {
        hash.update(chunk as Buffer);
        bytes += (chunk as Buffer).length;
      }
      hash.digest();
      count += 1;
      if (count % 100 === 0) peak = Math.max(peak, used() - baseline);
    }
    expect(count).toBe(2000);
    expect(bytes).toBe(30_000_000);
    // Loading the archive (or its listing, or the entries read) whole would retain 30 MB or more.
    expect(peak).toBeLessThan(4 * 2 ** 20);
  });
});
