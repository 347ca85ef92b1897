// Where the start-up of `b2c --demo` goes (issue 15): a V8 CPU profile from before the bundle
// loads to the first full frame, in a pty at 80×24, summed by original source file (through the
// bundle's source maps) and by package. Usage (after `npm run build`):
//   node bench/tui-startup-profile.mjs [top=25]
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileOf, packageOf } from './lib/profile-sources.mjs';
import { B2C, b2cEnv, ROOT, run } from './tui-pty.mjs';

const top = Number(process.argv[2] ?? 25);
const work = mkdtempSync(join(tmpdir(), 'b2c-bench-prof-'));
const out = join(work, 'profile.json');

try {
  const p = run(process.execPath, ['--import', join(ROOT, 'bench', 'lib', 'first-frame-profiler.mjs'), B2C, '--demo'], {
    cwd: work,
    env: b2cEnv({ B2C_PROFILE_OUT: out }),
  });
  await p.until((t) => t.includes('10Quit') && t.includes('┐┌'));
  await p.until(() => {
    try {
      return readFileSync(out).length > 0;
    } catch {
      return false;
    }
  });
  p.pty.write('q');
  await p.exited;
  const { frameMs, profile } = JSON.parse(readFileSync(out, 'utf8'));

  // esbuild's module wrappers (__esm, __commonJS, __require) have no mapping: time spent there is
  // loading (and lazily compiling) the modules they wrap.
  const whereOf = (frame) => {
    const where = fileOf(frame);
    return where.startsWith('dist/')
      ? `${where} ${frame.functionName || '(top level)'} (esbuild module wrapper)`
      : where;
  };
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const selfUs = new Map();
  profile.samples.forEach((id, i) => {
    const where = whereOf(byId.get(id).callFrame);
    selfUs.set(where, (selfUs.get(where) ?? 0) + (profile.timeDeltas[i] ?? 0));
  });
  const byPackage = new Map();
  for (const [where, us] of selfUs) byPackage.set(packageOf(where), (byPackage.get(packageOf(where)) ?? 0) + us);
  const total = [...selfUs.values()].reduce((a, b) => a + b, 0);
  const print = (title, m) => {
    console.log(title);
    for (const [k, us] of [...m].sort((a, b) => b[1] - a[1]).slice(0, top))
      console.log(`  ${(us / 1000).toFixed(1).padStart(7)} ms  ${((100 * us) / total).toFixed(1).padStart(5)} %  ${k}`);
  };
  console.log(
    `first full frame after ${frameMs.toFixed(0)} ms of profiling (${(total / 1000).toFixed(0)} ms sampled, self time)`,
  );
  print('by package / src folder:', byPackage);
  print('by file:', selfUs);
} finally {
  rmSync(work, { recursive: true, force: true });
}
