// `npm test`: build, then the lint with the type-check (oxlint with its type-aware rules and
// TypeScript's diagnostics, one program: a separate tsc would build the same program again) and the
// format check (oxfmt --check) alongside vitest. The build comes first (the tests that run the real
// binary need dist/); the checks then overlap with vitest, which spends much of its time waiting
// (network bounds, servers, terminals). The checks are native programs that take a few seconds of
// CPU together; they run at a lower CPU priority (nice 10) so that vitest, whose tests wait for
// screens with time limits, comes first. Their output is printed when they end (vitest's streams as
// it goes). The run fails when any of them fails.
import { spawn } from 'node:child_process';
import { constants, setPriority } from 'node:os';

const started = performance.now();
const seconds = () => `${((performance.now() - started) / 1000).toFixed(1)} s`;

/** Runs `command`; resolves with its exit code and, unless `inherit`, everything it printed. */
function run(name, command, args, { inherit = false, background = false } = {}) {
  const child = spawn(command, args, { stdio: inherit ? 'inherit' : ['ignore', 'pipe', 'pipe'] });
  if (background) {
    try {
      setPriority(child.pid, constants.priority.PRIORITY_BELOW_NORMAL);
    } catch {
      // Not allowed here: it then simply competes as usual.
    }
  }
  let output = '';
  child.stdout?.on('data', (c) => (output += c));
  child.stderr?.on('data', (c) => (output += c));
  return new Promise((resolve) => {
    child.once('error', (error) => resolve({ name, code: 1, output: `${output}${error.message}\n` }));
    child.once('close', (code, signal) => resolve({ name, code: code ?? (signal ? 1 : 0), output, at: seconds() }));
  });
}

const bin = (tool) => new URL(`../node_modules/.bin/${tool}`, import.meta.url).pathname;

const build = await run('build', process.execPath, ['scripts/build.mjs'], { inherit: true });
if (build.code !== 0) {
  console.error(`npm test: the build failed (exit ${build.code}).`);
  process.exit(build.code);
}

const lintArgs = ['-c', 'oxlint.config.js', '--type-aware', '--type-check', '--deny-warnings'];
const checks = [
  run('lint and type-check', bin('oxlint'), lintArgs, { background: true }),
  run('format', bin('oxfmt'), ['--check'], { background: true }),
];
const vitest = await run('vitest', bin('vitest'), ['run', ...process.argv.slice(2)], { inherit: true });
const results = [vitest, ...(await Promise.all(checks))];
for (const r of results.slice(1)) {
  const status = r.code === 0 ? 'passed' : `FAILED (exit ${r.code})`;
  if (r.output.trim() !== '') process.stdout.write(`\n── ${r.name} ──\n${r.output}`);
  console.log(`${r.name}: ${status}, done at ${r.at}`);
}
const failed = results.filter((r) => r.code !== 0);
console.log(
  `npm test: ${failed.length === 0 ? 'all passed' : `${failed.map((r) => r.name).join(', ')} failed`} in ${seconds()}.`,
);
process.exit(failed.length === 0 ? 0 : 1);
