/**
 * The entry of the one-script program (dist/cli.script.js, built by scripts/build.mjs, started by
 * src/start/code-cache.ts): what src/cli.ts does for the command lines that open the file manager
 * (`opensFileManager`, the only ones started from that script), without the subcommands. The
 * emulator, `ls`, `cp` and the rest are not in the script, so the file manager's start neither
 * reads nor keeps their code (bench/README.md, "Start-up").
 */
import { exitWhenDone } from '../process-exit.js';
import { releaseLibrarySignalHooks } from '../signal-hooks.js';
import { runTuiCommand } from '../ui/run-tui.js';

// As runB2c does once a command's module has loaded: here every module has loaded by now.
releaseLibrarySignalHooks();
exitWhenDone(runTuiCommand(process.argv.slice(2)));
