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

/**
 * Switches `out` to the alternate screen and installs handlers that restore it however the
 * process ends. `onSignal` is called for SIGTERM/SIGHUP so the app can shut down in order
 * (stop transfers so they stay resumable, then restore the screen); it must restore the screen
 * itself (see {@link TerminalSession.restore}) — the exit handler does it too, last of all.
 */
export function enterTerminalSession(
  out: NodeJS.WriteStream,
  onSignal: (signal: NodeJS.Signals) => void,
): TerminalSession {
  let active = true;
  const restore = (): void => {
    if (!active) return;
    active = false;
    leaveAltScreen(out);
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
    process.stderr.write(`b2c crashed: ${text.split('\n').map(sanitizeForTerminal).join('\n')}\n`);
    process.exit(70);
  };
  enterAltScreen(out);
  process.on('exit', restore);
  process.on('SIGTERM', onTerm);
  process.on('SIGHUP', onHup);
  process.on('uncaughtException', onCrash);
  process.on('unhandledRejection', onCrash);
  return { restore };
}
