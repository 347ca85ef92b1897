/**
 * Runs b2c's command line in this process through its dependency seam (src/commands/main.ts
 * with in-memory CliDeps): the same dispatch, parsing, printing and exit codes as `node
 * bin/b2c.js`, without starting node for every run. stdout and stderr are collected, stdin is
 * the given text, signals are delivered by `interrupt()`. Real processes, terminals and signals
 * are tested in tests/e2e.
 */
import { Readable } from 'node:stream';
import { expect, inject } from 'vitest';
import type { CliDeps, InterruptSignal, TerminalStream } from '../../src/commands/kit/index.js';
import { runB2c } from '../../src/commands/main.js';

/** One finished run. `code` is the exit code the process would have had. */
export interface CliRun {
  args: string[];
  code: number;
  stdout: string;
  stderr: string;
}

/** How to run. */
export interface CliOptions {
  /** The environment (B2_*, B2C_CONFIG_DIR, …); B2C_CONFIG_DIR defaults to an empty folder of this file's. */
  env?: Record<string, string>;
  cwd?: string;
  /** What stdin holds (default: nothing, at end). */
  input?: string;
  /** Pretend stdin is a terminal (rm asks then). */
  stdinTTY?: boolean;
}

/** A run in progress. */
export interface RunningCli {
  /** Delivers a signal as the process would get it (Ctrl+C, kill, hang-up). */
  interrupt(signal: InterruptSignal): void;
  /** What has been written so far. */
  stdout(): string;
  stderr(): string;
  /** The finished run; `code` is the forced exit's when the command called `exit()`. */
  done: Promise<CliRun>;
}

/** Runs by test file: modules may be shared between the files of one worker (isolate: false). */
const RUNS_BY_FILE = new Map<string, CliRun[]>();

/** Every run of the calling test file so far, for scans of all output (secrets). */
export function runsOfThisFile(): CliRun[] {
  const file = expect.getState().testPath ?? '';
  let runs = RUNS_BY_FILE.get(file);
  if (runs === undefined) RUNS_BY_FILE.set(file, (runs = []));
  return runs;
}

/**
 * An empty config folder for runs that name none, so no test reads the user's profiles: made once
 * for the whole run by tests/support/global-setup.ts, which removes it at the end (a worker's own
 * exit handler does not run when vitest ends the worker).
 */
function defaultConfigDir(): string {
  return inject('emptyConfigDir');
}

function collector(): TerminalStream & { text: string } {
  const stream = {
    text: '',
    isTTY: false,
    write(chunk: string) {
      stream.text += chunk;
      return true;
    },
  };
  return stream;
}

/** Starts `b2c ...args` in-process. */
export function startCli(args: string[], options: CliOptions = {}): RunningCli {
  const stdout = collector();
  const stderr = collector();
  const handlers = new Set<(signal: InterruptSignal) => void>();
  let forced: ((code: number) => void) | null = null;
  const forcedExit = new Promise<number>((resolve) => (forced = resolve));
  const stdin = Object.assign(Readable.from(options.input === undefined ? [] : [options.input]), {
    isTTY: options.stdinTTY === true,
  });
  const deps: CliDeps = {
    env: { B2C_CONFIG_DIR: defaultConfigDir(), ...options.env },
    streams: { stdout, stderr },
    stdin,
    cwd: options.cwd ?? process.cwd(),
    now: () => Date.now(),
    onInterrupt(handler) {
      handlers.add(handler);
      return () => handlers.delete(handler);
    },
    exit: (code) => forced?.(code),
  };
  const runs = runsOfThisFile();
  const done = Promise.race([runB2c(args, { deps: () => deps }), forcedExit]).then((code) => {
    const run = { args, code, stdout: stdout.text, stderr: stderr.text };
    runs.push(run);
    return run;
  });
  return {
    interrupt(signal) {
      for (const h of [...handlers]) h(signal);
    },
    stdout: () => stdout.text,
    stderr: () => stderr.text,
    done,
  };
}

/** Runs `b2c ...args` in-process to the end. */
export function runCli(args: string[], options: CliOptions = {}): Promise<CliRun> {
  return startCli(args, options).done;
}
