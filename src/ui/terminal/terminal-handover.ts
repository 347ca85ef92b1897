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
  // Properties, not methods: `readStart` is taken off and put back while the terminal is lent.
  readStop?: (this: ReadHandle) => number;
  readStart?: (this: ReadHandle) => number;
}

function handleOf(stdin: NodeJS.ReadStream): ReadHandle | undefined {
  return (stdin as unknown as { _handle?: ReadHandle })._handle;
}

/**
 * Stops Node reading the terminal until the returned function is called. Removing listeners or
 * `pause()` is not enough: a TTY stream keeps reading ahead into its buffer, so keys typed into
 * the editor would be split between the editor and b2c (seen in a pty: the editor lost a line).
 * Stopping the handle once is not enough either: the key that lent the terminal (Ctrl+O) is
 * handled inside Ink's read loop, whose next `stdin.read()` starts the handle again. A shell
 * with job control then owns the terminal, and b2c's read in the background is stopped by
 * SIGTTIN, or fails with EIO where its process group is orphaned (b2c crashed). So the handle's
 * `readStart` does nothing while the terminal is lent.
 */
function stopReading(stdin: NodeJS.ReadStream): () => void {
  const h = handleOf(stdin);
  if (h === undefined || h.readStop === undefined || h.readStart === undefined) return () => undefined;
  const handle = h;
  const own = Object.prototype.hasOwnProperty.call(handle, 'readStart');
  const readStart = handle.readStart;
  handle.readStart = () => 0;
  if (handle.reading === true) {
    handle.reading = false;
    handle.readStop?.();
  }
  return () => {
    if (own) handle.readStart = readStart;
    else delete handle.readStart;
    // The stream may think a read is pending (its own start was swallowed): start it here.
    handle.reading = true;
    readStart?.call(handle);
  };
}

/**
 * How long after sending itself SIGTSTP b2c takes it that it was not stopped. When it was, the
 * kernel stops it before the kill returns and SIGCONT is the first thing it sees once `fg` runs.
 */
const NO_STOP_MS = 1_000;

export class TerminalHandover implements TerminalControl {
  private lent = false;
  private resumeReading: () => void = () => undefined;

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
    this.resumeReading = stopReading(this.stdin);
  }

  private takeBack(): void {
    if (this.stdin.isTTY) this.stdin.setRawMode(true);
    this.resumeReading();
    this.resumeReading = () => undefined;
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
          // After a stop longer than the wait, the timer is due the moment b2c runs again, and
          // timers run before the loop reads the SIGCONT that woke it: decide one turn later.
          const timer = setTimeout(() => {
            setImmediate(() => {
              if (process.listeners('SIGCONT').includes(continued)) {
                process.off('SIGCONT', continued);
                resolve(false);
              }
            });
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
