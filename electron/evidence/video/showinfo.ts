/**
 * Reading frame timestamps from the `showinfo` filter's log lines. The exact time is pts × time_base (both
 * integers); `pts_time` is only a fallback because ffmpeg before 7 prints it with 6 significant digits, which
 * loses the milliseconds after 1000 s.
 */
export interface FrameTime {
  /** Index among the frames that reached showinfo, from 0. */
  n: number;
  pts: number;
  /** Milliseconds from the start of the clip. */
  offsetMs: number;
}

const TIME_BASE = /Parsed_showinfo_\d+ @ [^\]]+\] config in time_base: (\d+)\/(\d+)/u;
const FRAME = /Parsed_showinfo_\d+ @ [^\]]+\] n:\s*(\d+) pts:\s*(-?\d+|NOPTS) pts_time:(\S+)/u;

export class ShowinfoReader {
  private timeBase: [number, number] | null = null;

  /** The time base of the frames as `num/den`, once showinfo has printed it. */
  get timeBaseText(): string | null {
    return this.timeBase ? `${this.timeBase[0]}/${this.timeBase[1]}` : null;
  }

  /** A frame time for a frame line, 'other' for a line that is not one, or an error for a frame without time. */
  read(line: string): FrameTime | 'other' {
    const base = TIME_BASE.exec(line);
    if (base) {
      if (Number(base[1]) > 0 && Number(base[2]) > 0) this.timeBase = [Number(base[1]), Number(base[2])];
      return 'other';
    }
    const frame = FRAME.exec(line);
    if (!frame) return 'other';
    if (frame[2] === 'NOPTS') throw new Error(`frame ${frame[1]} has no presentation time`);
    const pts = Number(frame[2]);
    const offsetMs = this.timeBase
      ? Math.round((pts * this.timeBase[0] * 1000) / this.timeBase[1])
      : Math.round(Number(frame[3]) * 1000);
    if (!Number.isFinite(offsetMs)) throw new Error(`frame ${frame[1]} has an unreadable time`);
    return { n: Number(frame[1]), pts, offsetMs };
  }
}
