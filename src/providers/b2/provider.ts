/**
 * The B2 provider: the Provider contract (../types.ts) over one authorized B2Session.
 * Paths: `/` lists buckets, `/BUCKET` is a bucket's root, `/BUCKET/` + an exact object name a
 * file, `/BUCKET/` + an exact prefix a folder (see ../types.ts; nothing is normalised).
 * Every optional feature is present (copy, versions, unhide, shareLink, unfinishedUploads,
 * cancelUnfinishedUpload);
 * `move` is absent because B2 has no rename (callers copy, then delete).
 */
import type { Readable } from 'node:stream';
import { InvalidNameError, NotFoundError, PermissionDeniedError } from '../errors.js';
import { folderPrefix, splitBucketPath } from '../paths.js';
import type {
  Entry,
  ListOptions,
  Provider,
  ProviderTraits,
  ReadHandle,
  ReadOptions,
  RemoveOptions,
  StatOptions,
  UnfinishedUpload,
  VersionEntry,
  WriteOptions,
} from '../types.js';
import type { KeyInfo } from '../../state/model/key-info.js';
import { MemoryBudget } from '../memory-budget.js';
import { KeyAdmin, createBucket, deleteBucket, setBucketType } from './admin.js';
import type { BucketDirectory, BucketRef } from './buckets.js';
import { copyFile, type CopyOptions } from './copy.js';
import { openDownload } from './download.js';
import { encodeKey } from './entries.js';
import { inferMissing, type CallContext } from './error-map.js';
import { rememberB2Provider } from './lazy.js';
import { listFolder } from './listing.js';
import { makeFolder, listVersions, removePath, unhidePath } from './remove.js';
import { discardUnfinished } from './discard-unfinished.js';
import { describeUnfinished, listUnfinished } from './resume.js';
import type { B2Session } from './session.js';
import { statPath } from './stat.js';
import type { UploadUrlPool } from './upload-url-pool.js';
import { effectivePartSize, writeFile, type UploadSettings } from './write.js';
import type { WireDownloadAuthorization } from './wire-types.js';

/** Longest share link B2 allows: one week (b2_get_download_authorization, docs/b2-api.md §6.2). */
export const MAX_SHARE_SECONDS = 604_800;

/** Provider-wide upload and copy tunables, fixed at connect time. */
export interface B2ProviderSettings extends UploadSettings {
  /** Server-side copies of sources this size or larger use copy_part (default 5 000 000 000). */
  copyCutoff: number;
}

/**
 * A Provider for one B2 application key. Made by `connectB2`; also exposes `keys`, `createBucket`,
 * `deleteBucket` and `setBucketType` for the accounts UI and the bucket list, and `partSizes` from the authorization.
 */
export class B2Provider implements Provider {
  readonly traits: ProviderTraits = {
    kind: 'b2',
    bucketBased: true,
    hashKinds: ['sha1'],
    emptyDirectories: true,
    scheme: 'b2://',
  };
  /** Key management (v4 shapes). */
  readonly keys: KeyAdmin;
  /** Bytes that buffered uploads hold at once, across all writes (write.ts). */
  private readonly memory: MemoryBudget;

  constructor(
    private readonly session: B2Session,
    private readonly buckets: BucketDirectory,
    private readonly pool: UploadUrlPool,
    private readonly settings: B2ProviderSettings,
  ) {
    this.keys = new KeyAdmin(session);
    this.memory = new MemoryBudget(settings.partConcurrency * effectivePartSize(session, settings.partSize, 0));
    rememberB2Provider(this);
  }

  /** What the key may do (refreshed on re-authorization). No secrets. */
  get keyInfo(): KeyInfo {
    return this.session.keyInfo;
  }

  /** The account's part-size limits from the authorization, in bytes. */
  get partSizes(): { recommended: number; absoluteMinimum: number } {
    return {
      recommended: this.session.auth.recommendedPartSize,
      absoluteMinimum: this.session.auth.absoluteMinimumPartSize,
    };
  }

  async *list(path: string, options?: ListOptions): AsyncIterable<Entry[]> {
    const { bucket, key } = splitBucketPath(path);
    if (bucket === null) {
      const buckets = await this.buckets.list(options?.signal);
      const startsWith = options?.startsWith ?? '';
      yield startsWith === '' ? buckets : buckets.filter((b) => b.name.startsWith(startsWith));
      return;
    }
    const ref = await this.buckets.resolve(bucket, options?.signal);
    yield* listFolder(this.session, ref, folderPrefix(key), path, options);
  }

  stat(path: string, options?: StatOptions): Promise<Entry> {
    return statPath(this.session, this.buckets, path, options);
  }

  async openRead(path: string, options: ReadOptions = {}): Promise<ReadHandle> {
    const { bucket, key } = splitBucketPath(path);
    if (bucket === null || key === '') throw new NotFoundError(`"${path}" is not a file.`, path);
    // Anyone may download from a public bucket; elsewhere a key that may not read there gets a
    // refusal here rather than a 401 from B2.
    if ((await this.buckets.typeOf(bucket, options.signal)) !== 'allPublic') {
      const pre = inferMissing(
        { op: 'b2_download_file_by_name', path, bucket, fileName: key, capability: 'readFiles', action: 'Download' },
        this.keyInfo,
      );
      if (pre.missing.length > 0) throw new PermissionDeniedError(pre.reason, pre.missing, path);
    }
    return openDownload(this.session, {
      bucket,
      key,
      path,
      fileId: options.fileId,
      range: options.range,
      verify: options.verify,
      signal: options.signal,
    });
  }

