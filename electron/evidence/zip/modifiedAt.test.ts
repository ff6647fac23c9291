import { describe, expect, it } from 'vitest';
import { dosLocalTime, entryModifiedAt } from './modifiedAt';
import { DOS_2021_04_18_093014 } from './zipFixtures';

const { dosDate, dosTime } = DOS_2021_04_18_093014;

describe('entry modification times', () => {
  it('gives the MS-DOS time as a zone-less local time', () => {
    expect(dosLocalTime(dosDate, dosTime)).toBe('2021-04-18T09:30:14');
    expect(entryModifiedAt({ lastModFileDate: dosDate, lastModFileTime: dosTime, extraFields: [] })).toBe('2021-04-18T09:30:14');
  });

  it('returns null for impossible DOS dates (all zero, 30 February)', () => {
    expect(dosLocalTime(0, 0)).toBeNull();
    expect(dosLocalTime((41 << 9) | (2 << 5) | 30, 0)).toBeNull();
  });

  it('prefers the extended timestamp (Unix seconds) as a UTC instant', () => {
    const ut = Buffer.alloc(5);
    ut[0] = 1;
    ut.writeInt32LE(1618709414, 1); // 2021-04-18T01:30:14Z
    expect(entryModifiedAt({ lastModFileDate: dosDate, lastModFileTime: dosTime, extraFields: [{ id: 0x5455, data: ut }] }))
      .toBe('2021-04-18T01:30:14.000Z');
  });

  it('reads the NTFS time field', () => {
    const ntfs = Buffer.alloc(32);
    ntfs.writeUInt16LE(1, 4);
    ntfs.writeUInt16LE(24, 6);
    ntfs.writeBigUInt64LE((1618709414n * 1000n + 11_644_473_600_000n) * 10_000n, 8);
    expect(entryModifiedAt({ lastModFileDate: 0, lastModFileTime: 0, extraFields: [{ id: 0x000a, data: ntfs }] }))
      .toBe('2021-04-18T01:30:14.000Z');
  });
});
