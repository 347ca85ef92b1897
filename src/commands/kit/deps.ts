/**
 * The outside world of a command, as one value: every command takes it, production passes
 * {@link processCliDeps}, tests pass their own (tests/support/cli.ts runs commands in-process).
 */
import type { Env } from '../../config/index.js';
import { EXIT, type InterruptSignal } from './exit-codes.js';

/** A writable terminal-ish stream: `isTTY` and `columns` as on process.stdout. */
export interface TerminalStream {
  write(chunk: string): unknown;
  isTTY?: boolean;
  columns?: number;
}

/** Where a command writes. */
export interface OutputStreams {
  stdout: TerminalStream;
  stderr: TerminalStream;
}

/** What a command needs from outside (production: the process's). */
export interface CliDeps {
  /** Credentials (B2_*), B2C_CONFIG_DIR, B2C_NETWORK_TIMEOUT, … */
  env: Env;
  streams: OutputStreams;
  /** Where confirmations are read from. */
  stdin: NodeJS.ReadableStream & { isTTY?: boolean };
  /** What relative local paths are relative to. */
  cwd: string;
  /** ms since the epoch. */
  now(): number;
  /** Calls `handler` on Ctrl+C (SIGINT), SIGTERM and SIGHUP until the returned function is called. */
  onInterrupt(handler: (signal: InterruptSignal) => void): () => void;
  /** Ends the process at once with `code` (a second Ctrl+C). */
  exit(code: number): void;
}

let pipeGuard = false;
let hungUp = false;

/** After SIGHUP: failed writes to stdout/stderr are ignored (nobody can read them any more). */
function ignoreOutputErrors(): void {
  hungUp = true;
  process.stderr.on('error', () => undefined);
}

/**
 * A reader that went away (`b2c ls | head`) ends the command quietly with 141, the status of a
 * process killed by SIGPIPE, like `ls` itself, instead of an unhandled EPIPE stack trace.
 */
function guardBrokenPipe(): void {
  if (pipeGuard) return;
  pipeGuard = true;
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (hungUp) return;
    if (error.code === 'EPIPE') process.exit(EXIT.brokenPipe);
    throw error;
  });
}

/** The running process as CliDeps. */
export function processCliDeps(): CliDeps {
  guardBrokenPipe();
  return {
    env: process.env,
    streams: { stdout: process.stdout, stderr: process.stderr },
    stdin: process.stdin,
    cwd: process.cwd(),
    now: () => Date.now(),
    onInterrupt(handler) {
      // Sole owner of these signals: src/cli.ts released the library hooks (signal-hooks.ts).
      const onInt = (): void => handler('SIGINT');
      const onTerm = (): void => handler('SIGTERM');
      const onHup = (): void => {
        // The terminal is gone: writing to it fails (EIO, EPIPE). Cleanup must go on regardless.
        ignoreOutputErrors();
        handler('SIGHUP');
      };
      process.on('SIGINT', onInt);
      process.on('SIGTERM', onTerm);
      process.on('SIGHUP', onHup);
      return () => {
        process.off('SIGINT', onInt);
        process.off('SIGTERM', onTerm);
        process.off('SIGHUP', onHup);
      };
    },
    exit: (code) => process.exit(code),
  };
}
