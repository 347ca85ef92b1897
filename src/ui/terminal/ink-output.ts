/**
 * The stream Ink renders into instead of the terminal. Ink runs with `debug: true`, in which it
 * writes each frame whole, as plain lines with SGR styles, without erasing anything (and draws
 * even when `CI` is set, where its normal mode draws nothing until exit). This stream hands the
 * newest frame to the screen model (screen-writer.ts), which writes to the real terminal only what
 * changed: at once when nothing was drawn for a frame's time, else once per turn of the event
 * loop. It looks to Ink like the terminal: the same `columns`, `rows` and `isTTY`, and the
 * terminal's `resize` events.
 */
import { Writable } from 'node:stream';
import type { ScreenRow } from './screen-row.js';
import { ScreenWriter } from './screen-writer.js';

/** Ink's App shows the cursor when it unmounts; the terminal session owns the cursor instead. */
// eslint-disable-next-line no-control-regex -- matching an escape sequence is the point.
const CURSOR_VISIBILITY = /^\x1b\[\?25[hl]$/;

/** One frame at 60 Hz: how close together frames are coalesced. */
const FRAME_MS = 16;

export class InkTerminalOutput extends Writable {
  private readonly writer = new ScreenWriter();
  /** The newest frame not drawn yet: Ink's text, or rows from ink-frame.ts. */
  private pending: string | readonly ScreenRow[] | null = null;
  private drawn: string | readonly ScreenRow[] = '';
  /** When a frame was last written to the terminal (performance.now()). */
  private lastPaint = -Infinity;
  private scheduled: NodeJS.Immediate | null = null;
  private stopped = false;
  /** True while another program has the terminal (terminal-handover.ts): frames wait. */
  private held = false;

  constructor(private readonly terminal: NodeJS.WriteStream) {
    super({ decodeStrings: false });
    terminal.on('resize', this.onResize);
  }

  get columns(): number {
    return this.terminal.columns || 80;
  }

  get rows(): number {
    return this.terminal.rows || 24;
  }

  get isTTY(): boolean {
    return this.terminal.isTTY;
  }

  override _write(chunk: unknown, _encoding: BufferEncoding, callback: (error?: Error | null) => void): void {
    const data = String(chunk);
    if (data !== '' && !CURSOR_VISIBILITY.test(data)) this.frame(data);
    callback();
  }

  /** Takes a frame Ink's tree was drawn into directly (ink-frame.ts), as {@link _write} takes Ink's text. */
  writeRows(rows: readonly ScreenRow[]): void {
    this.frame(rows);
  }

  private frame(frame: string | readonly ScreenRow[]): void {
    this.pending = frame;
    // The first frame of a burst goes out at once — the answer to a key, the first frame at
    // start-up (the panes' first listings and the demo server are queued behind it) — and the
    // frames that follow it within a frame time are drawn once per turn of the event loop.
    if (performance.now() - this.lastPaint >= FRAME_MS) this.flush();
    else this.schedule();
  }

  /** Draws the pending frame now. */
  flush(): void {
    if (this.scheduled !== null) clearImmediate(this.scheduled);
    this.scheduled = null;
    if (this.stopped || this.held || this.pending === null) return;
    const frame = this.pending;
    this.pending = null;
    this.drawn = frame;
    this.lastPaint = performance.now();
    const bytes =
      typeof frame === 'string'
        ? this.writer.render(frame, this.columns, this.rows)
        : this.writer.renderRows(frame, this.columns, this.rows);
    if (bytes !== '') this.terminal.write(bytes);
  }

  /** Draws the pending frame, then writes nothing until {@link release} (another program has the terminal). */
  hold(): void {
    this.flush();
    this.held = true;
  }

  /**
   * Writes again, starting with the whole newest frame: whatever the other program left on the
   * screen is painted over, every cell.
   */
  release(): void {
    this.held = false;
    this.writer.invalidate();
    this.pending ??= this.drawn;
    this.flush();
  }

  /**
   * Draws the pending frame, then stops writing to the terminal for good: after this, whatever
   * restores the terminal (leaving the alternate screen) is the last thing written to it.
   */
  close(): void {
    this.flush();
    this.stopped = true;
    this.terminal.off('resize', this.onResize);
  }

  private schedule(): void {
    // Ink writes a frame for every React commit; several in one turn of the loop draw once.
    this.scheduled ??= setImmediate(() => this.flush());
  }

  private readonly onResize = (): void => {
    // Terminals reflow or cut the old contents each their own way: repaint all of it, with the
    // last frame until Ink has laid out the new size (it renders on the event below).
    this.writer.invalidate();
    this.pending ??= this.drawn;
    this.schedule();
    this.emit('resize');
  };
}
