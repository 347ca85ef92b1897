/**
 * Entry point: runs b2c's command line (src/commands/main.ts) in this process, with the
 * process's streams, environment and signals. Exit codes: src/commands/kit/exit-codes.ts.
 */
import { runB2c } from './commands/main.js';
import { processCliDeps } from './commands/kit/deps.js';
import { exitWhenDone } from './process-exit.js';
import { releaseLibrarySignalHooks } from './signal-hooks.js';

exitWhenDone(runB2c(process.argv.slice(2), { deps: processCliDeps, commandLoaded: releaseLibrarySignalHooks }));
