/**
 * Buckets: the root listing and bucket-name → bucket-ID resolution.
 *
 * A restricted key (allowed.buckets set) never calls b2_list_buckets without a filter: B2 answers
 * 401 for that (docs/b2-api.md §1.5, §2.2). Its buckets come from allowed.buckets, and when it has
 * listBuckets each is looked up with `bucketId` to learn its type (as rclone does).
 *
 * Resolving a name, in order: the cache; the key's allowed buckets; `knownBuckets` from the caller
 * (a profile may remember IDs); b2_list_buckets filtered by `bucketName` (needs listBuckets).
 * A key that is neither restricted to the bucket nor allowed listBuckets has no API to turn a name
 * into an ID, so that fails with PermissionDeniedError naming listBuckets — except for reads by
 * name, which need no ID (download-by-name) and keep working.
 */
import { NotFoundError, PermissionDeniedError } from '../errors.js';
import type { BucketSettings, Entry } from '../types.js';
import { bucketSettings } from './bucket-settings.js';
import type { B2Session } from './session.js';
import type { WireBucket, WireListBuckets } from './wire-types.js';
import { bucketProblem } from '../../state/permissions/permission-reasons.js';

/** A resolved bucket. `type` and `settings` are known only when it came from b2_list_buckets. */
export interface BucketRef {
  name: string;
  id: string;
  type?: string;
  settings?: BucketSettings;
}

function bucketEntry(b: BucketRef): Entry {
  const e: Entry = {
    name: b.name,
    path: `/${b.name}`,
    kind: 'bucket',
    size: 0,
    mtimeMs: null,
    bucketId: b.id,
    bucketType: b.type,
  };
  if (b.settings !== undefined) e.bucketSettings = b.settings;
  return e;
}

/** Bucket lookups for one session, cached by name (see the module comment for the rules). */
export class BucketDirectory {
  private readonly cache = new Map<string, BucketRef>();

  constructor(
    private readonly session: B2Session,
    private readonly knownBuckets: Record<string, string> = {},
  ) {}

  private canListBuckets(): boolean {
    return this.session.keyInfo.capabilities.includes('listBuckets');
  }

  private remember(b: WireBucket): BucketRef {
    const settings = bucketSettings(b);
    const ref: BucketRef = {
      name: b.bucketName,
      id: b.bucketId,
      type: b.bucketType,
      ...(settings === undefined ? {} : { settings }),
    };
    this.cache.set(ref.name, ref);
    return ref;
  }

  /** Drops a cached bucket (after delete). */
  forget(name: string): void {
    this.cache.delete(name);
  }

  /** Remembers a bucket the caller just created. */
  add(ref: BucketRef): void {
    this.cache.set(ref.name, ref);
  }

  private async lookup(
    filter: { bucketId: string } | { bucketName: string },
    signal?: AbortSignal,
  ): Promise<BucketRef | null> {
    const name = 'bucketName' in filter ? filter.bucketName : undefined;
    const data = await this.session.api<WireListBuckets>(
      'b2_list_buckets',
      { accountId: this.session.auth.accountId, ...filter },
      {
        op: 'b2_list_buckets',
        bucket: name,
        capability: 'listBuckets',
        action: 'Listing buckets',
        path: name === undefined ? '/' : `/${name}`,
      },
      signal,
    );
    const b = data.buckets[0];
    return b === undefined ? null : this.remember(b);
  }

  /**
   * Bucket name → ID (see the module comment for the order).
   * @throws NotFoundError (no such bucket), PermissionDeniedError (`bucket:NAME` outside a
   * restricted key, or `listBuckets` when the name cannot be resolved), TransientError
   */
  async resolve(name: string, signal?: AbortSignal): Promise<BucketRef> {
    const cached = this.cache.get(name);
    if (cached !== undefined) return cached;
    const key = this.session.keyInfo;
    if (key.buckets !== null) {
      const allowed = key.buckets.find((b) => b.name === name);
      if (allowed === undefined) {
        const problem = bucketProblem(key.buckets, name);
        throw new PermissionDeniedError(problem.sentence, problem.missing, `/${name}`);
      }
      // With listBuckets, one filtered b2_list_buckets tells the bucket's type (public or not).
      if (this.canListBuckets()) {
        const found = await this.lookup({ bucketId: allowed.id }, signal);
        if (found !== null) return found;
      }
      const ref = { name, id: allowed.id };
      this.cache.set(name, ref);
      return ref;
    }
    const known = this.knownBuckets[name];
    if (known !== undefined) {
      const ref = { name, id: known };
      this.cache.set(name, ref);
      return ref;
    }
    if (!this.canListBuckets()) {
      throw new PermissionDeniedError(
        `This key cannot look up bucket ${name}: it lacks the listBuckets capability and is not limited to that bucket.`,
        ['listBuckets'],
        `/${name}`,
      );
    }
    const found = await this.lookup({ bucketName: name }, signal);
    if (found === null) throw new NotFoundError(`Bucket ${name} does not exist.`, `/${name}`);
    return found;
  }

  /** The type of bucket `name` (`allPublic`, `allPrivate`, …) when a lookup so far told it, else undefined. */
  knownType(name: string): string | undefined {
    return this.cache.get(name)?.type;
  }

  /**
   * The type of bucket `name` when this key can learn it (see `resolve`), else undefined — never
   * an error for a bucket the key cannot look up.
   * @throws TransientError, CancelledError
   */
  async typeOf(name: string, signal?: AbortSignal): Promise<string | undefined> {
    try {
      return (await this.resolve(name, signal)).type;
    } catch (e) {
      if (e instanceof PermissionDeniedError || e instanceof NotFoundError) return undefined;
      throw e;
    }
  }

  /**
   * The root listing: one `bucket` entry per bucket the key can see.
   * @throws PermissionDeniedError (unrestricted key without listBuckets), TransientError
   */
  async list(signal?: AbortSignal): Promise<Entry[]> {
    const key = this.session.keyInfo;
    if (key.buckets !== null) {
      const named = key.buckets.filter((b): b is { id: string; name: string } => b.name !== null);
      if (!this.canListBuckets()) return named.map((b) => bucketEntry(b));
      const refs = await Promise.all(named.map((b) => this.lookup({ bucketId: b.id }, signal)));
      return refs.filter((r): r is BucketRef => r !== null).map(bucketEntry);
    }
    if (!this.canListBuckets()) {
      const known = Object.entries(this.knownBuckets);
      if (known.length > 0) return known.map(([name, id]) => bucketEntry({ name, id }));
      const has = key.capabilities.join(', ') || 'no capabilities';
      throw new PermissionDeniedError(
        `Listing buckets needs the listBuckets capability; this key has ${has}.`,
        ['listBuckets'],
        '/',
      );
    }
    // Through `api`, not the library: the bucket list is what a file manager opens on, and it
    // then needs no library loaded (session.ts).
    const data = await this.session.api<WireListBuckets>(
      'b2_list_buckets',
      { accountId: this.session.auth.accountId },
      { op: 'b2_list_buckets', capability: 'listBuckets', action: 'Listing buckets', path: '/' },
      signal,
    );
    return data.buckets
      .map((b) => bucketEntry(this.remember(b)))
      .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  }
}
