/**
 * The demo server of `b2c --demo` as a module of its own, built as dist/demo-server.js: the file
 * manager loads it after its first frame (src/tui/providers/demo-server.ts), so neither the
 * server's code nor the seeding of the demo account comes before that frame, and it is not part of
 * the file manager's bundle.
 */
import { startEmulator } from '../index.js';
import type { DemoKey } from './demo-seed.js';

/** What a client of the demo server needs to sign in with each of its keys. */
export interface DemoServerInfo {
  endpoint: string;
  masterKeyId: string;
  masterKey: string;
  demoKeys: DemoKey[];
}

/** The running demo server. */
export interface DemoServer extends DemoServerInfo {
  /** Stops the server: its connections are closed. */
  close(): Promise<void>;
}

/**
 * Starts the demo server on a free port of 127.0.0.1 with a new demo account; resolves once it
 * listens with the account's buckets and keys (its files follow: calls on them wait for them).
 */
export async function startDemoServer(): Promise<DemoServer> {
  const emu = await startEmulator({ demo: true });
  return {
    endpoint: emu.endpoint,
    masterKeyId: emu.masterKeyId,
    masterKey: emu.masterKey,
    demoKeys: emu.demoKeys,
    close: () => emu.close(),
  };
}
