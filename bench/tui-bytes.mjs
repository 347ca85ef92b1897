// Bytes on the wire per key press (issue 15): what one keystroke costs over SSH. In a real pty,
// colours on and CI unset, starts `b2c --demo` in a folder of 200 files, waits for both panes,
// presses Tab once (the left pane becomes active), then Down 15 times, counting the bytes written
// after each press until the program is silent; then PgDn 3 times and Tab 2 times. The same for
// `mc` when it is on the PATH (its own temp HOME, no subshell, no mouse).
// Usage (after `npm run build`): node bench/tui-bytes.mjs [COLSxROWS ...]
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { B2C, b2cEnv, median, run } from './tui-pty.mjs';

const sizes = (process.argv.length > 2 ? process.argv.slice(2) : ['80x24', '120x40', '200x60']).map((s) =>
  s.split('x').map(Number),
);
const work = mkdtempSync(join(tmpdir(), 'b2c-bench-bytes-'));
const folder = join(work, 'files');
mkdirSync(folder);
for (let i = 0; i < 200; i++) writeFileSync(join(folder, `file-${String(i).padStart(3, '0')}.txt`), 'x'.repeat(i * 37));
const DOWN = '\x1b[B';
const PGDN = '\x1b[6~';
const QUIET_MS = 150;

/** Colours on, CI unset: the environment of a user's SSH session. */
function userEnv(extra = {}) {
  const env = { ...b2cEnv(), ...extra };
  for (const k of ['CI', 'CONTINUOUS_INTEGRATION', 'FORCE_COLOR', 'NO_COLOR']) delete env[k];
  return env;
}

/** Counts the UTF-8 bytes the program writes from now until it has been quiet for QUIET_MS. */
function counter(p) {
  let bytes = 0;
  p.pty.onData((d) => {
    bytes += Buffer.byteLength(d, 'utf8');
  });
  return {
    async press(key) {
      await p.settle(QUIET_MS);
      const before = bytes;
      p.pty.write(key);
      // The answer to a key comes within a frame; wait for it, then for silence.
      const deadline = performance.now() + 2000;
      while (bytes === before && performance.now() < deadline) await new Promise((r) => setTimeout(r, 5));
      await p.settle(QUIET_MS);
      return bytes - before;
    },
    total: () => bytes,
  };
}

/** First screen, then Tab, Down ×15, PgDn ×3, Tab ×2. */
async function measure(p, ready, activateLeft, down = DOWN) {
  const c = counter(p);
  await p.until(ready, 60_000);
  await p.settle(QUIET_MS * 2);
  const first = c.total();
  await c.press(activateLeft);
  const moves = [];
  for (let i = 0; i < 15; i++) moves.push(await c.press(down));
  const pages = [];
  for (let i = 0; i < 3; i++) pages.push(await c.press(PGDN));
  const switches = [];
  for (let i = 0; i < 2; i++) switches.push(await c.press('\t'));
  return {
    first,
    move: median(moves),
    maxMove: Math.max(...moves),
    page: Math.max(...pages),
    pane: Math.max(...switches),
  };
}

async function b2c(cols, rows) {
  const p = run(process.execPath, [B2C, '--demo'], { cols, rows, cwd: folder, env: userEnv() });
  try {
    return await measure(p, (t) => t.includes('demo-photos') && t.includes('200 files') && t.includes('10Quit'), '\t');
  } finally {
    p.pty.write('q');
    await p.exited;
  }
}

async function mc(cols, rows) {
  const home = mkdtempSync(join(work, 'mc-home-'));
  const p = run('mc', ['-u', '-d', folder, folder], {
    cols,
    rows,
    cwd: folder,
    env: { ...userEnv(), HOME: home, MC_SKIN: 'default' },
  });
  try {
    // mc starts in the left pane already (Tab moves to the right pane, also 15 rows of files);
    // it turns on the terminal's application cursor keys, so Down arrives as ESC O B.
    return await measure(p, (t) => t.includes('file-000.txt') && t.includes('Quit'), '\t', '\x1bOB');
  } finally {
    p.pty.write('\x1b0');
    p.kill();
    await p.exited;
  }
}

const hasMc = spawnSync('mc', ['--version'], { stdio: 'ignore' }).status === 0;
const kb = (n) => (n >= 1000 ? `${(n / 1000).toFixed(1)} KB` : `${n} B`);
try {
  console.log(
    `tui bytes per key press (pty, colours on, CI unset; median of 15 one-row moves; worst of 3 PgDn, 2 Tab)`,
  );
  console.log(
    `${'terminal'.padEnd(14)}${'first screen'.padStart(14)}${'one-row move'.padStart(14)}${'PgDn'.padStart(10)}${'Tab'.padStart(10)}`,
  );
  for (const [cols, rows] of sizes) {
    const rowsOut = [['b2c', await b2c(cols, rows)]];
    if (hasMc) rowsOut.push(['mc', await mc(cols, rows)]);
    for (const [name, r] of rowsOut) {
      console.log(
        `${`${name} ${cols}×${rows}`.padEnd(14)}${kb(r.first).padStart(14)}${`${r.move} B`.padStart(14)}${kb(r.page).padStart(10)}${kb(r.pane).padStart(10)}`,
      );
    }
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}
