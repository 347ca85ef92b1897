/**
 * How b2c's entries end: the exit code a command resolved with becomes the process's, and an
 * error nothing caught becomes one escaped line and exit 1. Shared by src/cli.ts and the file
 * manager's one-script entry (src/start/file-manager.ts), so both end alike.
 */
import { EXIT } from './commands/kit/exit-codes.js';
import { sanitizeForTerminal } from './state/text/sanitize.js';

/** Sets `process.exitCode` from `run`'s outcome (the process then ends when its work does). */
export function exitWhenDone(run: Promise<number>): void {
  run.then(
    (code) => {
      process.exitCode = code;
    },
    (err: unknown) => {
      process.stderr.write(`b2c: ${sanitizeForTerminal(err instanceof Error ? err.message : String(err))}\n`);
      process.exitCode = EXIT.failed;
    },
  );
}
