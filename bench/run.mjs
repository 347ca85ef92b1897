// `npm run bench` (after `npm run build`): bundles the TypeScript benchmarks with esbuild into a
// temp dir and runs bench/main.ts there. Every argument is passed on (--quick, --only, …; see
// bench/README.md). Why a bundle: the benchmark child processes import src/ directly (the B2
// provider, the emulator command), and Node 20 cannot run TypeScript on its own.
import { build } from 'esbuild';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import process from 'node:process';
import { fileURLToPath } from 'node:url';

const root = dirname(dirname(fileURLToPath(import.meta.url)));
const out = mkdtempSync(join(tmpdir(), 'b2c-bench-bundle-'));

await build({
  entryPoints: {
    main: join(root, 'bench/main.ts'),
    'provider-child': join(root, 'bench/provider-child.ts'),
    'emulator-entry': join(root, 'bench/emulator-entry.ts'),
  },
  outdir: out,
  outExtension: { '.js': '.mjs' },
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  logLevel: 'warning',
  // backblaze-b2 (→ axios) is CommonJS and calls require(); give the ESM bundle one.
  banner: {
    js: "import { createRequire as __benchRequire } from 'node:module'; const require = __benchRequire(import.meta.url);",
  },
});

const child = spawn(process.execPath, [join(out, 'main.mjs'), ...process.argv.slice(2)], {
  stdio: 'inherit',
  env: { ...process.env, B2C_REPO_ROOT: root },
});
const forward = (signal) => child.kill(signal);
process.on('SIGINT', forward);
process.on('SIGTERM', forward);
child.on('close', (code, signal) => {
  rmSync(out, { recursive: true, force: true });
  process.exitCode = code ?? (signal ? 1 : 0);
});
