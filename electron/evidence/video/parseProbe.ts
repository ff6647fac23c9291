/**
 * Reading what `ffmpeg -i file` prints about its input. This avoids needing ffprobe, which the npm build
 * does not ship. The layout has been stable across ffmpeg 4.x to 7.x.
 */
export interface VideoProbe {
  /**
   * Container duration; ffmpeg prints it to the centisecond. Null when the file does not say, as with raw
   * H.264/HEVC streams some recorders export: those are still sampled.
   */
  durationMs: number | null;
  /** Average frame rate of the first video stream (for variable-rate clips an average, not a promise). */
  fps: number;
  width: number;
  height: number;
  /** Decoder name, e.g. h264, hevc, mpeg4. */
  codec: string;
  /** Container metadata creation_time as written (normally UTC with Z), or null. */
  creationTime: string | null;
  /** Container start time; frame offsets from sampleFrames are relative to it. */
  startMs: number;
  /** Frame count when known (not printed by `ffmpeg -i`). */
  frames?: number;
}

const INPUT = /^Input #0, /u;
const DURATION = /^\s+Duration: (?:(\d+):(\d{2}):(\d{2}(?:\.\d+)?)|N\/A)(?:, start: (-?[\d.]+))?/u;
const VIDEO = /^\s+Stream #0:\d+\S*: Video: ([\w-]+)(.*)$/u;
const SIZE = /, (\d{1,5})x(\d{1,5})(?=[ ,]|$)/u;
const FPS = /, ([\d.]+)(k?) fps\b/u;
const TBR = /, ([\d.]+)(k?) tbr\b/u;
const CREATION = /^\s+creation_time\s*: (.+)$/u;

/** The probe, or a reason why the output describes no readable video. */
export function parseProbe(stderr: string): VideoProbe | { error: string } {
  const lines = stderr.split(/\r?\n/u);
  const start = lines.findIndex((line) => INPUT.test(line));
  if (start < 0) return { error: lastMeaningfulLine(lines) ?? 'ffmpeg could not open the file' };
  let durationMs: number | null = null;
  let startMs = 0;
  let creationTime: string | null = null;
  let streamCreationTime: string | null = null;
  let video: Omit<VideoProbe, 'durationMs' | 'creationTime' | 'startMs'> | null = null;
  let seenStream = false;
  for (const line of lines.slice(start + 1)) {
    // The input section ends where ffmpeg starts talking about outputs or errors at column 0.
    if (!line.startsWith(' ')) break;
    const duration = DURATION.exec(line);
    if (duration) {
      if (duration[1] !== undefined) {
        durationMs = Math.round((Number(duration[1]) * 3600 + Number(duration[2]) * 60 + Number(duration[3])) * 1000);
      }
      if (duration[4] !== undefined) startMs = Math.round(Number(duration[4]) * 1000);
      continue;
    }
    if (/^\s+Stream #/u.test(line)) seenStream = true;
    const created = CREATION.exec(line);
    // Container metadata comes before the first stream; a stream's own creation_time is only a fallback.
    if (created) {
      if (!seenStream) creationTime ??= created[1]!.trim();
      else if (video && !streamCreationTime) streamCreationTime = created[1]!.trim();
      continue;
    }
    const stream = VIDEO.exec(line);
    if (stream && !video && !/attached pic/u.test(line)) {
      const size = SIZE.exec(stream[2]!);
      const rate = FPS.exec(stream[2]!) ?? TBR.exec(stream[2]!);
      if (!size) continue;
      video = {
        codec: stream[1]!,
        width: Number(size[1]),
        height: Number(size[2]),
        fps: rate ? Number(rate[1]) * (rate[2] ? 1000 : 1) : 0,
      };
    }
  }
  if (!video) return { error: 'no video stream' };
  return { ...video, durationMs, startMs, creationTime: creationTime ?? streamCreationTime };
}

/** ffmpeg's own last complaint, e.g. `moov atom not found` or `Invalid data found when processing input`. */
export function lastMeaningfulLine(lines: readonly string[]): string | null {
  for (let i = lines.length - 1; i >= 0; i -= 1) {
    const line = lines[i]!.trim();
    if (line && !/^At least one output file must be specified/u.test(line)) return line;
  }
  return null;
}
