/**
 * Owns the terminal around an Ink app: refuses non-terminals, enters the alternate screen before
 * the first frame and leaves it on EVERY exit path (normal quit, Ctrl+C handled by the app,
 * SIGTERM/SIGHUP, uncaught exceptions). ARCHITECTURE.md, "Terminal facts": `ESC[?1049h` / `ESC[?1049l`.
 */
import { sanitizeForTerminal } from '../state/text/sanitize.js';

const ENTER_ALT_SCREEN = '\x1b[?1049h';
const LEAVE_ALT_SCREEN = '\x1b[?1049l';
const SHOW_CURSOR = '\x1b[?25h';
const CLEAR_AND_HOME = '\x1b[2J\x1b[H';

/** Switches `out` to the alternate screen, cleared (the next frame draws everything). */
export function enterAltScreen(out: NodeJS.WritableStream): void {
  out.write(ENTER_ALT_SCREEN + CLEAR_AND_HOME);
}

/** Shows the cursor and leaves the alternate screen: the shell's screen is back as it was. */
export function leaveAltScreen(out: NodeJS.WritableStream): void {
  out.write(SHOW_CURSOR + LEAVE_ALT_SCREEN);
}

/** Why the TUI cannot start here, or null when stdin and stdout are both terminals. */
export function tuiRefusal(stdin: { isTTY?: boolean }, stdout: { isTTY?: boolean }): string | null {
  if (stdin.isTTY && stdout.isTTY) return null;
  const which = !stdin.isTTY && !stdout.isTTY ? 'stdin and stdout are' : !stdin.isTTY ? 'stdin is' : 'stdout is';
  return (
    `b2c: the file manager needs an interactive terminal, but ${which} not a terminal.\n` +
    'Use the commands for scripts instead: b2c ls, b2c cp, b2c rm, b2c keys inspect (see b2c --help).\n'
  );
}

export interface TerminalSession {
  /** Leaves the alternate screen and shows the cursor. Idempotent; safe from any handler. */
  restore(): void;
}

/** A process warning as Node prints it (`(node:PID) [CODE] Name: message`), escaped. */
function warningLine(warning: Error & { code?: unknown }): string {
  const code = typeof warning.code === 'string' ? `[${warning.code}] ` : '';
  return sanitizeForTerminal(`(node:${process.pid}) ${code}${warning.name}: ${warning.message}`);
}

/**
 * Switches `out` to the alternate screen and installs handlers that restore it however the
 * process ends. `onSignal` is called for SIGTERM/SIGHUP so the app can shut down in order
 * (stop transfers so they stay resumable, then restore the screen); it must restore the screen
 * itself (see {@link TerminalSession.restore}) — the exit handler does it too, last of all.
 *
 * Node's process warnings are held while the session lasts and written to `stderr` once the screen
 * is restored: Node writes them to stderr, which is the same terminal, where a line in the middle
 * of the screen would leave it other than the screen writer knows it (a built-in that loads late
 * can warn, e.g. about `NO_COLOR` and `FORCE_COLOR` both set). Nothing is written when Node
 * prints no warnings (`--no-warnings`).
 */
export function enterTerminalSession(
  out: NodeJS.WriteStream,
  onSignal: (signal: NodeJS.Signals) => void,
  stderr: NodeJS.WritableStream = process.stderr,
): TerminalSession {
  let active = true;
  const warningListeners = process.listeners('warning');
  const held: Error[] = [];
  const onWarning = (warning: Error): void => {
    held.push(warning);
  };
  const restore = (): void => {
    if (!active) return;
    active = false;
    leaveAltScreen(out);
    process.off('warning', onWarning);
    for (const listener of warningListeners) process.on('warning', listener);
    if (warningListeners.length > 0) for (const warning of held) stderr.write(`${warningLine(warning)}\n`);
    process.off('exit', restore);
    process.off('SIGTERM', onTerm);
    process.off('SIGHUP', onHup);
    process.off('uncaughtException', onCrash);
    process.off('unhandledRejection', onCrash);
  };
  const onTerm = (): void => onSignal('SIGTERM');
  const onHup = (): void => onSignal('SIGHUP');
  const onCrash = (err: unknown): void => {
    // Restore first so the message lands on the normal screen, where the user can read it.
    restore();
    const text = err instanceof Error ? (err.stack ?? err.message) : String(err);
    // Line breaks of the stack stay; anything else a terminal would act on is escaped.
    stderr.write(`b2c crashed: ${text.split('\n').map(sanitizeForTerminal).join('\n')}\n`);
    process.exit(70);
  };
  enterAltScreen(out);
  process.removeAllListeners('warning');
  process.on('warning', onWarning);
  process.on('exit', restore);
  process.on('SIGTERM', onTerm);
  process.on('SIGHUP', onHup);
  process.on('uncaughtException', onCrash);
  process.on('unhandledRejection', onCrash);
  return { restore };
}
