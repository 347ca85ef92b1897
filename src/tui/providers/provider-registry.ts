/**
 * The providers the TUI can show: the local disk and one B2 provider per account profile,
 * connected lazily (the first listing of a profile authorizes it) and cached. Plain TypeScript
 * outside React; the connection states are a small store (the registry itself) that the UI reads
 * with `useStore` (the function-key bar needs each pane's KeyInfo to grey out what the key forbids).
 *
 * Provider references follow the transfer engine's `ProviderRef`: `local`, or `b2:PROFILE`.
 */
import { isProviderError } from '../../providers/errors.js';
import type { B2Encryption } from '../../providers/b2/encryption.js';
import type { Provider } from '../../providers/types.js';
import type { KeyInfo } from '../../state/model/key-info.js';
import type { PaneLocation } from '../../state/location/pane-location.js';
import { errorText } from '../../error-text.js';
import { createStore, type ReadableStore } from '../../transfers/store.js';

/** An account profile the panes can open. */
export interface ProfileSpec {
  /** The name pane locations carry (`B2PaneLocation.profile`). */
  name: string;
  /** What the location picker shows. */
  label: string;
  /** Where the key comes from (the key inspector says so). */
  source: 'profile' | 'env';
  /** The API base URL, or null for the real B2 (known once connected, for the demo server). */
  endpoint(): string | null;
  /**
   * Authorizes and returns the provider, with `options` (an SSE-C key for reading). @throws
   * AuthError, UnreachableError, …
   */
  connect(options?: ConnectOptions): Promise<Provider>;
  /**
   * What is known of the key without signing in (never the secret), for the key inspector of a
   * key B2 refuses: its ID, and its expiry when the source knows it (null: never; absent: unknown).
   */
  knownKey?(): { applicationKeyId: string; expiresAt?: number | null } | null;
}

/** What every profile connects with. */
export interface ConnectOptions {
  /**
   * An SSE-C customer key: files encrypted with it are read with it (downloads, views, copy
   * sources) and new files are written SSE-C with it, as `b2c cp` does with the same key. Never
   * shown or logged.
   */
  encryption?: B2Encryption;
  /** Stops a sign-in under way: the registry's own, aborted when it closes (the user quit). */
  signal?: AbortSignal;
}

export type ConnectionState =
  | { state: 'connecting' }
  | { state: 'ready'; keyInfo: KeyInfo | null }
  /** `message` for the status line; `reason` the error's own words (the key inspector's "why"). */
  | { state: 'failed'; message: string; reason: string };

/** Connection state per profile name (absent: not asked for yet). Replaced, never mutated. */
export type RegistrySnapshot = Readonly<Record<string, ConnectionState>>;

/** The provider reference of the local disk. */
export const LOCAL_REF = 'local';

/** The provider reference of a profile. */
export function profileRef(profile: string): string {
  return `b2:${profile}`;
}

export class ProviderRegistry implements ReadableStore<RegistrySnapshot> {
  private readonly specs = new Map<string, ProfileSpec>();
  private readonly pending = new Map<string, Promise<Provider>>();
  private readonly ready = new Map<string, Provider>();
  private readonly connections = createStore<RegistrySnapshot>({});
  /** Old name → new name of renamed profiles: work queued under the old reference still finds its provider. */
  private readonly renamed = new Map<string, string>();
  /** Aborted by {@link close}: a sign-in still under way then ends at once, with no retry after the quit. */
  private readonly closing = new AbortController();

  constructor(
    private readonly local: Provider,
    profiles: readonly ProfileSpec[] = [],
    private readonly connectOptions: ConnectOptions = {},
  ) {
    for (const p of profiles) this.specs.set(p.name, p);
  }

  /** Whether the profiles read SSE-C files (an SSE-C key was given at start: B2C_SSE_C_KEY). */
  get readsSseC(): boolean {
    return this.connectOptions.encryption?.customerKey !== undefined;
  }

  /** Profiles in the order they were added. */
  profiles(): ProfileSpec[] {
    return [...this.specs.values()];
  }

  /** Adds (or replaces, dropping its connection) a profile. */
  addProfile(spec: ProfileSpec): void {
    this.specs.set(spec.name, spec);
    this.pending.delete(spec.name);
    this.ready.delete(spec.name);
    this.publish(spec.name, null);
  }

  /**
   * Profile `from` was renamed to `spec.name` (in the config): the spec, its connection and its
   * state move to the new name, in the same place of the order, and references to the old name
   * (transfers already queued) lead to the new one. A sign-in still under way is dropped: the
   * next use connects again.
   */
  renameProfile(from: string, spec: ProfileSpec): void {
    const to = spec.name;
    if (from === to || !this.specs.has(from)) return;
    const order = [...this.specs.entries()].map(([name, p]): [string, ProfileSpec] =>
      name === from ? [to, spec] : [name, p],
    );
    this.specs.clear();
    for (const [name, p] of order) this.specs.set(name, p);
    const provider = this.ready.get(from);
    this.ready.delete(from);
    this.pending.delete(from);
    if (provider !== undefined) this.ready.set(to, provider);
    for (const [old, now] of this.renamed) if (now === from) this.renamed.set(old, to);
    this.renamed.set(from, to);
    const next = { ...this.getSnapshot() };
    const state = next[from];
    delete next[from];
    if (state !== undefined && provider !== undefined) next[to] = state;
    this.connections.set(next);
  }

