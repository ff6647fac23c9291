/**
 * How a seized file is handed to ffmpeg. Seized media is hostile input: a name must never be read as an
 * option or a protocol (`-i`, `concat:`, `http:`), and a playlist inside an archive (HLS, concat lists) must
 * not make ffmpeg read other local files or the network. So: local files only, and only the demuxers that
 * surveillance exports actually use.
 */
import path from 'node:path';

/** Demuxers allowed to open seized files (names as ffmpeg lists them; `mov` covers mp4/3gp/m4v). */
const DEMUXERS = ['mov', 'mp4', 'mpegts', 'avi', 'matroska', 'webm', 'flv', 'asf', 'h264', 'hevc', 'mpeg', 'mjpeg', 'rawvideo'];

export function inputArgs(file: string): string[] {
  return [
    '-protocol_whitelist', 'file',
    '-format_whitelist', DEMUXERS.join(','),
    '-i', `file:${path.resolve(file)}`,
  ];
}

/** Arguments every run starts with: no banner, no progress line, never wait for keyboard input. */
export const QUIET = ['-hide_banner', '-nostats', '-nostdin'];
