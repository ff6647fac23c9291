/**
 * Turning an entry's raw name bytes into text. ZIP names carry no reliable encoding: the spec says CP437
 * unless bit 11 says UTF-8, but Chinese Windows (Explorer, WinRAR, 360压缩) writes GBK without the flag and
 * macOS/Linux tools often write UTF-8 without it. Order of trust:
 *   1. Info-ZIP Unicode Path extra field (0x7075), only when its CRC matches the raw name it was made for;
 *   2. the UTF-8 flag (bit 11), when the bytes really are UTF-8;
 *   3. plain ASCII (the same in every encoding);
 *   4. unflagged bytes that are valid UTF-8 (random GBK is almost never valid UTF-8);
 *   5. GB18030 (a superset of GBK and GB2312), the encoding of the archives this workstation sees.
 * Backslashes are turned into slashes only after decoding: 0x5C is a legal second byte of a GBK character.
 */
import zlib from 'node:zlib';
import iconv from 'iconv-lite';

export type NameEncoding = 'unicode-path-field' | 'utf8-flag' | 'ascii' | 'utf8-unflagged' | 'gb18030';

export interface ExtraFieldLike {
  id: number;
  data: Buffer;
}

export interface DecodedName {
  name: string;
  encoding: NameEncoding;
}

const UTF8_FLAG = 0x800;
const UNICODE_PATH_FIELD = 0x7075;

const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

function decodeUtf8Strict(bytes: Buffer): string | null {
  try {
    return strictUtf8.decode(bytes);
  } catch {
    return null;
  }
}

function isAscii(bytes: Buffer): boolean {
  for (const byte of bytes) if (byte > 0x7f) return false;
  return true;
}

/** The name stored in a valid Info-ZIP Unicode Path field, or null when there is none or it does not apply. */
export function unicodePathField(rawName: Buffer, extraFields: readonly ExtraFieldLike[]): string | null {
  for (const field of extraFields) {
    if (field.id !== UNICODE_PATH_FIELD) continue;
    // Version (1 byte, must be 1), CRC-32 of the raw name (4 bytes), then the UTF-8 name.
    if (field.data.length < 6 || field.data[0] !== 1) continue;
    // A stale field (the name was changed by a tool that did not update it) must be ignored, says the spec.
    if (field.data.readUInt32LE(1) !== zlib.crc32(rawName)) continue;
    const name = decodeUtf8Strict(field.data.subarray(5));
    if (name !== null) return name;
  }
  return null;
}

export function decodeEntryName(rawName: Buffer, generalPurposeBitFlag: number, extraFields: readonly ExtraFieldLike[]): DecodedName {
  const fromField = unicodePathField(rawName, extraFields);
  if (fromField !== null) return { name: fromField, encoding: 'unicode-path-field' };
  const utf8 = decodeUtf8Strict(rawName);
  // Some Chinese tools set the flag over GBK bytes; when the bytes are not UTF-8 the flag is wrong, fall through.
  if (generalPurposeBitFlag & UTF8_FLAG && utf8 !== null) return { name: utf8, encoding: 'utf8-flag' };
  if (isAscii(rawName)) return { name: rawName.toString('latin1'), encoding: 'ascii' };
  if (utf8 !== null) return { name: utf8, encoding: 'utf8-unflagged' };
  return { name: iconv.decode(rawName, 'gb18030'), encoding: 'gb18030' };
}
