/**
 * An entry's modification time. The extended-timestamp (0x5455, Unix seconds) and NTFS (0x000a) fields are
 * absolute instants, written as UTC. The basic MS-DOS time has no zone: it is the zipping machine's wall
 * clock, so it is returned without an offset ("2021-04-18T09:30:14"), which the project reads as local to
 * the case zone (see parseTime.ts), rather than guessed through this workstation's zone.
 */

export interface TimeFacts {
  lastModFileDate: number;
  lastModFileTime: number;
  extraFields: ReadonlyArray<{ id: number; data: Buffer }>;
}

const EXTENDED_TIMESTAMP = 0x5455;
const NTFS_TIMES = 0x000a;
const NTFS_EPOCH_OFFSET_MS = 11_644_473_600_000; // 1601-01-01 to 1970-01-01

function instantFromExtraFields(extraFields: TimeFacts['extraFields']): Date | null {
  for (const { id, data } of extraFields) {
    if (id === EXTENDED_TIMESTAMP && data.length >= 5 && (data[0]! & 1)) {
      return new Date(data.readInt32LE(1) * 1000);
    }
    // Reserved (4), tag 1 (2), size 24 (2), then mtime in 100 ns units since 1601.
    if (id === NTFS_TIMES && data.length === 32 && data.readUInt16LE(4) === 1 && data.readUInt16LE(6) === 24) {
      const hundredNs = data.readBigUInt64LE(8);
      return new Date(Number(hundredNs / 10_000n) - NTFS_EPOCH_OFFSET_MS);
    }
  }
  return null;
}

const pad = (value: number, width = 2): string => String(value).padStart(width, '0');

/** DOS date/time as a zone-less ISO local time, or null when the fields are not a real date (e.g. all zero). */
export function dosLocalTime(date: number, time: number): string | null {
  const day = date & 0x1f;
  const month = (date >> 5) & 0xf;
  const year = ((date >> 9) & 0x7f) + 1980;
  const second = (time & 0x1f) * 2;
  const minute = (time >> 5) & 0x3f;
  const hour = (time >> 11) & 0x1f;
  if (month < 1 || month > 12 || day < 1 || hour > 23 || minute > 59 || second > 59) return null;
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (day > daysInMonth) return null;
  return `${year}-${pad(month)}-${pad(day)}T${pad(hour)}:${pad(minute)}:${pad(second)}`;
}

export function entryModifiedAt(facts: TimeFacts): string | null {
  const instant = instantFromExtraFields(facts.extraFields);
  if (instant && !Number.isNaN(instant.getTime())) return instant.toISOString();
  return dosLocalTime(facts.lastModFileDate, facts.lastModFileTime);
}
