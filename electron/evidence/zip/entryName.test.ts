import { describe, expect, it } from 'vitest';
import { decodeEntryName } from './entryName';
import { checkEntryPath } from './entryPath';
import { unicodePathExtra } from './zipFixtures';

const hex = (h: string): Buffer => Buffer.from(h.replace(/\s/gu, ''), 'hex');
const UTF8_FLAG = 0x800;

// Byte sequences typed from GBK/UTF-8 code tables (checked with Python's codecs), not produced by iconv-lite.
const GBK_SHEET = hex('d7a5 c5c4 bcc7 c2bc 2e637376'); // 抓拍记录.csv
const GBK_PHOTO = hex('d7a5c5c4 cdbcc6ac 2f c7b0cca8 2f 43414d30315f32303231303431385f3039333031355f3132332e6a7067');
const UTF8_SHEET = hex('e68a93 e68b8d e8aeb0 e5bd95 2e637376'); // 抓拍记录.csv

describe('decoding entry names', () => {
  it('reads GBK bytes without the UTF-8 flag as Chinese (Chinese Windows zips)', () => {
    expect(decodeEntryName(GBK_SHEET, 0, [])).toEqual({ name: '抓拍记录.csv', encoding: 'gb18030' });
    expect(decodeEntryName(GBK_PHOTO, 0, []).name).toBe('抓拍图片/前台/CAM01_20210418_093015_123.jpg');
  });

  it('reads UTF-8 with the flag, and valid UTF-8 without it (macOS/Linux zips)', () => {
    expect(decodeEntryName(UTF8_SHEET, UTF8_FLAG, [])).toEqual({ name: '抓拍记录.csv', encoding: 'utf8-flag' });
    expect(decodeEntryName(UTF8_SHEET, 0, [])).toEqual({ name: '抓拍记录.csv', encoding: 'utf8-unflagged' });
  });

  it('reads ASCII as ASCII', () => {
    expect(decodeEntryName(Buffer.from('dir/CAM01.jpg'), 0, [])).toEqual({ name: 'dir/CAM01.jpg', encoding: 'ascii' });
  });

  it('ignores a UTF-8 flag set over GBK bytes', () => {
    expect(decodeEntryName(GBK_SHEET, UTF8_FLAG, [])).toEqual({ name: '抓拍记录.csv', encoding: 'gb18030' });
  });

  it('keeps a GBK character whose second byte is 0x5C (a backslash in ASCII) whole', () => {
    const name = decodeEntryName(hex('815c 2e747874'), 0, []).name; // 乗.txt
    expect(name).toBe('乗.txt');
    expect(checkEntryPath(name)).toEqual({ ok: true, path: '乗.txt', isDirectory: false });
  });

  it('reads GB18030 four-byte sequences', () => {
    expect(decodeEntryName(hex('95328236 2e6a7067'), 0, []).name).toBe('\u{20000}.jpg');
  });

  it('prefers a Unicode Path extra field whose CRC matches the raw name', () => {
    const raw = hex('3f3f3f3f 2e637376'); // "????.csv", what some tools write as the legacy name
    const field = unicodePathExtra(raw, '抓拍记录.csv').subarray(4);
    expect(decodeEntryName(raw, 0, [{ id: 0x7075, data: field }])).toEqual({ name: '抓拍记录.csv', encoding: 'unicode-path-field' });
  });

  it('ignores a stale Unicode Path field (CRC of another name) and a field of an unknown version', () => {
    const stale = unicodePathExtra(GBK_SHEET, 'other.csv', Buffer.from('renamed.csv')).subarray(4);
    expect(decodeEntryName(GBK_SHEET, 0, [{ id: 0x7075, data: stale }]).name).toBe('抓拍记录.csv');
    const v2 = Buffer.from(unicodePathExtra(GBK_SHEET, 'other.csv').subarray(4));
    v2[0] = 2;
    expect(decodeEntryName(GBK_SHEET, 0, [{ id: 0x7075, data: v2 }]).name).toBe('抓拍记录.csv');
  });
});
