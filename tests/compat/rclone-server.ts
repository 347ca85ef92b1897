/**
 * The B2-compatible server the rclone compatibility suite talks to: the built-in server in this
 * process (tests/support/server.ts) on 127.0.0.1, with its request log — how the tests prove
 * which B2 calls rclone made (e.g. b2_copy_file). rclone runs as its own process and reaches it
 * over real HTTP. (`b2c emulator` as a process: tests/emulator/cli.test.ts.)
 */
import type { FaultOptions } from '../../src/emulator/index.js';
import { startTestServer } from '../support/server.js';

/** A running server for rclone. */
export interface CompatServer {
  endpoint: string;
  masterKeyId: string;
  masterKey: string;
  /** Request-log lines (`METHOD /path STATUS Nms`) so far. */
  log: string[];
  /**
   * Resolves once every request answered before this call is in `log`: sends a marker request
   * and waits for its log line (the server logs requests in the order they finish).
   * Returns the lines logged since `from` (an index into `log`), marker excluded.
   */
  logSince(from: number): Promise<string[]>;
  /** Replaces the fault settings; `{}` clears every fault. */
  setFaults(faults: FaultOptions): void;
  stop(): Promise<void>;
}

/** Basic auth header value for a key. */
export function basicAuth(keyId: string, key: string): string {
  return `Basic ${Buffer.from(`${keyId}:${key}`).toString('base64')}`;
}

const MARKER = 'GET /_emulator/faults ';

/** Starts the server; `partSize` sets both part sizes (default: B2's). */
export async function startCompatServer(options: { partSize?: number } = {}): Promise<CompatServer> {
  const waiters: (() => void)[] = [];
  const server = await startTestServer({
    partSize: options.partSize,
    onLog: () => waiters.splice(0).forEach((w) => w()),
  });
  const { emu, log } = server;
  return {
    endpoint: emu.endpoint,
    masterKeyId: emu.masterKeyId,
    masterKey: emu.masterKey,
    log,
    async logSince(from) {
      const markers = (): number => log.filter((l) => l.startsWith(MARKER)).length;
      const want = markers() + 1;
      const res = await fetch(`${emu.endpoint}/_emulator/faults`, {
        headers: { Authorization: basicAuth(emu.masterKeyId, emu.masterKey) },
      });
      await res.arrayBuffer();
      if (res.status !== 200) throw new Error(`GET /_emulator/faults → ${res.status}`);
      while (markers() < want) await new Promise<void>((resolve) => waiters.push(resolve));
      return log.slice(from).filter((l) => !l.startsWith(MARKER));
    },
    setFaults: (faults) => emu.setFaults(faults),
    stop: () => server.close(),
  };
}
