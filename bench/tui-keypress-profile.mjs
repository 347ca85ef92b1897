// Where the time of a key press goes (issue 15): a V8 CPU profile of `b2c --demo` while `j`/`k`
// move the cursor in a folder of N entries (10 and 100,000 by default), in a 120×40 pty, from the
// first press to the last (bench/lib/signal-profiler.mjs), summed through the bundle's source maps
// by package, by file (self time) and by function (total time, callees included).
// Usage (after `npm run build`): node bench/tui-keypress-profile.mjs [presses=200] [entries…]
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileOf, packageOf } from './lib/profile-sources.mjs';
import { B2C, b2cEnv, ROOT, run } from './tui-pty.mjs';

const presses = Number(process.argv[2] ?? 200);
const sizes = process.argv.length > 3 ? process.argv.slice(3).map(Number) : [10, 100_000];
const TOP = 25;
const work = mkdtempSync(join(tmpdir(), 'b2c-bench-keyprof-'));

const waitFor = async (check) => {
  while (!check()) await new Promise((r) => setTimeout(r, 10));
};

async function profileFolder(count) {
  const dir = join(work, `local-${count}`);
  mkdirSync(dir);
  for (let i = 0; i < count; i++) writeFileSync(join(dir, `f${String(i).padStart(7, '0')}.dat`), '');
  const out = join(work, `profile-${count}.json`);
  const p = run(process.execPath, ['--import', join(ROOT, 'bench', 'lib', 'signal-profiler.mjs'), B2C, '--demo'], {
    cwd: dir,
    env: b2cEnv({ B2C_PROFILE_OUT: out }),
    rows: 40,
    cols: 120,
  });
  await p.until((t) => t.includes('10Quit'));
  p.pty.write('\t');
  await p.until((t) => t.includes(`${count.toLocaleString('en')} files`), 300_000);
  await p.settle(200);
  process.kill(p.pty.pid, 'SIGUSR2');
  await waitFor(() => existsSync(`${out}.started`));
  const times = [];
  for (let i = 0; i < presses; i++) {
    await p.settle(40);
    times.push(await p.keyToFrame(count > presses || i % 2 === 0 ? 'j' : 'k'));
  }
  await p.settle(40);
  process.kill(p.pty.pid, 'SIGUSR2');
  await waitFor(() => existsSync(out));
  p.pty.write('q');
  await p.exited;
  if (process.env.B2C_PROFILE_KEEP) writeFileSync(`${process.env.B2C_PROFILE_KEEP}-${count}.json`, readFileSync(out));
  return JSON.parse(readFileSync(out, 'utf8'));
}

function summarise(count, profile) {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const self = new Map();
  const pkgs = new Map();
  const total = new Map();
  let busy = 0;
  const add = (m, k, us) => m.set(k, (m.get(k) ?? 0) + us);
  profile.samples.forEach((id, i) => {
    const us = profile.timeDeltas[i] ?? 0;
    const frame = byId.get(id).callFrame;
    if (frame.functionName === '(idle)') return;
    busy += us;
    const file = fileOf(frame);
    add(self, file, us);
    add(pkgs, packageOf(file), us);
    const seen = new Set();
    for (let n = id; n !== undefined; n = parent.get(n)) {
      const f = byId.get(n).callFrame;
      const key = `${f.functionName || '(anonymous)'}  ${fileOf(f)}`;
      if (seen.has(key)) continue;
      seen.add(key);
      add(total, key, us);
    }
  });
  const print = (title, m) => {
    console.log(`  ${title}`);
    for (const [k, us] of [...m].sort((a, b) => b[1] - a[1]).slice(0, TOP))
      console.log(
        `    ${(us / 1000 / presses).toFixed(2).padStart(6)} ms/press  ${((100 * us) / busy).toFixed(1).padStart(5)} %  ${k}`,
      );
  };
  console.log(
    `${count.toLocaleString('en')} entries, ${presses} presses: ${(busy / 1000 / presses).toFixed(2)} ms busy per press (not idle)`,
  );
  print('by package / src folder (self):', pkgs);
  print('by file (self):', self);
  print('by function (total, callees included):', total);
}

try {
  for (const count of sizes) summarise(count, await profileFolder(count));
} finally {
  rmSync(work, { recursive: true, force: true });
}
