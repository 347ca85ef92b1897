/**
 * Runs one command as a child process and measures it from the outside, the same way for every
 * tool (b2c, rclone, the provider child): wall time from spawn to exit, peak resident memory and
 * CPU time. With GNU time (`/usr/bin/time -v`) the kernel's rusage of the child is used; without
 * it, /proc/PID/status VmHWM is polled (a poll can miss a very short peak, so it is a lower bound).
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { processCpuSeconds, processPeakRss } from './emulator-process.js';

const GNU_TIME = '/usr/bin/time';

/** What one measured run gave. Memory in bytes, times in ms / seconds as named. */
export interface RunResult {
  exitCode: number;
  wallMs: number;
  /** Peak resident set size of the child in bytes (null if it could not be read). */
  peakRssBytes: number | null;
  /** User + system CPU seconds of the child (null if it could not be read). */
  cpuSeconds: number | null;
  stdout: string;
  stderr: string;
  /** How memory was measured, for the report. */
  method: 'gnu-time' | 'proc-poll';
}

export interface RunOptions {
  env?: NodeJS.ProcessEnv;
  cwd?: string;
}

function parseGnuTime(text: string): { peakRssBytes: number | null; cpuSeconds: number | null } {
  const rss = /Maximum resident set size \(kbytes\): (\d+)/.exec(text);
  const user = /User time \(seconds\): ([\d.]+)/.exec(text);
  const sys = /System time \(seconds\): ([\d.]+)/.exec(text);
  return {
    peakRssBytes: rss === null ? null : Number(rss[1]) * 1024,
    cpuSeconds: user === null || sys === null ? null : Number(user[1]) + Number(sys[1]),
  };
}

/** Runs `command args` to completion and measures it. Never throws for a non-zero exit. */
export async function runMeasured(command: string, args: string[], options: RunOptions = {}): Promise<RunResult> {
  const useTime = existsSync(GNU_TIME);
  const dir = useTime ? await mkdtemp(join(tmpdir(), 'b2c-bench-time-')) : null;
  const timeFile = dir === null ? null : join(dir, 'time.txt');
  const [cmd, argv] = timeFile === null ? [command, args] : [GNU_TIME, ['-v', '-o', timeFile, command, ...args]];
  const started = performance.now();
  const child = spawn(cmd, argv, {
    env: options.env ?? process.env,
    cwd: options.cwd,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (s: string) => (stdout += s));
  child.stderr.setEncoding('utf8').on('data', (s: string) => (stderr = (stderr + s).slice(-20_000)));
  let polledRss: number | null = null;
  let polledCpu: number | null = null;
  const poll =
    timeFile === null
      ? setInterval(() => {
          const pid = child.pid;
          if (pid === undefined) return;
          void processPeakRss(pid).then((r) => (polledRss = r ?? polledRss));
          void processCpuSeconds(pid).then((c) => (polledCpu = c ?? polledCpu));
        }, 25)
      : null;
  const exitCode = await new Promise<number>((resolve) => {
    child.once('error', (e) => {
      stderr += String(e);
      resolve(127);
    });
    child.once('close', (code, signal) => resolve(code ?? (signal === null ? 1 : 128)));
  });
  const wallMs = performance.now() - started;
  if (poll !== null) clearInterval(poll);
  let measured: { peakRssBytes: number | null; cpuSeconds: number | null } = {
    peakRssBytes: polledRss,
    cpuSeconds: polledCpu,
  };
  if (timeFile !== null && dir !== null) {
    const text = await readFile(timeFile, 'utf8').catch(() => '');
    measured = parseGnuTime(text);
    await rm(dir, { recursive: true, force: true });
  }
  return { exitCode, wallMs, ...measured, stdout, stderr, method: timeFile === null ? 'proc-poll' : 'gnu-time' };
}
