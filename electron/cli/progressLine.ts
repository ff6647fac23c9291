/**
 * One line of progress for the terminal: what is being done, how far, how fast, and how long is left.
 * Redrawn in place on a terminal; printed every few seconds otherwise, so a log file shows the import is alive.
 */
import { RateMeter } from '../jobs/rateMeter';

export interface ProgressFigures {
  phase: string;
  done: number;
  total: number;
  bytesDone?: number;
  bytesTotal?: number;
}

function megabytes(bytes: number): string {
  return (bytes / 1e6).toFixed(bytes < 1e7 ? 1 : 0);
}

function duration(seconds: number): string {
  if (seconds < 60) return `${Math.ceil(seconds)} s`;
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return `${minutes} min ${Math.round(seconds % 60)} s`;
  return `${Math.floor(minutes / 60)} h ${minutes % 60} min`;
}

/** What each phase counts, for the line's wording. */
const UNITS: Record<string, string> = { scanning: 'files', hashing: 'files', reading: 'sheets and clips', writing: 'captures', vault: 'files', originals: 'files' };

export function formatProgress(p: ProgressFigures, rate: ReturnType<RateMeter['sample']>, defaultUnit = 'items'): string {
  const unit = UNITS[p.phase] ?? defaultUnit;
  const parts = [`${p.phase} ${p.done.toLocaleString('en')}${p.total ? `/${p.total.toLocaleString('en')}` : ''} ${unit}`];
  if (p.bytesDone !== undefined) parts.push(`${megabytes(p.bytesDone)}${p.bytesTotal ? `/${megabytes(p.bytesTotal)}` : ''} MB`);
  if (rate.rate !== undefined) parts.push(`${Math.round(rate.rate)} ${unit}/s${rate.bytesRate ? ` ${megabytes(rate.bytesRate)} MB/s` : ''}`);
  if (rate.etaSeconds !== undefined) parts.push(`${duration(rate.etaSeconds)} left`);
  return parts.join(' · ');
}

export function progressPrinter(stream: NodeJS.WriteStream = process.stderr, unit = 'items'): { update(p: ProgressFigures): void; end(): void } {
  const meter = new RateMeter();
  let phase = '';
  let last = 0;
  let printed = false;
  const interval = stream.isTTY ? 250 : 5_000;
  return {
    update(p) {
      if (p.phase !== phase) {
        meter.reset();
        phase = p.phase;
      }
      const rate = meter.sample(p.done, p.total, p.bytesDone ?? 0, p.bytesTotal);
      const now = Date.now();
      if (now - last < interval && p.done !== p.total) return;
      last = now;
      const line = formatProgress(p, rate, unit);
      if (stream.isTTY) stream.write(`\r${line}\x1b[K`);
      else stream.write(`${line}\n`);
      printed = true;
    },
    end() {
      if (printed && stream.isTTY) stream.write('\n');
    },
  };
}
