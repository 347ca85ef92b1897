/**
 * The B2-compatible server as a user runs it for the rclone compatibility suite: the built
 * `b2c emulator` binary in its own process, with `--verbose` so every request is logged to stderr.
 * The request log is how the tests prove which B2 calls rclone made (e.g. b2_copy_file).
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';

export const ROOT = join(import.meta.dirname, '..', '..');
const BIN = join(ROOT, 'bin', 'b2c.js');
const BUNDLE = join(ROOT, 'dist', 'cli.js');
/** Several compat files start at once; only one of them may build, the others wait for it. */
const BUILD_LOCK = join(tmpdir(), `b2c-build-${createHash('sha1').update(ROOT).digest('hex').slice(0, 12)}.lock`);

/**
 * Builds dist/ with `npm run build` if the bundle is missing (`npm test` builds first anyway).
 * Concurrent callers wait on a lock directory, polling, so nobody runs a half-written bundle.
 * @throws when the build fails or another builder holds the lock for over 3 minutes.
 */
export async function ensureBuilt(): Promise<void> {
  const deadline = Date.now() + 180_000;
  for (;;) {
    // Bundle first, then lock: a bundle seen while nobody holds the lock is complete.
    if (existsSync(BUNDLE) && !existsSync(BUILD_LOCK)) return;
    let mine = false;
    try {
      mkdirSync(BUILD_LOCK);
      mine = true;
    } catch {
      // Someone else is building.
    }
    if (mine) {
      try {
        if (existsSync(BUNDLE)) return;
        const r = spawnSync('npm', ['run', 'build'], { cwd: ROOT, stdio: 'inherit' });
        if (r.status !== 0) throw new Error(`npm run build failed (exit ${String(r.status)})`);
        return;
      } finally {
        rmSync(BUILD_LOCK, { recursive: true, force: true });
      }
    }
    if (Date.now() > deadline) throw new Error(`waited 3 min for another build (lock ${BUILD_LOCK})`);
    await delay(250);
  }
}

/** A running `b2c emulator` process. */
export interface EmulatorProcess {
  endpoint: string;
  masterKeyId: string;
  masterKey: string;
  /** Request-log lines (`METHOD /path STATUS Nms`) received so far. */
  log: string[];
  /**
   * Resolves once every request answered before this call is in `log`: sends a marker request
   * and waits for its log line (the server logs requests in the order they finish).
   * Returns the lines logged since `from` (an index into `log`), marker excluded.
   */
  logSince(from: number): Promise<string[]>;
  /** POST /_emulator/faults (master-key Basic auth); `{}` clears every fault. */
  setFaults(faults: Record<string, unknown>): Promise<void>;
  /** SIGTERM, then waits for the exit. */
  stop(): Promise<void>;
}

/** Basic auth header value for the master key. */
export function basicAuth(keyId: string, key: string): string {
  return `Basic ${Buffer.from(`${keyId}:${key}`).toString('base64')}`;
}

/**
 * Spawns `node bin/b2c.js emulator --port 0 --verbose ...extraArgs` and resolves with its JSON
 * line. @throws if the process exits before printing it.
 */
export async function startEmulatorProcess(extraArgs: string[] = []): Promise<EmulatorProcess> {
  await ensureBuilt();
  const child: ChildProcess = spawn(process.execPath, [BIN, 'emulator', '--port', '0', '--verbose', ...extraArgs], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const log: string[] = [];
  const waiters: (() => void)[] = [];
  let errText = '';
  let partial = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    errText += chunk.toString();
    partial += chunk.toString();
    const lines = partial.split('\n');
    partial = lines.pop() ?? '';
    for (const line of lines) {
      const m = /^b2c emulator: ((?:GET|HEAD|POST|PUT|DELETE) \S+ \d{3} \d+ms)$/.exec(line);
      if (m?.[1]) log.push(m[1]);
    }
    for (const w of waiters.splice(0)) w();
  });
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const ready = await new Promise<{ endpoint: string; masterKeyId: string; masterKey: string }>((resolve, reject) => {
    let out = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const nl = out.indexOf('\n');
      if (nl >= 0) resolve(JSON.parse(out.slice(0, nl)) as { endpoint: string; masterKeyId: string; masterKey: string });
    });
    void exited.then((code) => reject(new Error(`b2c emulator exited ${String(code)} before ready: ${errText}`)));
  });
  const auth = basicAuth(ready.masterKeyId, ready.masterKey);
  const control = async (path: string, method: string, body?: string): Promise<void> => {
    const res = await fetch(`${ready.endpoint}${path}`, { method, headers: { Authorization: auth }, body });
    await res.arrayBuffer();
    if (res.status !== 200) throw new Error(`${method} ${path} → ${res.status}`);
  };
  return {
    ...ready,
    log,
    async logSince(from) {
      const markers = (): number => log.filter((l) => l.startsWith('GET /_emulator/faults ')).length;
      const want = markers() + 1;
      await control('/_emulator/faults', 'GET');
      while (markers() < want) await new Promise<void>((resolve) => waiters.push(resolve));
      return log.slice(from).filter((l) => !l.startsWith('GET /_emulator/faults '));
    },
    setFaults: (faults) => control('/_emulator/faults', 'POST', JSON.stringify(faults)),
    async stop() {
      if (child.exitCode === null) child.kill('SIGTERM');
      await exited;
    },
  };
}
