/**
 * What `b2c ls`, `cp` and `rm` share beyond argument parsing: their outside world (environment,
 * streams, terminal facts, signals), one place that turns failures into messages and exit codes,
 * signing in only when a `b2://` location is involved, and the transfer settings.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { CONFIG_FILE_NAME, DEFAULT_SETTINGS, openConfig, redactUrlUserInfo, resolveConfigDir, type Env, type Settings } from '../config/index.js';
import type { ConnectB2Options } from '../providers/b2/index.js';
import { sanitizeForTerminal } from '../state/text/sanitize.js';
import { CLI_EXIT, UsageError } from './cli-args.js';
import { createOutput, type Output, type OutputStreams } from './output.js';
import { openSession, refuseSecretArguments, toCommandFailure, type Session } from './session.js';

/** A writable terminal-ish stream: `isTTY` and `columns` as on process.stdout. */
export interface TerminalStream {
  write(chunk: string): unknown;
  isTTY?: boolean;
  columns?: number;
}

/** The outside world of a CLI command (production: the process's). */
export interface CliDeps {
  env: Env;
  streams: OutputStreams & { stdout: TerminalStream; stderr: TerminalStream };
  /** Where confirmations are read from. */
  stdin: NodeJS.ReadableStream & { isTTY?: boolean };
  cwd: string;
  /** ms since the epoch. */
  now(): number;
  /** Calls `handler` on Ctrl+C (SIGINT), SIGTERM and SIGHUP until the returned function is called. */
  onInterrupt(handler: (signal: InterruptSignal) => void): () => void;
}

/** The signals that interrupt a command: Ctrl+C, `kill`, and the terminal (SSH) going away. */
export type InterruptSignal = 'SIGINT' | 'SIGTERM' | 'SIGHUP';

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
    if (error.code === 'EPIPE') process.exit(141);
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
  };
}

/**
 * Runs a command body with one place for failures: a {@link UsageError} (or a `usage`
 * CommandFailure) prints the message and the help text and returns 2; anything else is mapped by
 * session.ts's toCommandFailure (sign-in failures keep their documented 2 and 3; the rest 1).
 * `--json` is read from argv up front so that even a usage error comes out as JSON.
 * A secret on the command line is refused before anything else (it would show in `ps`).
 */
export async function runCli(command: string, argv: readonly string[], deps: CliDeps, body: (out: Output) => Promise<number>): Promise<number> {
  const out = createOutput(command, argv.includes('--json'), deps.streams);
  try {
    refuseSecretArguments(argv);
    return await body(out);
  } catch (error) {
    if (error instanceof UsageError) {
      out.fail('usage', error.message, CLI_EXIT.usage, error.usage);
      return CLI_EXIT.usage;
    }
    const failure = toCommandFailure(error);
    const code = failure.kind === 'usage' ? CLI_EXIT.usage : failure.exitCode;
    out.fail(failure.kind, failure.message, code, failure.usage);
    return code;
  }
}

/**
 * Signs in (B2_* environment variables over `--profile` over the default profile) and prints the
 * session's warnings. @throws CommandFailure (see openSession)
 */
export async function signIn(deps: CliDeps, out: Output, profileName: string | undefined, connect?: SessionConnect): Promise<Session> {
  const session = await openSession({ profileName, env: deps.env, connect });
  for (const w of session.warnings) out.warn(w);
  return session;
}

/** Provider options a command may set when connecting (never credentials). */
export type SessionConnect = Omit<ConnectB2Options, 'applicationKeyId' | 'applicationKey' | 'endpoint'>;

/**
 * The transfer settings (concurrency, part concurrency, part size): from the session's config,
 * else from the config file when one exists, else the defaults. A config file that cannot be read
 * gives the defaults with a warning: environment credentials must work with a broken config.
 */
export function transferSettings(session: Session | null, deps: CliDeps, out: Output): Settings {
  if (session?.config) return session.config.getSettings();
  let dir: string;
  try {
    dir = resolveConfigDir(undefined, deps.env);
  } catch {
    return { ...DEFAULT_SETTINGS };
  }
  if (!existsSync(join(dir, CONFIG_FILE_NAME))) return { ...DEFAULT_SETTINGS };
  try {
    return openConfig({ env: deps.env }).getSettings();
  } catch (error) {
    out.warn(`Using default transfer settings: ${error instanceof Error ? error.message : String(error)}`);
    return { ...DEFAULT_SETTINGS };
  }
}

/** Writes `b2c COMMAND: TEXT` on stderr, sanitised (names from B2 may carry escape sequences). */
export function stderrLine(deps: CliDeps, command: string, text: string): void {
  deps.streams.stderr.write(`b2c ${command}: ${sanitizeForTerminal(redactUrlUserInfo(text))}\n`);
}
