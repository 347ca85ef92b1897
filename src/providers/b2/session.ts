/**
 * The authorized connection to B2: the backblaze-b2 client, the current v4 authorization, and the
 * single request path every call takes (retry rules, serialised re-authorization, error mapping).
 *
 * Two ways to call B2, sharing all of that:
 * - `lib(...)`: through backblaze-b2 for the endpoints it has (its built-in axios-retry is switched
 *   off: it retries POSTs blindly and knows nothing of Retry-After or re-authorization);
 * - `api(...)`: a small HTTP helper for what 1.7.1 lacks or gets wrong — b2_copy_file,
 *   b2_copy_part, b2_list_unfinished_large_files and the v4 key calls (`bucketIds`) — and for
 *   b2_list_buckets, so that the bucket list needs no library loaded (`libClient`).
 * Every request of a session, both ways and downloads too, goes through the session's guarded
 * agents (network-guard.ts): bounded connects, bounded silence.
 *
 * backblaze-b2 (with axios and its helpers) is loaded by the first call that needs it, not with
 * this module or by `open()`: the first frame needs no B2, and the bucket list after it none of
 * the library (`libClient`).
 *
 * Library quirk: backblaze-b2 keeps its axios instance in a module-level variable that every
 * `new B2()` replaces, so all sessions in a process share the last one. All sessions build it with
 * the same settings (no retries, our User-Agent), so that is harmless.
 */
import type { B2Encryption } from './encryption.js';
import type B2 from 'backblaze-b2';
import type { KeyInfo } from '../../state/model/key-info.js';
import { isProviderError, type ProviderError } from '../errors.js';
import { applyToClient, authorizeV4, type AuthState } from './authorize.js';
import { toCallError } from './call-error.js';
import { toProviderError, type CallContext } from './error-map.js';
import { readJson, sendHttp } from './http-exchange.js';
import { GuardedAgents } from './network-guard.js';
import { withRetry, type RetryPolicy } from './retry.js';

/** Credentials and settings for a session. `applicationKey` is secret. */
export interface SessionConfig {
  endpoint: string;
  applicationKeyId: string;
  applicationKey: string;
  userAgent: string;
  policy: RetryPolicy;
  /** What writes and reads send about encryption (./encryption.ts); default: nothing. */
  encryption?: B2Encryption;
}

/** Extra axios config the library merges into each request (cancellation, the guarded agents). */
export interface LibExtras {
  axios: { signal?: AbortSignal } & GuardedAgents['axios'];
}

/** One authorized key: see the module comment. Holds the secret only for re-authorization. */
export class B2Session {
  private reauthInFlight: Promise<void> | null = null;
  /** The library's client once loaded ({@link libClient}); it follows every re-authorization. */
  private loadedClient: B2 | null = null;
  private clientLoad: Promise<B2> | null = null;

  private constructor(
    private readonly config: SessionConfig,
    readonly agents: GuardedAgents,
    private authState: AuthState,
    private key: KeyInfo,
  ) {}

  /**
   * Authorizes on v4 and returns a ready session (the library is loaded by the first call that
   * needs it: {@link libClient}).
   * @throws AuthError, UnreachableError, CancelledError (see authorize.ts)
   */
  static async open(config: SessionConfig, signal?: AbortSignal): Promise<B2Session> {
    const policy = config.policy;
    const agents = new GuardedAgents({
      connectMs: Math.min(policy.connectTimeoutMs, policy.idleTimeoutMs),
      idleMs: policy.idleTimeoutMs,
    });
    try {
      const { auth, keyInfo } = await authorizeV4(config.endpoint, config.applicationKeyId, config.applicationKey, {
        userAgent: config.userAgent,
        policy,
        agents,
        signal,
      });
      return new B2Session(config, agents, auth, keyInfo);
    } catch (e) {
      agents.destroy();
      throw e;
    }
  }

  /** True once a call has loaded backblaze-b2 for this session ({@link libClient}). */
  get libraryLoaded(): boolean {
    return this.loadedClient !== null;
  }

