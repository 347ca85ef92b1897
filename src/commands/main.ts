/**
 * b2c's command line: argv → the file manager, or one of the subcommands.
 *
 * Adding a subcommand `b2c NAME`:
 * 1. `src/commands/NAME.ts`: its help text, its options (spread COMMON_OPTIONS for --profile,
 *    --json and --help), a `CliCommand` whose `run` parses nothing itself, signs in with
 *    `signInCommand` when it needs B2, prints with `out` and fails by throwing (`usageError`,
 *    `CommandFailure`, or the typed errors of the layers below: failure.ts maps them to exit
 *    codes), and `runNameCommand(argv, deps = processCliDeps())` that runs it with `runCommand`;
 * 2. one line in {@link SUBCOMMANDS} and one in {@link USAGE} below;
 * 3. its section in README.md ("Commands"); the exit codes are the table there;
 * 4. `tests/commands/NAME.test.ts`, running it in-process with tests/support/cli.ts.
 */
import { sanitizeForTerminal } from '../state/text/sanitize.js';
import { VERSION } from '../version.js';
import type { CliDeps } from './kit/deps.js';
import { EXIT } from './kit/exit-codes.js';
import { opensFileManager } from './opens-file-manager.js';

/** How a subcommand is run: its argv (after its name) and the outside world. */
type SubcommandRunner = (argv: string[], deps: CliDeps) => Promise<number>;

/**
 * Each subcommand's module, loaded on demand: the bundle is split per command (scripts/build.mjs),
 * so `b2c ls` never parses the TUI (Ink, React, yoga) and `b2c` never parses the emulator.
 */
const SUBCOMMANDS: Record<string, () => Promise<SubcommandRunner>> = {
  emulator: async () => (await import('./emulator.js')).runEmulatorCommand,
  keys: async () => (await import('./keys.js')).runKeysCommand,
  ls: async () => (await import('./ls.js')).runLsCommand,
  cp: async () => (await import('./cp.js')).runCpCommand,
  rm: async () => (await import('./rm.js')).runRmCommand,
  sync: async () => (await import('./sync.js')).runSyncCommand,
  find: async () => (await import('./find.js')).runFindCommand,
};

export const USAGE = `b2c ${VERSION} — a dual-pane terminal file manager for Backblaze B2

Usage:
  b2c                             open the file manager (default profile)
  b2c --profile NAME              open the file manager with profile NAME
  b2c --demo [--key NAME]         open it on a built-in demo B2 server (no account needed)
  b2c emulator [options]          run the built-in B2-compatible server
  b2c keys inspect|list|create|delete   what a key may do; manage application keys
  b2c ls URL [-l] [-r] [--versions]   list buckets and files (b2://BUCKET/PATH or local)
  b2c cp SRC... DST [-r]              copy in any direction (upload, download, server-side)
  b2c rm URL... [-r] [--dry-run]      remove (on B2: --hide, --version ID, --all-versions)
  b2c sync SRC DST [--delete|--hide]  make DST like SRC (--dry-run, --compare, --exclude)
  b2c find URL [--name GLOB] [--min-size N] [--newer DATE]   find files at any depth
  b2c --version | --help

Run "b2c COMMAND --help" for a command's options.`;

/** Where {@link runB2c} runs: the outside world, and what to do once a command's module loaded. */
export interface CliHost {
  deps(): CliDeps;
  /**
   * Called after a command's module has loaded, before it runs. Production releases the signal
   * hooks libraries installed while loading (src/signal-hooks.ts).
   */
  commandLoaded?(): void;
}

/** Runs b2c with `argv` (the arguments after `b2c`). Resolves with the exit code (kit/exit-codes.ts). */
export async function runB2c(argv: string[], host: CliHost): Promise<number> {
  const [first, ...rest] = argv;
  if (first === '--version' || first === '-V') {
    host.deps().streams.stdout.write(`${VERSION}\n`);
    return EXIT.ok;
  }
  if (first === '--help' || first === '-h' || first === 'help') {
    host.deps().streams.stdout.write(`${USAGE}\n`);
    return EXIT.ok;
  }
  // The file manager: `b2c`, `b2c --profile NAME`, `b2c --demo [--key NAME]`.
  if (first === undefined || opensFileManager(argv)) {
    const { runTuiCommand } = await import('../ui/run-tui.js');
    host.commandLoaded?.();
    return runTuiCommand(argv);
  }
  const load = Object.hasOwn(SUBCOMMANDS, first) ? SUBCOMMANDS[first] : undefined;
  if (load === undefined) {
    // Short, like git: the whole usage is taller than a 24-row terminal and would push the
    // one line that matters off the screen.
    host
      .deps()
      .streams.stderr.write(
        `b2c: unknown command "${sanitizeForTerminal(first)}". Commands: ${Object.keys(SUBCOMMANDS).join(', ')}; "b2c --help" shows how to use them.\n`,
      );
    return EXIT.usage;
  }
  const run = await load();
  host.commandLoaded?.();
  return run(rest, host.deps());
}
