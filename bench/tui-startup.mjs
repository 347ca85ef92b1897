// Start to first full frame of `b2c --demo` (issue 6), against `node -e 0` as the floor: how much
// of the start-up is b2c's own. Usage (after `npm run build`): node bench/tui-startup.mjs [runs]
// Prints medians and the ratio; each run is a fresh process in a pseudo-terminal at 80×24.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { B2C, b2cEnv, median, ms, run } from './tui-pty.mjs';

const runs = Number(process.argv[2] ?? 7);
const cwd = mkdtempSync(join(tmpdir(), 'b2c-bench-start-'));

async function floorOnce() {
  const p = run(process.execPath, ['-e', '0'], { cwd });
  await p.exited;
  return performance.now() - p.started;
}

async function b2cOnce() {
  const p = run(process.execPath, [B2C, '--demo'], { cwd, env: b2cEnv() });
  // First full frame: both panes and the function-key bar drawn.
  const frame = await p.until((t) => t.includes('10Quit') && t.includes('┐┌'));
  // Then the right pane's listing from the in-process server (authorize + list buckets).
  const listed = await p.until((t) => t.includes('demo-photos'));
  p.pty.write('q');
  await p.exited;
  return { frame: frame - p.started, listed: listed - p.started };
}

try {
  const floor = [];
  const frames = [];
  const listed = [];
  for (let i = 0; i < runs; i++) {
    floor.push(await floorOnce());
    const r = await b2cOnce();
    frames.push(r.frame);
    listed.push(r.listed);
  }
  const f = median(floor);
  const first = median(frames);
  const full = median(listed);
  console.log(`tui start-up, ${runs} runs, medians (80×24 pty)`);
  console.log(`  node -e 0 (floor)            ${ms(f)}`);
  console.log(`  b2c --demo first full frame  ${ms(first)}   ratio ${(first / f).toFixed(2)}× floor`);
  console.log(`  b2c --demo buckets listed    ${ms(full)}   ratio ${(full / f).toFixed(2)}× floor`);
} finally {
  rmSync(cwd, { recursive: true, force: true });
}
