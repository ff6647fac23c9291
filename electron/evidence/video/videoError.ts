/**
 * Errors of the video tools, with a stable code so the import can turn them into findings (and, later,
 * user-facing messages in shared/messages.ts) without matching on English text.
 */
export type VideoErrorCode =
  /** No ffmpeg binary could be found or run. */
  | 'ffmpeg.missing'
  /** ffmpeg could not read the file as a video: corrupt, truncated, not a video, no video stream. */
  | 'video.unreadable'
  /** ffmpeg started but failed or produced output that does not add up. */
  | 'video.failed';

export class VideoError extends Error {
  constructor(
    readonly code: VideoErrorCode,
    message: string,
    /** The last lines ffmpeg wrote to stderr, kept for the import report. */
    readonly detail = '',
  ) {
    super(message);
    this.name = 'VideoError';
  }
}
