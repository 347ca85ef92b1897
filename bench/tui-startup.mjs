// Start to first full frame of `b2c --demo` (issue 6), against `node -e 0` as the floor: how much
// of the start-up is b2c's own. Usage (after `npm run build`): node bench/tui-startup.mjs [runs]
// Prints medians and the ratio; each run is a fresh process in a pseudo-terminal at 80×24. Also
// the CPU time (user + system) each process used until then, which a loaded machine disturbs less
// than wall time: b2c's from a preloaded hook at its first paint (bench/lib/first-frame-cpu.mjs).
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { B2C, b2cEnv, median, ms, ROOT, run } from './tui-pty.mjs';

const runs = Number(process.argv[2] ?? 7);
const cwd = mkdtempSync(join(tmpdir(), 'b2c-bench-start-'));
const cpuFile = join(cwd, 'cpu');

async function floorOnce() {
  const p = run(
    process.execPath,
    ['-e', 'const { user, system } = process.cpuUsage(); console.log((user + system) / 1000)'],
    { cwd },
  );
  await p.exited;
  return { wall: performance.now() - p.started, cpu: Number(p.text().trim()) };
}

async function b2cOnce() {
  rmSync(cpuFile, { force: true });
  const hook = join(ROOT, 'bench', 'lib', 'first-frame-cpu.mjs');
  const p = run(process.execPath, ['--import', hook, B2C, '--demo'], {
    cwd,
    env: b2cEnv({ B2C_FIRST_FRAME_OUT: cpuFile }),
  });
  // First full frame: both panes and the function-key bar drawn.
  const frame = await p.until((t) => t.includes('10Quit') && t.includes('┐┌'));
  // Then the right pane's listing from the in-process server (authorize + list buckets).
  const listed = await p.until((t) => t.includes('demo-photos'));
  p.pty.write('q');
  await p.exited;
  let cpu = NaN;
  try {
    cpu = Number(readFileSync(cpuFile, 'utf8'));
  } catch {
    // A build without synchronized updates (before issue 15): no CPU figure.
  }
  return { frame: frame - p.started, listed: listed - p.started, cpu };
}

try {
  const floor = [];
  const floorCpu = [];
  const frames = [];
  const listed = [];
  const cpu = [];
  for (let i = 0; i < runs; i++) {
    const f = await floorOnce();
    floor.push(f.wall);
    floorCpu.push(f.cpu);
    const r = await b2cOnce();
    frames.push(r.frame);
    listed.push(r.listed);
    cpu.push(r.cpu);
  }
  const f = median(floor);
  const first = median(frames);
  const full = median(listed);
  console.log(`tui start-up, ${runs} runs, medians (80×24 pty)`);
  console.log(`  node -e 0 (floor)            ${ms(f)}`);
  console.log(`  b2c --demo first full frame  ${ms(first)}   ratio ${(first / f).toFixed(2)}× floor`);
  console.log(`  b2c --demo buckets listed    ${ms(full)}   ratio ${(full / f).toFixed(2)}× floor`);
  console.log(
    `  CPU time: node -e 0 ${ms(median(floorCpu))}, b2c to its first frame ${ms(median(cpu))}   ratio ${(median(cpu) / median(floorCpu)).toFixed(2)}×`,
  );
} finally {
  rmSync(cwd, { recursive: true, force: true });
}
