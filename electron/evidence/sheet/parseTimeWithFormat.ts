/**
 * Capture times with a column-mapping profile's own format, for platforms whose time text the general reader
 * (parseCaptureTime) does not know, e.g. '18/04/2021 9:30' with format 'dd/MM/yyyy H:mm'.
 * Kept beside parseTime.ts rather than in it so the general reader stays format-free.
 */
import { DateTime } from 'luxon';
import { parseCaptureTime, type CaptureTime } from '../parseTime';

/**
 * `format` is a luxon token string (https://moment.github.io/luxon/#/parsing?id=table-of-tokens). Without it,
 * or when the text does not fit it, the general reader is tried, so one odd row does not need its own profile.
 * Text with no zone is local to `zone`; impossible dates are rejected (luxon does not roll them over).
 */
export function parseTimeWithFormat(raw: string, zone: string, format?: string): CaptureTime | null {
  const value = raw.trim();
  if (!value) return null;
  if (format) {
    const parsed = DateTime.fromFormat(value, format, { zone, setZone: false });
    if (parsed.isValid) {
      const local = parsed.setZone(zone);
      const withMillis = /S/u.test(format) && local.millisecond !== 0;
      return {
        iso: local.toISO({ suppressMilliseconds: !withMillis })!,
        ms: local.toMillis(),
        localDate: local.toISODate()!,
      };
    }
  }
  return parseCaptureTime(value, zone);
}
