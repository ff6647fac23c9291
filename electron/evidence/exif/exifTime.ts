/**
 * Capture time from a photo's EXIF: DateTimeOriginal (else CreateDate, the EXIF DateTimeDigitized), with
 * OffsetTimeOriginal when the camera wrote one, else in the case zone; SubSecTimeOriginal for milliseconds.
 *
 * exifr is asked for the raw text (`reviveValues: false`): its revived Date objects read the wall-clock time
 * in the zone of the machine running the import, which would make the evidence depend on the workstation.
 */
import fs from 'node:fs';
import exifr from 'exifr';
import { parseCaptureTime, type CaptureTime } from '../parseTime';

export interface ExifTime {
  time: CaptureTime;
  /** Which tag the time came from, for the import record. */
  tag: 'DateTimeOriginal' | 'CreateDate';
  /** The offset the camera wrote, or null when the case zone was assumed. */
  offset: string | null;
}

interface RawTags {
  DateTimeOriginal?: unknown;
  CreateDate?: unknown;
  OffsetTimeOriginal?: unknown;
  OffsetTimeDigitized?: unknown;
  OffsetTime?: unknown;
  SubSecTimeOriginal?: unknown;
  SubSecTimeDigitized?: unknown;
}

const PICK = ['DateTimeOriginal', 'CreateDate', 'OffsetTimeOriginal', 'OffsetTimeDigitized', 'OffsetTime', 'SubSecTimeOriginal', 'SubSecTimeDigitized'];
const EXIF_DATE = /^(\d{4}):(\d{2}):(\d{2})[ T](\d{2}):(\d{2}):(\d{2})$/u;
const OFFSET = /^[+-]\d{2}:\d{2}$/u;
// Earlier than this is an unset camera clock or a blank field, not a capture.
const EARLIEST_MS = Date.UTC(1990, 0, 1);

/** The EXIF capture time, or null when the file has none or only an impossible one. */
export async function exifCaptureTime(input: Buffer | string, zone: string): Promise<ExifTime | null> {
  // A missing file is an error of the caller, not a photo without EXIF.
  if (typeof input === 'string') await fs.promises.access(input, fs.constants.R_OK);
  let tags: RawTags | undefined;
  try {
    tags = (await exifr.parse(input, { pick: PICK, reviveValues: false })) as RawTags | undefined;
  } catch {
    // Not an image exifr knows, or a damaged one: no EXIF time. Whether the image is valid is judged elsewhere.
    return null;
  }
  if (!tags) return null;
  return (
    fromTags(tags.DateTimeOriginal, tags.SubSecTimeOriginal, tags.OffsetTimeOriginal, 'DateTimeOriginal', zone) ??
    fromTags(tags.CreateDate, tags.SubSecTimeDigitized, tags.OffsetTimeDigitized, 'CreateDate', zone)
  );
}

function fromTags(date: unknown, subSec: unknown, offset: unknown, tag: ExifTime['tag'], zone: string): ExifTime | null {
  if (typeof date !== 'string') return null;
  const match = EXIF_DATE.exec(date.trim());
  if (!match) return null;
  const [, y, mo, d, h, mi, s] = match;
  const digits = typeof subSec === 'string' || typeof subSec === 'number' ? String(subSec).trim() : '';
  const fraction = /^\d+$/u.test(digits) ? `.${digits.slice(0, 6)}` : '';
  const writtenOffset = typeof offset === 'string' && OFFSET.test(offset.trim()) ? offset.trim() : null;
  const time = parseCaptureTime(`${y}-${mo}-${d} ${h}:${mi}:${s}${fraction}${writtenOffset ?? ''}`, zone);
  if (!time || time.ms < EARLIEST_MS) return null;
  return { time, tag, offset: writtenOffset };
}
