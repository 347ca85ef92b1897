/**
 * Lending the terminal to another program and taking it back: the one piece of code behind F4
 * (the editor), Ctrl+O (a shell) and Ctrl+Z (suspend). Leaving: the last frame is drawn and
 * frames are held, the alternate screen is left with the cursor shown, raw mode is switched off
 * and stdin stops reading (see `stopReading`). Coming back: raw mode, reading, the alternate
 * screen, and the newest frame painted whole over whatever the program left.
 */
import type { TerminalControl } from '../../tui/terminal-control.js';
import { enterAltScreen, leaveAltScreen } from '../terminal-session.js';
import type { InkTerminalOutput } from './ink-output.js';

/** The libuv handle under a TTY stream (Node keeps it as `_handle`). */
interface ReadHandle {
  reading?: boolean;
  readStop?(): number;
  readStart?(): number;
}

function handleOf(stdin: NodeJS.ReadStream): ReadHandle | undefined {
  return (stdin as unknown as { _handle?: ReadHandle })._handle;
}

/**
 * Stops Node reading the terminal. Removing listeners or `pause()` is not enough: a TTY stream
 * keeps reading ahead into its buffer (up to its high-water mark), so keys typed into the editor
 * would be split between the editor and b2c (seen in a pty: the editor lost a line).
 */
function stopReading(stdin: NodeJS.ReadStream): void {
  const h = handleOf(stdin);
  if (h?.reading === true && h.readStop !== undefined) {
    h.reading = false;
    h.readStop();
  }
}

/** Starts reading again (the stream still thinks its last read is pending, so it will not ask itself). */
function startReading(stdin: NodeJS.ReadStream): void {
  const h = handleOf(stdin);
  if (h !== undefined && h.reading !== true && h.readStart !== undefined) {
    h.reading = true;
    h.readStart();
  }
}

/**
 * How long after sending itself SIGTSTP b2c takes it that it was not stopped. When it was, the
 * kernel stops it before the kill returns and SIGCONT is the first thing it sees once `fg` runs.
 */
const NO_STOP_MS = 1_000;

export class TerminalHandover implements TerminalControl {
  private lent = false;

  constructor(
    private readonly stdin: NodeJS.ReadStream,
    private readonly stdout: NodeJS.WriteStream,
    private readonly output: InkTerminalOutput,
  ) {}

  private leave(): void {
    this.lent = true;
    this.output.hold();
    leaveAltScreen(this.stdout);
    if (this.stdin.isTTY) this.stdin.setRawMode(false);
    stopReading(this.stdin);
  }

  private takeBack(): void {
    if (this.stdin.isTTY) this.stdin.setRawMode(true);
    startReading(this.stdin);
    enterAltScreen(this.stdout);
    this.lent = false;
    this.output.release();
  }

  async handOver<T>(work: () => Promise<T>): Promise<T> {
    if (this.lent) throw new Error('the terminal is already lent to another program');
    this.leave();
    try {
      return await work();
    } finally {
      this.takeBack();
    }
  }

  suspend(): Promise<boolean> {
    return this.handOver(
      () =>
        new Promise<boolean>((resolve) => {
          const continued = (): void => {
            clearTimeout(timer);
            resolve(true);
          };
          // Without job control (b2c started by `ssh host b2c`, say: an orphaned process group)
          // the kernel discards SIGTSTP, and nothing would ever continue b2c: come back by itself.
          const timer = setTimeout(() => {
            process.off('SIGCONT', continued);
            resolve(false);
          }, NO_STOP_MS);
          process.once('SIGCONT', continued);
          // Raw mode keeps the terminal from sending SIGTSTP for Ctrl+Z: b2c stops itself, as a
          // shell's job control expects (the default action of SIGTSTP: Node installs no handler).
          process.kill(process.pid, 'SIGTSTP');
        }),
    );
  }

  writeRaw(bytes: string): void {
    if (!this.lent) this.stdout.write(bytes);
  }
}
