/**
 * Progress bars for `cp` and `rm` on a terminal (cli-progress): one bar per file being
 * transferred and a total bar, redrawn from the engine's store snapshots (published a few times
 * per second, never per chunk). Finished files are logged above the bars.
 *
 * The lines are composed here rather than with cli-progress's format tokens so that every name is
 * sanitised and each line fits the terminal width (a wrapped line breaks cli-progress's cursor
 * arithmetic and leaves stale bars behind).
 */
import { MultiBar, type SingleBar } from 'cli-progress';
import { formatEta, formatPercent, formatSize, formatSpeed } from '../state/text/format.js';
import { displayWidth, fitToWidth, sanitizeForTerminal, truncateToWidth } from '../state/text/sanitize.js';
import type { JobView, ProgressTotals, QueueSnapshot } from '../transfers/index.js';
import type { TerminalStream } from './kit/index.js';
import { showLocation } from './progress-results.js';

/** At most this many file bars at once; more running files show in the total only. */
const MAX_FILE_BARS = 8;
const BAR_WIDTH = 20;
/** cli-progress bars count to this; the lines carry the real numbers. */
const SCALE = 1000;
/**
 * Columns left free at the right: the terminal echoes Ctrl+C as `^C` at the cursor (the end of the
 * last bar); if that wrapped, cli-progress would clear one line too few and leave a stale bar.
 */
const RIGHT_MARGIN = 3;

interface Payload {
  line: string;
}

function bar(fraction: number, width: number): string {
  const full = Math.max(0, Math.min(width, Math.floor(fraction * width)));
  return `[${'='.repeat(full)}${'-'.repeat(width - full)}]`;
}

function fraction(done: number, total: number): number {
  return total <= 0 ? 0 : Math.min(1, done / total);
}

function isTransfer(j: JobView): boolean {
  return (
    j.kind === 'upload' ||
    j.kind === 'download' ||
    j.kind === 'server-copy' ||
    j.kind === 'local-copy' ||
    j.kind === 'stream-copy'
  );
}

/** `NAME [====----]  45%  4.5 MiB/10.0 MiB  1.2 MiB/s`, at most `columns` wide. */
export function fileLine(job: JobView, columns: number): string {
  const f = fraction(job.bytesDone, job.size);
  const tail = ` ${bar(f, BAR_WIDTH)} ${formatPercent(job.bytesDone, job.size).padStart(4)}  ${formatSize(job.bytesDone)}/${formatSize(job.size)}  ${formatSpeed(job.speed)}`;
  const name = sanitizeForTerminal(showLocation(job.source) ?? '?');
  const room = Math.max(8, columns - displayWidth(tail) - RIGHT_MARGIN);
  const width = Math.min(room, Math.max(30, displayWidth(name)));
  return truncateToWidth(fitToWidth(name, width, 'left', { position: 'middle' }) + tail, columns - RIGHT_MARGIN);
}

/** `Total [====----]  45%  3/10 files  4.5 MiB/10.0 MiB  1.2 MiB/s  ETA 5s`, at most `columns` wide. */
export function totalLine(t: ProgressTotals, scanning: boolean, columns: number): string {
  const finished = t.filesDone + t.filesFailed + t.filesSkipped + t.filesCancelled;
  const byBytes = t.bytesTotal > 0;
  const f = byBytes ? fraction(t.bytesDone, t.bytesTotal) : fraction(finished, t.files);
  const files = `${finished}/${t.files}${scanning ? '+' : ''} files`;
  const bytes = byBytes
    ? `  ${formatSize(t.bytesDone)}/${formatSize(t.bytesTotal)}  ${formatSpeed(t.speed)}  ETA ${formatEta(t.bytesTotal - t.bytesDone, t.speed)}`
    : '';
  const failed = t.filesFailed > 0 ? `  ${t.filesFailed} failed` : '';
  const pct = byBytes ? formatPercent(t.bytesDone, t.bytesTotal) : formatPercent(finished, t.files);
  return truncateToWidth(
    `Total ${bar(f, BAR_WIDTH)} ${pct.padStart(4)}  ${files}${bytes}${failed}`,
    columns - RIGHT_MARGIN,
  );
}

/** The bars of one run. Call `stop()` on every exit path (cli-progress runs a redraw timer). */
export class ProgressBars {
  private readonly multi: MultiBar;
  private readonly total: SingleBar;
  private readonly files = new Map<string, SingleBar>();
  private stopped = false;

  constructor(private readonly stream: TerminalStream) {
    this.multi = new MultiBar({
      stream: stream as NodeJS.WritableStream,
      format: (_options, _params, payload: Payload) => payload.line,
      fps: 5,
      hideCursor: true,
      clearOnComplete: true,
      // `true` keeps the terminal's wrapping on (logged lines may be long and must wrap, not be
      // cut) and trims bar lines to the width; `null`, despite the docs, means `false` (no wrap).
      linewrap: true,
      // b2c handles Ctrl+C itself: it cancels the transfers, then stops the bars.
      gracefulExit: false,
    });
    this.total = this.multi.create(SCALE, 0, { line: 'Starting…' } satisfies Payload);
  }

  private get columns(): number {
    return this.stream.columns ?? 80;
  }

  /** Redraws from a store snapshot. */
  update(s: QueueSnapshot): void {
    if (this.stopped) return;
    const running = s.jobs.filter((j) => j.state === 'running' && isTransfer(j)).slice(0, MAX_FILE_BARS);
    const keep = new Set(running.map((j) => j.id));
    for (const [id, b] of this.files) {
      if (!keep.has(id)) {
        this.multi.remove(b);
        this.files.delete(id);
      }
    }
    for (const job of running) {
      const payload: Payload = { line: fileLine(job, this.columns) };
      const value = Math.round(fraction(job.bytesDone, job.size) * SCALE);
      const existing = this.files.get(job.id);
      if (existing) existing.update(value, payload);
      else this.files.set(job.id, this.multi.create(SCALE, value, payload));
    }
    const scanning = s.groups.some((g) => g.scanning);
    const t = s.totals;
    const done =
      t.bytesTotal > 0
        ? fraction(t.bytesDone, t.bytesTotal)
        : fraction(t.filesDone + t.filesFailed + t.filesSkipped, t.files);
    this.total.update(Math.round(done * SCALE), { line: totalLine(t, scanning, this.columns) } satisfies Payload);
  }

  /** Prints a line above the bars (sanitised). */
  log(line: string): void {
    if (this.stopped) return;
    this.multi.log(`${sanitizeForTerminal(line)}\n`);
  }

  /** Flushes logged lines, clears the bars and restores the cursor. Idempotent. */
  stop(): void {
    if (this.stopped) return;
    this.stopped = true;
    this.multi.update();
    this.multi.stop();
  }
}
