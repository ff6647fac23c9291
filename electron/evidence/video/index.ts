/** Video evidence: which ffmpeg, what a clip is, its frames with exact times, and when it started. */
export { clipStartTime, type ClipStart } from './clipStartTime';
export { findFfmpeg, type FfmpegBinary, type FfmpegSource } from './findFfmpeg';
export { probeVideo, type VideoProbe } from './probeVideo';
export { sampleFrames, type SampledFrame, type SampleOptions, type SampleSummary } from './sampleFrames';
export { VideoError, type VideoErrorCode } from './videoError';