  /**
   * The backblaze-b2 client, loading the library (with axios and its helpers) at the first call:
   * evaluating it takes ≈ 17 ms of the thread (≈ 50 ms without a code cache), and signing in and
   * the bucket list a file manager opens on need none of it (they go through {@link api}). The
   * first bucket opened pays it, after its "Loading…" frame.
   */
  libClient(): Promise<B2> {
    this.clientLoad ??= import('backblaze-b2').then(({ default: B2Client }) => {
      const client = new B2Client({
        applicationKeyId: this.config.applicationKeyId,
        applicationKey: this.config.applicationKey,
        axios: { headers: { 'User-Agent': this.config.userAgent } },
        retry: { retries: 0 },
      });
      applyToClient(client, this.authState);
      this.loadedClient = client;
      return client;
    });
    return this.clientLoad;
  }

  /** Closes the session's pooled connections. */
  close(): void {
    this.agents.destroy();
  }

  /** The axios options of one library call: cancellation and the guarded agents. */
  extras(signal: AbortSignal | undefined): LibExtras {
    return { axios: { signal, ...this.agents.axios } };
  }

  get auth(): AuthState {
    return this.authState;
  }

  get keyInfo(): KeyInfo {
    return this.key;
  }

  get policy(): RetryPolicy {
    return this.config.policy;
  }

  /** The encryption settings every write and read of this session follows (./encryption.ts). */
  get encryption(): B2Encryption {
    return this.config.encryption ?? {};
  }

  get userAgent(): string {
    return this.config.userAgent;
  }

  /**
   * Gets a fresh account token after `staleToken` was refused. Serialised: parallel workers that
   * hit the same expiry share one b2_authorize_account, and a worker whose token was already
   * replaced just uses the new one (docs/b2-api.md §3.2: no stampede).
   * @throws AuthError / UnreachableError when the key no longer authorizes.
   */
  async reauthorize(staleToken: string): Promise<void> {
    if (this.reauthInFlight !== null) return this.reauthInFlight;
    if (staleToken !== this.authState.token) return;
    this.reauthInFlight = (async () => {
      try {
        const { auth, keyInfo } = await authorizeV4(
          this.config.endpoint,
          this.config.applicationKeyId,
          this.config.applicationKey,
          {
            userAgent: this.config.userAgent,
            policy: this.config.policy,
            agents: this.agents,
          },
        );
        this.authState = auth;
        this.key = keyInfo;
        if (this.loadedClient !== null) applyToClient(this.loadedClient, auth);
      } finally {
        this.reauthInFlight = null;
      }
    })();
    return this.reauthInFlight;
  }

  /** Maps anything thrown by a call to the typed provider error (re-throws non-B2 bugs). */
  fail(raw: unknown, ctx: CallContext): ProviderError {
    if (isProviderError(raw)) return raw;
    const e = toCallError(raw);
    if (e === null) throw raw;
    return toProviderError(e, ctx, this.key);
  }

  /**
   * Runs `attempt` (which reads `this.auth` afresh each time) under the retry rules and maps the
   * final failure. Used by `lib` and `api`, and by downloads.
   */
  async run<T>(ctx: CallContext, signal: AbortSignal | undefined, attempt: () => Promise<T>): Promise<T> {
    try {
      return await withRetry(attempt, {
        policy: this.config.policy,
        signal,
        reauthorize: (stale) => this.reauthorize(stale),
        currentToken: () => this.authState.token,
      });
    } catch (raw) {
      throw this.fail(raw, ctx);
    }
  }

  /**
   * One backblaze-b2 call with retries; resolves with the response body (`data`).
   * @throws the ProviderError mapped from the final failure (see error-map.ts).
   */
  lib<T>(
    ctx: CallContext,
    signal: AbortSignal | undefined,
    call: (client: B2, extras: LibExtras) => Promise<{ data: unknown }>,
  ): Promise<T> {
    return this.run(ctx, signal, async () => (await call(await this.libClient(), this.extras(signal))).data as T);
  }

  /**
   * One JSON call the library lacks: POST `{apiUrl}/b2api/v4/{name}` with the account token.
   * @throws the ProviderError mapped from the final failure.
   */
  api<T>(name: string, body: object, ctx: CallContext, signal?: AbortSignal): Promise<T> {
    return this.run(ctx, signal, async () => {
      const url = `${this.authState.apiUrl}/b2api/v4/${name}`;
      const res = await sendHttp({
        method: 'POST',
        url,
        headers: {
          Authorization: this.authState.token,
          'Content-Type': 'application/json',
          'User-Agent': this.config.userAgent,
        },
        body: JSON.stringify(body),
        agent: this.agents.for(new URL(url)),
        signal,
      });
      return (await readJson(res)) as T;
    });
  }
}