  /** The type of bucket `name` (`allPublic`, …) when this session has learnt it, else undefined. */
  knownBucketType(name: string): string | undefined {
    return this.buckets.knownType(name);
  }

  write(path: string, source: Readable, options: WriteOptions): Promise<Entry> {
    return writeFile(
      { session: this.session, pool: this.pool, buckets: this.buckets, settings: this.settings, memory: this.memory },
      path,
      source,
      options,
    );
  }

  mkdir(path: string, options?: { signal?: AbortSignal }): Promise<void> {
    return makeFolder(this.session, this.pool, this.buckets, path, options?.signal);
  }

  remove(path: string, options?: RemoveOptions): Promise<void> {
    return removePath(this.session, this.buckets, path, options);
  }

  copy(from: string, to: string, options?: CopyOptions): Promise<Entry> {
    const partSize = effectivePartSize(this.session, this.settings.partSize, 0);
    return copyFile(
      this.session,
      this.buckets,
      { copyCutoff: this.settings.copyCutoff, partSize, concurrency: this.settings.partConcurrency },
      from,
      to,
      options,
    );
  }

  versions(path: string, options?: ListOptions): AsyncIterable<VersionEntry[]> {
    return listVersions(this.session, this.buckets, path, options);
  }

  unhide(path: string, options?: { signal?: AbortSignal }): Promise<void> {
    return unhidePath(this.session, this.buckets, path, options?.signal);
  }

  /**
   * `{downloadUrl}/file/{bucket}/{name}?Authorization=…`, valid `lifetimeSeconds` (1 … 604 800).
   * @throws RangeError (lifetime out of range: a caller bug), InvalidNameError, PermissionDeniedError (shareFiles), TransientError
   */
  async shareLink(path: string, options: { lifetimeSeconds: number; signal?: AbortSignal }): Promise<string> {
    const seconds = Math.floor(options.lifetimeSeconds);
    if (!(seconds >= 1 && seconds <= MAX_SHARE_SECONDS))
      throw new RangeError(`Share links last 1 to ${MAX_SHARE_SECONDS} seconds, not ${options.lifetimeSeconds}.`);
    const { bucket, key } = splitBucketPath(path);
    if (bucket === null || key === '')
      throw new InvalidNameError(`"${path}" is not a file; only files can be shared.`, path);
    const ref = await this.buckets.resolve(bucket, options.signal);
    const ctx: CallContext = {
      op: 'b2_get_download_authorization',
      path,
      bucket,
      fileName: key,
      capability: 'shareFiles',
      action: 'Sharing',
    };
    const auth = await this.session.lib<WireDownloadAuthorization>(ctx, options.signal, (c, x) =>
      c.getDownloadAuthorization({ bucketId: ref.id, fileNamePrefix: key, validDurationInSeconds: seconds, ...x }),
    );
    return `${this.session.auth.downloadUrl}/file/${encodeURIComponent(bucket)}/${encodeKey(key)}?Authorization=${encodeURIComponent(auth.authorizationToken)}`;
  }

  async unfinishedUploads(path: string, options?: { signal?: AbortSignal }): Promise<UnfinishedUpload[]> {
    const { bucket, key } = splitBucketPath(path);
    if (bucket === null) throw new InvalidNameError('Unfinished uploads are listed per bucket.', path);
    const ref = await this.buckets.resolve(bucket, options?.signal);
    const keyPrefix = this.session.keyInfo.namePrefix;
    // A prefix-restricted key may only ask inside its prefix (docs/b2-api.md §2.3).
    const namePrefix = keyPrefix !== null && keyPrefix.startsWith(key) ? keyPrefix : key;
    const files = await listUnfinished(this.session, ref, namePrefix, path, options?.signal);
    // The exact name, or anything inside the folder the path names.
    const under = files.filter((f) => key === '' || f.fileName === key || f.fileName.startsWith(folderPrefix(key)));
    return Promise.all(under.map((f) => describeUnfinished(this.session, ref, f, options?.signal)));
  }

  /**
   * Cancels the unfinished large uploads b2c started for exactly `path` (after a user's cancel).
   * Returns how many were cancelled.
   * @throws InvalidNameError, NotFoundError (bucket), PermissionDeniedError, TransientError
   */
  cancelUnfinishedUpload(path: string, options?: { signal?: AbortSignal }): Promise<number> {
    return discardUnfinished(this.session, this.buckets, path, options?.signal);
  }

  /**
   * Creates a bucket (`allPrivate` by default).
   * @throws AlreadyExistsError, PermissionDeniedError (writeBuckets), TransientError
   */
  createBucket(name: string, type = 'allPrivate', options?: { signal?: AbortSignal }): Promise<BucketRef> {
    return createBucket(this.session, this.buckets, name, type, options?.signal);
  }

  /**
   * Deletes an empty bucket.
   * @throws NotFoundError, NotEmptyError, PermissionDeniedError (deleteBuckets), TransientError
   */
  deleteBucket(name: string, options?: { signal?: AbortSignal }): Promise<void> {
    return deleteBucket(this.session, this.buckets, name, options?.signal);
  }

  /**
   * Makes a bucket public or private.
   * @throws NotFoundError, PermissionDeniedError (writeBuckets), ConflictError, TransientError
   */
  setBucketType(
    name: string,
    type: 'allPublic' | 'allPrivate',
    options?: { signal?: AbortSignal },
  ): Promise<BucketRef> {
    return setBucketType(this.session, this.buckets, name, type, options?.signal);
  }

  /** Closes the pooled connections to B2; the provider must not be used afterwards. */
  close(): Promise<void> {
    this.session.close();
    return Promise.resolve();
  }
}
