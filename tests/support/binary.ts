/**
 * Runs the built binary (`node bin/b2c.js`, the dist/ bundle) as a user would, with pipes for
 * stdio: for what needs a real process (exit codes as a shell sees them, signals, leftovers after
 * SIGKILL). The bundle is built before the suite (tests/support/global-setup.ts); after changing
 * src/, `npm run build` before running such a file alone. In a terminal: tests/e2e/pty-harness.ts.
 */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { join } from 'node:path';

export const ROOT = join(import.meta.dirname, '..', '..');
export const BIN = join(ROOT, 'bin', 'b2c.js');

export interface RunResult {
  /** null when a signal ended the process. */
  code: number | null;
  stdout: string;
  stderr: string;
}

/** A running binary: the child (to signal it) and its result once it exits. */
export interface Running {
  child: ChildProcessWithoutNullStreams;
  done: Promise<RunResult>;
}

/**
 * Starts `node bin/b2c.js ...args`. `input` is written to stdin (then closed); without it stdin
 * is closed at once. B2_* variables of the test's own environment are dropped so that only
 * `options.env` decides the credentials.
 */
export function startB2c(
  args: string[],
  options: { env: Record<string, string>; cwd?: string; input?: string },
): Running {
  const env: Record<string, string> = {};
  for (const [k, v] of Object.entries(process.env)) if (v !== undefined && !k.startsWith('B2_')) env[k] = v;
  Object.assign(env, options.env);
  const child = spawn(process.execPath, [BIN, ...args], {
    cwd: options.cwd ?? ROOT,
    env,
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
  child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
  child.stdin.end(options.input ?? '');
  const done = new Promise<RunResult>((resolve, reject) => {
    child.once('error', reject);
    child.once('close', (code) => resolve({ code, stdout, stderr }));
  });
  return { child, done };
}

/** Runs the binary to the end (see {@link startB2c}). */
export function runB2c(
  args: string[],
  options: { env: Record<string, string>; cwd?: string; input?: string },
): Promise<RunResult> {
  return startB2c(args, options).done;
}
