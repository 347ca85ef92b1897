/**
 * `b2c emulator [--port N] [--host 127.0.0.1] [--data DIR] [--demo] [--part-size N]
 * [--min-part-size N] [--latency MS] [--bandwidth BYTES_PER_SEC] [--verbose]`: runs the built-in B2-compatible server.
 *
 * stdout gets exactly one JSON line once the server listens:
 *   {"endpoint":"http://127.0.0.1:N","masterKeyId":"…","masterKey":"…"[,"keys":[DemoKey…]]}
 * Everything else goes to stderr, never a secret. SIGINT/SIGTERM/SIGHUP close the server cleanly
 * and the returned promise resolves 0. Usage errors return 64; a failure to start returns 1
 * (kit/exit-codes.ts).
 */
import { startEmulator, type EmulatorOptions } from '../emulator/index.js';
import {
  CommandFailure,
  EXIT,
  processCliDeps,
  runCommand,
  usageError,
  type CliCommand,
  type CliDeps,
} from './kit/index.js';

const USAGE = `Usage: b2c emulator [options]

Runs a B2-compatible server (native API v1–v4) for tests and demos.

Options:
  --port N            port to listen on (default 0 = any free port)
  --host ADDR         interface to bind (default 127.0.0.1)
  --data DIR          keep buckets, files and keys in DIR across restarts (default: in memory)
  --demo              seed a demo account (buckets, files, keys) into an empty store
  --part-size N       recommendedPartSize in bytes (default 100000000)
  --min-part-size N   absoluteMinimumPartSize in bytes (default 5000000)
  --latency MS        simulate a distant server: every request waits MS milliseconds
                      before its answer starts (default 0)
  --bandwidth N       simulate a limited link: at most N bytes per second per connection,
                      in each direction (default: unlimited)
  --verbose           log every request to stderr
  -h, --help          show this help

Prints one JSON line on stdout when ready: endpoint, masterKeyId, masterKey (and demo keys).`;

/** A whole number option in [min, max], or undefined when absent. @throws CommandFailure `usage` */
function integerOption(name: string, value: string | undefined, min: number, max: number): number | undefined {
  if (value === undefined) return undefined;
  if (!/^\d+$/.test(value)) throw usageError(`--${name} must be a whole number, got "${value}"`, USAGE);
  const n = Number(value);
  if (n < min || n > max) throw usageError(`--${name} must be between ${min} and ${max}`, USAGE);
  return n;
}

/** `, link: 40 ms latency, 50000000 B/s per connection` when a link is simulated, else ''. */
function linkNote(o: EmulatorOptions): string {
  const parts = [
    o.latencyMs ? `${o.latencyMs} ms latency` : '',
    o.bandwidth ? `${o.bandwidth} B/s per connection` : '',
  ].filter((p) => p !== '');
  return parts.length === 0 ? '' : `, link: ${parts.join(', ')}`;
}

const OPTIONS = {
  port: { type: 'string' },
  host: { type: 'string' },
  data: { type: 'string' },
  demo: { type: 'boolean' },
  'part-size': { type: 'string' },
  'min-part-size': { type: 'string' },
  latency: { type: 'string' },
  bandwidth: { type: 'string' },
  verbose: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const;

/** `b2c emulator`: runs until SIGINT, SIGTERM or SIGHUP (its terminal went away). */
export const EMULATOR_COMMAND: CliCommand<typeof OPTIONS> = {
  name: 'emulator',
  usage: USAGE,
  options: OPTIONS,
  async run({ values, positionals }, { deps, out }) {
    if (positionals.length > 0)
      throw usageError(
        `Unexpected argument '${positionals[0] ?? ''}'. This command does not take positional arguments`,
        USAGE,
      );
    const port = integerOption('port', values.port, 0, 65_535);
    const partSize = integerOption('part-size', values['part-size'], 1, 5_000_000_000);
    const minPart = integerOption('min-part-size', values['min-part-size'], 1, 5_000_000_000);
    const latencyMs = integerOption('latency', values.latency, 0, 600_000);
    const bandwidth = integerOption('bandwidth', values.bandwidth, 1, Number.MAX_SAFE_INTEGER);
    if (values.data === '') throw usageError('--data needs a directory', USAGE);
    const log = (line: string): void => out.note(line);
    const options: EmulatorOptions = {
      host: values.host ?? '127.0.0.1',
      port,
      dataDir: values.data,
      demo: values.demo ?? false,
      recommendedPartSize: partSize,
      absoluteMinimumPartSize: minPart,
      latencyMs,
      bandwidth,
      // Per-request lines only on request: an undrained stderr pipe would otherwise stall the server.
      log: values.verbose ? log : undefined,
    };
    let emu;
    try {
      emu = await startEmulator(options);
    } catch (err) {
      throw new CommandFailure('failed', `cannot start: ${err instanceof Error ? err.message : String(err)}`, {
        cause: err,
      });
    }
    const running = emu;
    for (const notice of emu.notices) out.warn(notice);
    return new Promise<number>((resolve) => {
      // Handlers first, ready line second: a parent may signal the moment it reads the line.
      const stopListening = deps.onInterrupt((signal) => {
        stopListening();
        log(`${signal}: shutting down`);
        running.close().then(
          () => resolve(EXIT.ok),
          (err: unknown) => {
            log(`error while closing: ${err instanceof Error ? err.message : String(err)}`);
            resolve(EXIT.failed);
          },
        );
      });
      const ready: Record<string, unknown> = {
        endpoint: running.endpoint,
        masterKeyId: running.masterKeyId,
        masterKey: running.masterKey,
      };
      if (values.demo) ready.keys = running.demoKeys;
      deps.streams.stdout.write(`${JSON.stringify(ready)}\n`);
      log(
        `listening on ${running.endpoint}${values.data ? ` (data in ${values.data})` : ' (in memory)'}${linkNote(options)}`,
      );
    });
  },
};

/** Runs the emulator with `argv` after "emulator". Resolves with the exit code. */
export function runEmulatorCommand(argv: string[], deps: CliDeps = processCliDeps()): Promise<number> {
  return runCommand(EMULATOR_COMMAND, argv, deps);
}
