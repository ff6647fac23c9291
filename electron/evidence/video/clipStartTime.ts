/**
 * When a clip starts, in the case zone: from its file name when the recorder wrote the time there (the usual
 * case for DVR/NVR exports), else from the container's creation_time. A sheet that gives the clip start wins
 * over both; the import pipeline decides that.
 *
 * creation_time is by the MP4 specification UTC and ffmpeg prints it with Z, so it keeps its instant and is
 * shown in the case zone. Some recorders write local time there labelled as UTC; a name time, when present,
 * is therefore preferred, and the source is recorded so an analyst can check.
 */
import path from 'node:path';
import { parseCaptureTime, parseFileName, type CaptureTime } from '../parseTime';
import type { VideoProbe } from './parseProbe';

export interface ClipStart {
  time: CaptureTime;
  source: 'filename' | 'metadata';
  /** Camera or channel from the file name (CAM03, CH01), when it has one. */
  cameraId: string | null;
}

// Earlier than this is a zeroed clock (MP4's 1904 epoch, Unix 1970), not a recording time.
const EARLIEST_MS = Date.UTC(1990, 0, 1);

export function clipStartTime(relPath: string, probe: Pick<VideoProbe, 'creationTime'>, zone: string): ClipStart | null {
  const name = parseFileName(path.posix.basename(relPath.replaceAll('\\', '/')), zone);
  if (name.time) return { time: name.time, source: 'filename', cameraId: name.cameraId };
  const metadata = metadataTime(probe.creationTime, zone);
  return metadata ? { time: metadata, source: 'metadata', cameraId: name.cameraId } : null;
}

function metadataTime(raw: string | null, zone: string): CaptureTime | null {
  if (!raw) return null;
  // ffmpeg prints microseconds (`.000000Z`); an all-zero fraction is no real precision, so drop it.
  const value = raw.trim().replace(/\.0+(?=Z|[+-]\d|$)/u, '');
  const time = parseCaptureTime(value, zone);
  return time && time.ms >= EARLIEST_MS ? time : null;
}
