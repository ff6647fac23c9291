/**
 * Rate and time left for a job's current phase, over a sliding window of recent samples: the rate of the last
 * seconds tells the analyst more than the average since the start (the first files are often slower or faster).
 */
const WINDOW_MS = 5_000;

export interface RateFigures {
  rate?: number;
  bytesRate?: number;
  etaSeconds?: number;
}

export class RateMeter {
  private samples: Array<{ at: number; done: number; bytes: number }> = [];

  constructor(private readonly now: () => number = Date.now) {}

  reset(): void {
    this.samples = [];
  }

  sample(done: number, total: number, bytesDone: number, bytesTotal?: number): RateFigures {
    const at = this.now();
    this.samples.push({ at, done, bytes: bytesDone });
    while (this.samples.length > 2 && at - this.samples[0]!.at > WINDOW_MS) this.samples.shift();
    const first = this.samples[0]!;
    const seconds = (at - first.at) / 1000;
    if (seconds < 0.5) return {};
    const rate = (done - first.done) / seconds;
    const bytesRate = (bytesDone - first.bytes) / seconds;
    // Time left: by bytes when the total bytes are known (file sizes vary), else by items.
    let etaSeconds: number | undefined;
    if (bytesTotal !== undefined && bytesRate > 0) etaSeconds = Math.max(0, (bytesTotal - bytesDone) / bytesRate);
    else if (total > 0 && rate > 0) etaSeconds = Math.max(0, (total - done) / rate);
    return { rate, bytesRate: bytesRate > 0 ? bytesRate : undefined, etaSeconds };
  }
}
