/**
 * The running emulator's shared state and the per-call context handed to API handlers.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { FaultInjector } from './faults/faults.js';
import type { ApiVersion } from './store/model.js';
import type { Params } from './http/params.js';
import type { Principal } from './auth/principal.js';
import type { RefusalCounter } from './auth/refusals.js';
import type { ShapeContext } from './api/shapes.js';
import type { Store } from './store/store.js';
import type { SeedingGate } from './demo/seeding-gate.js';
import type { AccountToken, TokenRegistry } from './auth/tokens.js';

/** Settings after defaults are applied. */
export interface ResolvedSettings {
  recommendedPartSize: number;
  absoluteMinimumPartSize: number;
  tokenLifetimeMs: number;
}

/** Everything handlers share. */
export interface EmulatorState {
  store: Store;
  tokens: TokenRegistry;
  faults: FaultInjector;
  /** 401 `unauthorized` answers so far (GET /_emulator/stats). */
  refusals: RefusalCounter;
  settings: ResolvedSettings;
  /** `http://host:port`, used as apiUrl, downloadUrl and upload URL base. */
  endpoint: string;
  log: (line: string) => void;
  /** File bytes sent in download bodies so far (by name and by ID, ranges included). */
  sent: { downloadBytes: number };
  /**
   * The demo account's files while they are still to be stored (demo/seeding-gate.ts); null
   * otherwise. Calls other than sign-in and the bucket list wait for them (http/router.ts), so no
   * one sees the account half seeded.
   */
  seeding: SeedingGate | null;
}

/** One authenticated JSON API call. */
export interface ApiContext {
  state: EmulatorState;
  version: ApiVersion;
  params: Params;
  principal: Principal;
  token: AccountToken;
  shape: ShapeContext;
  req: IncomingMessage;
  res: ServerResponse;
  /** Value of the X-Bz-Test-Mode header, if any. */
  testMode: string | undefined;
}

/** A JSON API handler: returns the 200 response body or throws a B2Error. */
export type ApiHandler = (ctx: ApiContext) => unknown;
