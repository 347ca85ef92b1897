// Shared helpers of the TUI benchmarks: run a command in a pseudo-terminal read through a
// headless terminal, wait for screen contents, time key presses to the next frame.
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import xterm from '@xterm/headless';
import { spawn } from 'node-pty';

export const ROOT = dirname(dirname(fileURLToPath(import.meta.url)));
/** The binary measured; `B2C_BENCH_CLI=path/to/b2c.js` measures another build (e.g. the previous one). */
export const B2C = process.env.B2C_BENCH_CLI ?? join(ROOT, 'bin', 'b2c.js');

/** Environment for the bundled binary, with colours (with CI set chalk draws none). */
export function b2cEnv(extra = {}) {
  if (!existsSync(join(ROOT, 'dist', 'cli.js'))) throw new Error('dist/cli.js is missing: run `npm run build` first');
  return { ...process.env, TERM: 'xterm-256color', CI: 'false', FORCE_COLOR: '2', ...extra };
}

/** Starts `file args` in a pty; returns helpers. Times are from performance.now(). */
export function run(file, args, { cols = 80, rows = 24, cwd = process.cwd(), env = process.env } = {}) {
  const term = new xterm.Terminal({ cols, rows, allowProposedApi: true });
  const started = performance.now();
  const pty = spawn(file, args, { name: 'xterm-256color', cols, rows, cwd, env });
  let pending = 0;
  let lastData = started;
  const dataWaiters = [];
  pty.onData((d) => {
    lastData = performance.now();
    pending++;
    term.write(d, () => {
      pending--;
    });
    for (const w of dataWaiters.splice(0)) w(lastData);
  });
  const exited = new Promise((resolve) => pty.onExit(({ exitCode }) => resolve(exitCode)));
  const text = () => {
    const buf = term.buffer.active;
    const out = [];
    for (let y = 0; y < term.rows; y++) out.push(buf.getLine(buf.viewportY + y)?.translateToString(true) ?? '');
    return out.join('\n');
  };
  return {
    pty,
    started,
    exited,
    text,
    /** Resolves with the time the screen first satisfied `predicate` (polled every 2 ms). */
    async until(predicate, timeoutMs = 120_000) {
      const deadline = started + timeoutMs;
      for (;;) {
        if (pending === 0 && predicate(text())) return lastData;
        if (performance.now() > deadline) throw new Error(`timed out; screen:\n${text()}`);
        await new Promise((r) => setTimeout(r, 2));
      }
    },
    /** Writes `data` and resolves with ms until the next output from the program. */
    keyToFrame(data) {
      return new Promise((resolve) => {
        const t0 = performance.now();
        dataWaiters.push((t) => resolve(t - t0));
        pty.write(data);
      });
    },
    /** Resolves once no output arrived for `quietMs`. */
    async settle(quietMs = 60) {
      while (performance.now() - lastData < quietMs) await new Promise((r) => setTimeout(r, quietMs / 3));
    },
    kill: () => pty.kill(),
  };
}

export function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor((s.length - 1) / 2)];
}

export function percentile(xs, p) {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)];
}

export const ms = (x) => `${x.toFixed(1)} ms`;
