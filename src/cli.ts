/**
 * Entry point: argv → one of the TUI, the demo, the emulator, or a non-interactive subcommand.
 * Each subcommand lives in src/commands/ and receives the argv after its own name.
 * Exit codes follow the README: 0 success, 1 failure, 2 usage error.
 */
import { releaseLibrarySignalHooks } from './signal-hooks.js';
import { sanitizeForTerminal } from './state/text/sanitize.js';
import { VERSION } from './version.js';

type CommandRunner = (argv: string[]) => Promise<number>;

/**
 * Loads a command's chunk, then runs it. Commands load on demand: the bundle is split per command,
 * so `b2c ls` never parses the TUI (Ink, React, yoga) and `b2c` never parses the emulator. The
 * library signal hooks are released after the chunk has loaded, because that is when conf's
 * when-exit installs them (see signal-hooks.ts).
 */
function lazy<M>(load: () => Promise<M>, run: (module: M, argv: string[]) => Promise<number>): CommandRunner {
  return async (argv) => {
    const module = await load();
    releaseLibrarySignalHooks();
    return run(module, argv);
  };
}

const COMMANDS: Record<string, CommandRunner> = {
  emulator: lazy(() => import('./commands/emulator.js'), (m, argv) => m.runEmulatorCommand(argv)),
  keys: lazy(() => import('./commands/keys.js'), (m, argv) => m.runKeysCommand(argv)),
  ls: lazy(() => import('./commands/ls.js'), (m, argv) => m.runLsCommand(argv)),
  cp: lazy(() => import('./commands/cp.js'), (m, argv) => m.runCpCommand(argv)),
  rm: lazy(() => import('./commands/rm.js'), (m, argv) => m.runRmCommand(argv)),
};

const runTuiCommand = lazy(() => import('./ui/run-tui.js'), (m, argv) => m.runTuiCommand(argv));

const USAGE = `b2c ${VERSION} — a dual-pane terminal file manager for Backblaze B2

Usage:
  b2c                             open the file manager (default profile)
  b2c --profile NAME              open the file manager with profile NAME
  b2c --demo [--key NAME]         open it on a built-in demo B2 server (no account needed)
  b2c emulator [options]          run the built-in B2-compatible server
  b2c keys inspect|list|create|delete   what a key may do; manage application keys
  b2c ls URL [-l] [-r] [--versions]   list buckets and files (b2://BUCKET/PATH or local)
  b2c cp SRC... DST [-r]              copy in any direction (upload, download, server-side)
  b2c rm URL... [-r] [--dry-run]      remove (on B2: --hide, --version ID, --all-versions)
  b2c --version | --help

Run "b2c COMMAND --help" for a command's options.`;

async function main(argv: string[]): Promise<number> {
  const [first, ...rest] = argv;
  if (first === '--version' || first === '-V') {
    process.stdout.write(`${VERSION}\n`);
    return 0;
  }
  if (first === '--help' || first === '-h' || first === 'help') {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  // The file manager: `b2c`, `b2c --profile NAME`, `b2c --demo [--key NAME]`.
  if (first === undefined || first === '--demo' || first === '--profile' || first.startsWith('--profile=')) {
    return runTuiCommand(argv);
  }
  if (first !== undefined) {
    const run = COMMANDS[first];
    if (run) return run(rest);
    process.stderr.write(`b2c: unknown command "${sanitizeForTerminal(first)}"\n\n${USAGE}\n`);
    return 2;
  }
  return 2;
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    process.stderr.write(`b2c: ${sanitizeForTerminal(err instanceof Error ? err.message : String(err))}\n`);
    process.exitCode = 1;
  },
);
