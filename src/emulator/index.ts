/**
 * The built-in B2-compatible server: every /b2api/v1..v4 endpoint on one node:http server, with
 * one token namespace, per-version response shapes, real-B2 enforcement of key restrictions,
 * streaming uploads/downloads, optional persistence and fault injection.
 *
 * Test-control HTTP endpoints (Basic auth with `masterKeyId:masterKey`), for servers that run in
 * another process:
 * - `POST /_emulator/faults` — body: JSON {@link FaultOptions}; replaces the fault settings and
 *   restarts the PRNG from `seed`. Answers `{"faults": {...}}`. `GET` reads them back.
 * - `POST /_emulator/expire-tokens` — every account and upload token becomes expired
 *   (next use: 401 expired_auth_token). Answers `{}`.
 * - `GET /_emulator/stats` — the 401 `unauthorized` answers so far ({@link RefusalStats}).
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { demoKeysOf, seedDemoAccount, seedDemoFiles, type DemoKey } from './demo/demo-seed.js';
import { fixtureWriter, type FixtureWriter } from './demo/fixtures.js';
import { SeedingGate } from './demo/seeding-gate.js';
import { FaultInjector, type FaultOptions } from './faults/faults.js';
import { simulateLink } from './http/link.js';
import { openStore } from './store/open-store.js';
import { RefusalCounter, type RefusalStats } from './auth/refusals.js';
import { handleRequest } from './http/router.js';
import type { EmulatorState } from './state.js';
import { TokenRegistry } from './auth/tokens.js';

export type { FaultOptions } from './faults/faults.js';
export type { DemoKey } from './demo/demo-seed.js';
export type { RefusalStats } from './auth/refusals.js';
export {
  DEMO_BUCKETS,
  DEMO_KEY_NAMES,
  DEMO_KEY_SCOPES,
  DEMO_LARGE_FILE,
  DEMO_PREFIX_KEY_PREFIX,
  DEMO_UNFINISHED_FILE,
} from './demo/demo-constants.js';
export { demoBytes, seedFiles } from './demo/demo-files.js';

// White-box access for the server's own tests (tests/emulator): they plant states no client can
// reach and check single parts. b2c itself uses only startEmulator and the demo exports above.
export { ALL_CAPABILITIES } from './auth/capabilities.js';
export { createBucketRecord } from './api/buckets.js';
export { FaultInjector } from './faults/faults.js';
export { newFileId } from './store/ids.js';
export { openStore } from './store/open-store.js';
export { RefusalCounter } from './auth/refusals.js';
export { handleRequest } from './http/router.js';
export type { EmulatorState } from './state.js';
export { TokenRegistry } from './auth/tokens.js';

/** Options of {@link startEmulator}. */
export interface EmulatorOptions {
  /** Interface to bind (default '127.0.0.1'). */
  host?: string;
  /** Port (default 0 = pick a free port). */
  port?: number;
  /** Persist buckets/files/keys/large files here across restarts (crash-safe). Default: in memory. */
  dataDir?: string;
  /** Seed the demo account (buckets, files, keys) when the store is empty. */
  demo?: boolean;
  /** Bytes; default 100_000_000. */
  recommendedPartSize?: number;
  /** Bytes; default 5_000_000. Every large-file part but the last must be at least this big. */
  absoluteMinimumPartSize?: number;
  /** Default: generated, or loaded from dataDir. */
  masterKeyId?: string;
  masterKey?: string;
  /** Initial fault injection (see {@link FaultOptions}). */
  faults?: FaultOptions;
  /** Account/upload token lifetime in ms (default 24 h). */
  tokenLifetimeMs?: number;
  /** Receives one line per request (method, path without query, status, ms). Never secrets. */
  log?: (line: string) => void;
  /** Simulated link (http/link.ts): milliseconds added to every request before its answer starts. */
  latencyMs?: number;
  /** Simulated link (http/link.ts): bytes per second per connection, in each direction. */
  bandwidth?: number;
}

