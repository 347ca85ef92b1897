/**
 * The benchmarks' server process: exactly `b2c emulator` (same command module, same flags), bundled
 * on its own so a benchmark run does not depend on the rest of the CLI bundle (the TUI) building.
 * Runs in its own process so the server never shares the measured client's CPU or heap.
 */
import { runEmulatorCommand } from '../src/commands/emulator.js';

runEmulatorCommand(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    process.stderr.write(`bench emulator: ${err instanceof Error ? err.message : String(err)}\n`);
    process.exitCode = 1;
  },
);
