/**
 * Starts the built-in B2-compatible server in a separate process (bench/emulator-entry.ts, i.e.
 * `b2c emulator`) and reads its one JSON ready line. Also reads the server's CPU time from /proc,
 * so each measurement can say how much of the work was the server's.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { benchBundleDir } from './paths.js';
import type { LinkSettings } from './settings.js';

/** A running server. `masterKey` is a secret: pass it on through environment variables only. */
export interface EmulatorProcess {
  endpoint: string;
  masterKeyId: string;
  masterKey: string;
  pid: number;
  /** User + system CPU seconds the server has used so far (null where /proc is missing). */
  cpuSeconds(): Promise<number | null>;
  /** Resident memory high-water mark of the server in bytes (null where /proc is missing). */
  peakRssBytes(): Promise<number | null>;
  /**
   * Has the server touch `bytes` of memory for the next uploads (`/_emulator/reserve-memory`):
   * the untimed warm start every upload gets, as every download gets a warm page pool.
   */
  reserveMemory(bytes: number): Promise<void>;
  /** SIGTERM, then waits for the exit. */
  stop(): Promise<void>;
}

/** Linux clock ticks per second for /proc/PID/stat (USER_HZ is 100 on every mainstream kernel). */
const CLOCK_TICKS = 100;

/** Reads utime + stime of `pid` in seconds, or null. */
export async function processCpuSeconds(pid: number): Promise<number | null> {
  try {
    const stat = await readFile(`/proc/${pid}/stat`, 'utf8');
    // Fields after the command name (which may contain spaces) start after the last ')'.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) / CLOCK_TICKS;
  } catch {
    return null;
  }
}

/** Reads VmHWM (peak resident set) of `pid` in bytes, or null. */
export async function processPeakRss(pid: number | 'self'): Promise<number | null> {
  try {
    const status = await readFile(`/proc/${pid}/status`, 'utf8');
    const m = /^VmHWM:\s+(\d+) kB/m.exec(status);
    return m === null ? null : Number(m[1]) * 1024;
  } catch {
    return null;
  }
}

function waitForExit(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => child.once('exit', () => resolve()));
}

/**
 * Starts the server with `--port 0`, the given part sizes (bytes) and, when given, a simulated
 * link (`--latency` ms, `--bandwidth` bytes/s per connection).
 * @throws when the process exits or prints no ready line within 20 s.
 */
export async function startEmulatorProcess(opts: {
  partSize: number;
  minPartSize?: number;
  link?: LinkSettings | null;
}): Promise<EmulatorProcess> {
  const args = [join(benchBundleDir(), 'emulator-entry.mjs'), '--port', '0', '--part-size', String(opts.partSize)];
  if (opts.minPartSize !== undefined) args.push('--min-part-size', String(opts.minPartSize));
  if (opts.link) args.push('--latency', String(opts.link.latencyMs), '--bandwidth', String(opts.link.bandwidth));
  const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr.setEncoding('utf8');
  child.stderr.on('data', (s: string) => {
    stderr = (stderr + s).slice(-4000);
  });
  const lines = createInterface({ input: child.stdout });
  const ready = await new Promise<{ endpoint: string; masterKeyId: string; masterKey: string }>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`emulator gave no ready line in 20 s: ${stderr}`)), 20_000);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`emulator exited (${String(code)}) before it was ready: ${stderr}`));
    });
    lines.once('line', (line) => {
      clearTimeout(timer);
      resolve(JSON.parse(line));
    });
  });
  lines.close();
  const pid = child.pid ?? -1;
  return {
    ...ready,
    pid,
    cpuSeconds: () => processCpuSeconds(pid),
    peakRssBytes: () => processPeakRss(pid),
    reserveMemory: async (bytes) => {
      const res = await fetch(`${ready.endpoint}/_emulator/reserve-memory`, {
        method: 'POST',
        headers: {
          Authorization: `Basic ${Buffer.from(`${ready.masterKeyId}:${ready.masterKey}`).toString('base64')}`,
        },
        body: JSON.stringify({ bytes }),
      });
      if (!res.ok) throw new Error(`reserve-memory: ${res.status} ${await res.text()}`);
    },
    stop: async () => {
      child.kill('SIGTERM');
      await waitForExit(child);
    },
  };
}
