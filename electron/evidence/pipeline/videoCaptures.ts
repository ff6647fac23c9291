/**
 * A video clip as captures: frames sampled at a fixed interval, each stored in the vault as a file derived from
 * the clip (the clip itself stays as received), each a capture at the clip's start time plus the frame's own
 * presentation time. A clip whose start cannot be told from its name or metadata gives no captures: a guessed
 * time would be worse than none, and the report says why.
 */
import path from 'node:path';
import type { ImportReport } from '../../../shared/api';
import type { CaptureRow } from '../captureRows';
import { offsetTime } from '../parseTime';
import { ingestBuffer, vaultFile } from '../vault';
import { clipStartTime } from '../video/clipStartTime';
import { findFfmpeg } from '../video/findFfmpeg';
import { probeVideo } from '../video/probeVideo';
import { sampleFrames } from '../video/sampleFrames';
import type { StagedFile } from './importJobs';

export interface DerivedFrame {
  sha256: string;
  size: number;
  fromSha256: string;
  offsetMs: number;
  tool: string;
}

/** One frame a second: visitors stand in front of a camera for seconds, and 25 frames a second would mostly repeat. */
export const FRAME_INTERVAL_MS = 1000;

export async function framesOfVideo(input: {
  caseDir: string;
  file: StagedFile;
  zone: string;
  signal?: AbortSignal;
  newlyStored: Set<string>;
}): Promise<{ captures: CaptureRow[]; frames: DerivedFrame[]; summary: ImportReport['videos'][number]; warnings: string[] }> {
  const { caseDir, file, zone } = input;
  const clipPath = vaultFile(caseDir, file.sha256);
  const ffmpeg = await findFfmpeg();
  const probe = await probeVideo(clipPath);
  const start = clipStartTime(path.posix.basename(file.relPath), probe, zone);
  const summary = {
    path: file.relPath, sha256: file.sha256, durationMs: probe.durationMs, frames: 0,
    start: start?.time.iso ?? null, startSource: start?.source ?? null,
  };
  if (!start) throw new Error('its start time is neither in its name nor in its metadata');
  const folder = path.posix.basename(path.posix.dirname(file.relPath));
  const cameraId = start.cameraId ?? (folder && folder !== '.' ? folder : 'unknown');
  const tool = `${ffmpeg.version} fps-sample every ${FRAME_INTERVAL_MS} ms, mjpeg`;
  const captures: CaptureRow[] = [];
  const frames: DerivedFrame[] = [];
  const sampler = sampleFrames(clipPath, { everyMs: FRAME_INTERVAL_MS, signal: input.signal });
  let warnings: string[] = [];
  let finished = false;
  try {
    for (;;) {
      const next = await sampler.next();
      if (next.done) {
        finished = true;
        warnings = next.value.warnings;
        break;
      }
      const frame = next.value;
      const stored = await ingestBuffer(caseDir, frame.jpeg);
      if (stored.stored) input.newlyStored.add(stored.sha256);
      frames.push({ sha256: stored.sha256, size: stored.size, fromSha256: file.sha256, offsetMs: frame.offsetMs, tool });
      captures.push({
        sheetPath: null, sheetRow: null,
        time: offsetTime(start.time, frame.offsetMs, zone),
        timeSource: 'video',
        cameraId, cameraName: cameraId, zone: '',
        imagePath: `${file.relPath}#t=${(frame.offsetMs / 1000).toFixed(3)}`,
        imageSha256: stored.sha256,
        scenePath: null, sceneSha256: null,
        videoSha256: file.sha256, videoOffsetMs: frame.offsetMs,
        platformPersonId: null, similarity: null,
        raw: { video: file.relPath, offsetMs: String(frame.offsetMs), start: start.time.iso, startSource: start.source },
      });
    }
  } finally {
    // Stopped early (an error, a cancel): ending the generator stops its ffmpeg.
    if (!finished) await sampler.return({ frames: 0, ffmpeg, warnings: [] });
  }
  summary.frames = frames.length;
  return { captures, frames, summary, warnings };
}
