/**
 * Entry point: runs b2c's command line (src/commands/main.ts) in this process, with the
 * process's streams, environment and signals. Exit codes: src/commands/kit/exit-codes.ts.
 */
import { runB2c } from './commands/main.js';
import { processCliDeps } from './commands/kit/deps.js';
import { EXIT } from './commands/kit/exit-codes.js';
import { releaseLibrarySignalHooks } from './signal-hooks.js';
import { sanitizeForTerminal } from './state/text/sanitize.js';

runB2c(process.argv.slice(2), { deps: processCliDeps, commandLoaded: releaseLibrarySignalHooks }).then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    process.stderr.write(`b2c: ${sanitizeForTerminal(err instanceof Error ? err.message : String(err))}\n`);
    process.exitCode = EXIT.failed;
  },
);