  /** The profile name a reference (`b2:NAME`, or a bare name) stands for now. */
  private profileOfRef(ref: string): string {
    const name = ref.startsWith('b2:') ? ref.slice(3) : ref;
    return this.renamed.get(name) ?? name;
  }

  readonly subscribe = (listener: () => void): (() => void) => this.connections.subscribe(listener);

  readonly getSnapshot = (): RegistrySnapshot => this.connections.getSnapshot();

  /** The reference of the provider that shows `loc`. */
  refFor(loc: PaneLocation): string {
    return loc.kind === 'local' ? LOCAL_REF : profileRef(loc.profile);
  }

  /** The key of `loc`'s profile once connected, else null (local: null). */
  keyInfoFor(loc: PaneLocation): KeyInfo | null {
    if (loc.kind === 'local') return null;
    const c = this.getSnapshot()[loc.profile];
    return c?.state === 'ready' ? c.keyInfo : null;
  }

  /** Why `profile` could not connect (its last attempt failed, in the error's own words), or null. */
  failure(profile: string): string | null {
    const c = this.getSnapshot()[profile];
    return c?.state === 'failed' ? c.reason : null;
  }

  /** The type of the bucket `loc` is in, when its connected provider has learnt it (else undefined). */
  bucketTypeOf(loc: PaneLocation): string | undefined {
    if (loc.kind !== 'b2' || loc.bucket === null) return undefined;
    return this.ready.get(loc.profile)?.knownBucketType?.(loc.bucket);
  }

  /** The type of bucket `bucket` as provider reference `ref` knows it (`local`: undefined). */
  bucketTypeOfRef(ref: string, bucket: string): string | undefined {
    return ref.startsWith('b2:') ? this.ready.get(this.profileOfRef(ref))?.knownBucketType?.(bucket) : undefined;
  }

  /** The connected provider of `profile`, or null while it is not connected. */
  connected(profile: string): Provider | null {
    return this.ready.get(profile) ?? null;
  }

  /** The key of a provider reference once connected, else null (`local`: null). */
  keyInfoForRef(ref: string): KeyInfo | null {
    if (!ref.startsWith('b2:')) return null;
    const c = this.getSnapshot()[this.profileOfRef(ref)];
    return c?.state === 'ready' ? c.keyInfo : null;
  }

  /** The provider for `loc`, connecting its profile first if needed. */
  providerFor(loc: PaneLocation): Promise<Provider> {
    return this.provider(this.refFor(loc));
  }

  /**
   * The provider for a reference. A failed connection is forgotten, so the next call tries again.
   * @throws Error for an unknown reference; the profile's connection errors (AuthError, …)
   */
  provider(ref: string): Promise<Provider> {
    if (ref === LOCAL_REF) return Promise.resolve(this.local);
    const name = this.profileOfRef(ref);
    const done = this.ready.get(name);
    if (done) return Promise.resolve(done);
    const spec = this.specs.get(name);
    if (!spec) return Promise.reject(new Error(`There is no account profile named "${name}".`));
    let p = this.pending.get(name);
    if (!p) {
      this.publish(name, { state: 'connecting' });
      p = spec.connect({ ...this.connectOptions, signal: this.closing.signal }).then(
        (provider) => {
          if (this.specs.get(name) === spec) {
            this.ready.set(name, provider);
            this.publish(name, { state: 'ready', keyInfo: provider.keyInfo ?? null });
          }
          return provider;
        },
        (e: unknown) => {
          if (this.specs.get(name) === spec) {
            this.pending.delete(name);
            this.publish(name, {
              state: 'failed',
              message: errorText(e),
              reason: isProviderError(e) ? e.message : errorText(e),
            });
          }
          throw e;
        },
      );
      this.pending.set(name, p);
    }
    return p;
  }

  /**
   * Stops every sign-in under way and closes every connected provider (idempotent; errors are
   * ignored: we are quitting).
   */
  async close(): Promise<void> {
    this.closing.abort();
    const all = [this.local, ...this.ready.values()];
    this.ready.clear();
    await Promise.allSettled(all.map((p) => (p.close ? p.close() : Promise.resolve())));
  }

  private publish(name: string, state: ConnectionState | null): void {
    const next = { ...this.getSnapshot() };
    if (state === null) delete next[name];
    else next[name] = state;
    this.connections.set(next);
  }
}
