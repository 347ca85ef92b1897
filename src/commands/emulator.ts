/**
 * `b2c emulator [--port N] [--host 127.0.0.1] [--data DIR] [--demo] [--part-size N]
 * [--min-part-size N] [--latency MS] [--bandwidth BYTES_PER_SEC] [--verbose]`: runs the built-in B2-compatible server.
 *
 * stdout gets exactly one JSON line once the server listens:
 *   {"endpoint":"http://127.0.0.1:N","masterKeyId":"…","masterKey":"…"[,"keys":[DemoKey…]]}
 * Everything else goes to stderr, never a secret. SIGINT/SIGTERM/SIGHUP close the server cleanly
 * and the returned promise resolves 0. Usage errors return 2; a failure to start returns 1.
 */
import { parseArgs } from 'node:util';
import { startEmulator, type EmulatorOptions } from '../emulator/index.js';
import { redactUrlUserInfo } from '../config/redact.js';
import { sanitizeForTerminal } from '../state/sanitize.js';

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

/** `b2c emulator: LINE` on stderr; arguments and paths in it are escaped (sanitize.ts), URL passwords redacted. */
function say(line: string): void {
  process.stderr.write(`b2c emulator: ${sanitizeForTerminal(redactUrlUserInfo(line))}\n`);
}

function usageError(message: string): number {
  say(message);
  process.stderr.write(`\n${USAGE}\n`);
  return 2;
}

function parseInteger(name: string, value: string | undefined, min: number, max: number): number | undefined | Error {
  if (value === undefined) return undefined;
  if (!/^\d+$/.test(value)) return new Error(`--${name} must be a whole number, got "${value}"`);
  const n = Number(value);
  if (n < min || n > max) return new Error(`--${name} must be between ${min} and ${max}`);
  return n;
}

/** `, link: 40 ms latency, 50000000 B/s per connection` when a link is simulated, else ''. */
function linkNote(o: EmulatorOptions): string {
  const parts = [o.latencyMs ? `${o.latencyMs} ms latency` : '', o.bandwidth ? `${o.bandwidth} B/s per connection` : ''].filter((p) => p !== '');
  return parts.length === 0 ? '' : `, link: ${parts.join(', ')}`;
}

/** Runs the emulator until SIGINT, SIGTERM or SIGHUP (its terminal went away). Resolves with the exit code. */
export async function runEmulatorCommand(argv: string[]): Promise<number> {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      strict: true,
      allowPositionals: false,
      options: {
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
      },
    }));
  } catch (err) {
    return usageError(err instanceof Error ? err.message : String(err));
  }
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  const port = parseInteger('port', values.port, 0, 65_535);
  const partSize = parseInteger('part-size', values['part-size'], 1, 5_000_000_000);
  const minPart = parseInteger('min-part-size', values['min-part-size'], 1, 5_000_000_000);
  const latency = parseInteger('latency', values.latency, 0, 600_000);
  const bandwidth = parseInteger('bandwidth', values.bandwidth, 1, Number.MAX_SAFE_INTEGER);
  for (const v of [port, partSize, minPart, latency, bandwidth]) if (v instanceof Error) return usageError(v.message);
  if (values.data === '') return usageError('--data needs a directory');
  const log = say;
  const options: EmulatorOptions = {
    host: values.host ?? '127.0.0.1',
    port: port as number | undefined,
    dataDir: values.data,
    demo: values.demo ?? false,
    recommendedPartSize: partSize as number | undefined,
    absoluteMinimumPartSize: minPart as number | undefined,
    latencyMs: latency as number | undefined,
    bandwidth: bandwidth as number | undefined,
    // Per-request lines only on request: an undrained stderr pipe would otherwise stall the server.
    log: values.verbose ? log : undefined,
  };
  let emu;
  try {
    emu = await startEmulator(options);
  } catch (err) {
    log(`cannot start: ${err instanceof Error ? err.message : String(err)}`);
    return 1;
  }
  const running = emu;
  for (const notice of emu.notices) say(`warning: ${notice}`);
  return new Promise<number>((resolve) => {
    const stop = (signal: string): void => {
      process.off('SIGINT', onInt);
      process.off('SIGTERM', onTerm);
      process.off('SIGHUP', onHup);
      if (signal === 'SIGHUP') process.stderr.on('error', () => undefined); // the terminal is gone
      log(`${signal}: shutting down`);
      running.close().then(
        () => resolve(0),
        (err: unknown) => {
          log(`error while closing: ${err instanceof Error ? err.message : String(err)}`);
          resolve(1);
        },
      );
    };
    const onInt = (): void => stop('SIGINT');
    const onTerm = (): void => stop('SIGTERM');
    const onHup = (): void => stop('SIGHUP');
    // Handlers first, ready line second: a parent may signal the moment it reads the line.
    process.on('SIGINT', onInt);
    process.on('SIGTERM', onTerm);
    process.on('SIGHUP', onHup);
    const ready: Record<string, unknown> = { endpoint: emu.endpoint, masterKeyId: emu.masterKeyId, masterKey: emu.masterKey };
    if (values.demo) ready.keys = emu.demoKeys;
    process.stdout.write(`${JSON.stringify(ready)}\n`);
    log(`listening on ${emu.endpoint}${values.data ? ` (data in ${values.data})` : ' (in memory)'}${linkNote(options)}`);
  });
}
