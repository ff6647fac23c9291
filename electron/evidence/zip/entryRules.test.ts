import { describe, expect, it } from 'vitest';
import { refuseEntry, type EntryFacts } from './entryRules';
import type { ZipLimits } from './limits';

const limits: ZipLimits = { maxEntries: 100, maxEntryBytes: 100 * 2 ** 20, maxTotalBytes: 150 * 2 ** 20, maxRatio: 200 };
const MiB = 2 ** 20;
const facts = (over: Partial<EntryFacts>): EntryFacts => ({
  generalPurposeBitFlag: 0, compressionMethod: 8, compressedSize: 1000, uncompressedSize: 3000, versionMadeBy: 20, externalFileAttributes: 0, ...over,
});

describe('refusing entries from their record', () => {
  it('reads an ordinary deflated or stored entry', () => {
    expect(refuseEntry(facts({}), limits, 0)).toBeNull();
    expect(refuseEntry(facts({ compressionMethod: 0, compressedSize: 3000 }), limits, 0)).toBeNull();
  });

  it('refuses encrypted entries (traditional flag, or WinZip AES method 99)', () => {
    const reason = 'encrypted entry (password-protected): its content cannot be read';
    expect(refuseEntry(facts({ generalPurposeBitFlag: 0x1 }), limits, 0)).toBe(reason);
    expect(refuseEntry(facts({ compressionMethod: 99 }), limits, 0)).toBe(reason);
  });

  it('refuses compression methods yauzl cannot inflate, naming them', () => {
    expect(refuseEntry(facts({ compressionMethod: 14 }), limits, 0)).toBe('unsupported compression method 14 (LZMA)');
    expect(refuseEntry(facts({ compressionMethod: 77 }), limits, 0)).toBe('unsupported compression method 77');
  });

  it('refuses Unix symbolic links', () => {
    expect(refuseEntry(facts({ versionMadeBy: (3 << 8) | 30, externalFileAttributes: (0o120777 << 16) >>> 0 }), limits, 0))
      .toBe('symbolic link (not followed)');
    // The same mode bits from a DOS host are not a link.
    expect(refuseEntry(facts({ versionMadeBy: 20, externalFileAttributes: (0o120777 << 16) >>> 0 }), limits, 0)).toBeNull();
  });

  it('refuses a stored entry whose two sizes disagree', () => {
    expect(refuseEntry(facts({ compressionMethod: 0, compressedSize: 10, uncompressedSize: 5000 }), limits, 0))
      .toBe('damaged entry header: stored (uncompressed) entry declares 5000 bytes but occupies 10');
  });

  it('refuses an entry declared above the per-entry limit', () => {
    expect(refuseEntry(facts({ compressedSize: 60 * MiB, uncompressedSize: 101 * MiB }), limits, 0))
      .toBe('declared size 101 MiB (105906176 bytes) exceeds the per-entry limit of 100 MiB (104857600 bytes)');
  });

  it('checks the ratio only above 4 MiB: a tiny repetitive text passes, a big one is a bomb', () => {
    expect(refuseEntry(facts({ compressedSize: 10, uncompressedSize: 4 * MiB }), limits, 0)).toBeNull();
    expect(refuseEntry(facts({ compressedSize: 50 * 1024, uncompressedSize: 50 * MiB }), limits, 0))
      .toBe('compression ratio 1024:1 exceeds the limit of 200:1 (possible zip bomb)');
    expect(refuseEntry(facts({ compressedSize: 0, uncompressedSize: 5 * MiB }), limits, 0))
      .toBe('compression ratio infinite exceeds the limit of 200:1 (possible zip bomb)');
    // Exactly at the limit is allowed.
    expect(refuseEntry(facts({ compressedSize: 50 * 1024, uncompressedSize: 200 * 50 * 1024 }), limits, 0)).toBeNull();
  });

  it('refuses the entry that would take the archive past the total limit', () => {
    expect(refuseEntry(facts({ uncompressedSize: 60 * MiB, compressedSize: 50 * MiB }), limits, 90 * MiB)).toBeNull();
    expect(refuseEntry(facts({ uncompressedSize: 61 * MiB, compressedSize: 50 * MiB }), limits, 90 * MiB))
      .toBe('expanding it would take the archive past the total limit of 150 MiB (157286400 bytes) (possible zip bomb)');
  });
});