/** A running server. */
export interface RunningEmulator {
  /** `http://127.0.0.1:PORT`: the realm/apiUrl/downloadUrl for clients. */
  endpoint: string;
  accountId: string;
  masterKeyId: string;
  masterKey: string;
  /** The demo keys (with secrets) when started with `demo`, else []. */
  demoKeys: DemoKey[];
  /** What was tightened to keep `dataDir` private (0700 folders, 0600 files), one sentence each. */
  notices: string[];
  /** Replaces the fault settings (restarts the PRNG from `seed`). */
  setFaults(f: FaultOptions): void;
  /** Expires every account and upload token issued so far. */
  expireAllTokens(): void;
  /**
   * How many signed-in calls got 401 `unauthorized` (the key lacked a capability, bucket or
   * prefix), in all, per key ID and per endpoint; and how many sign-ins were rejected.
   */
  stats(): RefusalStats;
  /**
   * File bytes the server has sent in download bodies (by name and by ID, whole files and ranges)
   * since it started: what a client really fetched, for tests that bound it.
   */
  downloadedBytes(): number;
  /**
   * Files, buckets and keys made and removed straight in the store, for tests that make
   * thousands of fixtures (`demo/fixtures.ts`). Not reachable over HTTP.
   */
  fixtures: FixtureWriter;
  /** Stops listening, drops open connections and flushes persistence. */
  close(): Promise<void>;
}

/**
 * Starts the server and resolves once it listens.
 * @throws when the port is taken or dataDir is unreadable/corrupt.
 */
export async function startEmulator(options: EmulatorOptions = {}): Promise<RunningEmulator> {
  const host = options.host ?? '127.0.0.1';
  const opened = await openStore(options);
  const state: EmulatorState = {
    store: opened.store,
    tokens: new TokenRegistry(options.tokenLifetimeMs ?? 24 * 3_600_000),
    faults: new FaultInjector(options.faults),
    refusals: new RefusalCounter(),
    settings: {
      recommendedPartSize: options.recommendedPartSize ?? 100_000_000,
      absoluteMinimumPartSize: options.absoluteMinimumPartSize ?? 5_000_000,
      tokenLifetimeMs: options.tokenLifetimeMs ?? 24 * 3_600_000,
    },
    endpoint: '',
    log: options.log ?? (() => undefined),
    sent: { downloadBytes: 0 },
    seeding: null,
  };
  const isEmpty = state.store.buckets.size === 0 && state.store.keys.size === 0;
  if (options.demo && isEmpty) {
    // Buckets and keys first; the files once the server listens and has answered the first bucket
    // list (demo/seeding-gate.ts; router.ts holds back every call but sign-in and the bucket list
    // until they are in): `b2c --demo` shows its buckets without waiting for the demo's 7 MB of
    // files to be made and hashed.
    const account = await seedDemoAccount(state);
    state.seeding = new SeedingGate(() =>
      seedDemoFiles(state, account).then(
        () => {
          state.seeding = null;
        },
        (error: unknown) => {
          state.log(`seeding the demo files failed: ${error instanceof Error ? error.message : String(error)}`);
          state.seeding = null;
        },
      ),
    );
  }

  // Generous keep-alive so pooled client connections aren't closed under them (ECONNRESET
  // races); no request timeout, since a 1 GiB upload may take a while.
  const server = createServer({ keepAliveTimeout: 65_000, requestTimeout: 0, headersTimeout: 60_000 }, (req, res) => {
    void handleRequest(state, req, res);
  });
  simulateLink(server, { latencyMs: options.latencyMs, bytesPerSecond: options.bandwidth });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  state.endpoint = `http://${host.includes(':') ? `[${host}]` : host}:${port}`;
  let closed: Promise<void> | undefined;
  return {
    endpoint: state.endpoint,
    accountId: state.store.meta.accountId,
    masterKeyId: state.store.meta.masterKeyId,
    masterKey: state.store.meta.masterKey,
    demoKeys: options.demo ? demoKeysOf(state) : [],
    notices: opened.notices,
    setFaults: (f) => state.faults.set(f),
    expireAllTokens: () => state.tokens.expireAll(),
    stats: () => state.refusals.get(),
    downloadedBytes: () => state.sent.downloadBytes,
    fixtures: fixtureWriter(state),
    close: () => {
      closed ??= (async () => {
        // A store on disk gets its demo files first: it is seeded only while empty. One in memory
        // goes with the server (`b2c --demo` quit at once need not make 7 MB of files first).
        await (opened.journal ? state.seeding?.done() : state.seeding?.drop());
        await new Promise<void>((resolve) => {
          server.close(() => resolve());
          server.closeAllConnections();
        });
        await opened.journal?.close();
      })();
      return closed;
    },
  };
}
