/**
 * The one storage interface behind panes, the transfer queue and the CLI (ARCHITECTURE.md, "Providers").
 *
 * Paths are POSIX-style strings in the provider's own space, always absolute:
 * - local: real absolute paths (`/home/me/file.txt`);
 * - B2: `/` is the list of buckets, `/BUCKET` a bucket's root, `/BUCKET/` + the exact object name
 *   a file (`/b/dir//double`, `/b//abs/path` and `/b/endslash/` are the names `dir//double`,
 *   `/abs/path` and `endslash/`: never normalised). Read as a folder, `/BUCKET/` + a key ending in
 *   `/` is exactly that prefix, and any other key gets one `/` added (`/b/dir` and `/b/dir/` are
 *   the prefix `dir/`, `/b/dir//` is the prefix `dir//`). Listed folders carry their exact prefix.
 *   A name ending in `/` is both a file name and a folder prefix; `stat` and `remove` take
 *   `kind` to say which is meant (see ./paths.ts).
 * Providers are stateless with respect to location: the pane knows the current directory.
 *
 * Every method may throw the typed errors of ./errors.ts, as documented per method; any other
 * exception is a bug. All methods honour `signal` (throwing CancelledError) where they take one.
 */
import type { Readable } from 'node:stream';
import type { KeyInfo } from '../state/model/key-info.js';
import type { Entry, VersionEntry } from '../state/model/entry.js';

export type {
  BucketSettings,
  Entry,
  EntryKind,
  FileEncryption,
  FileRetention,
  LifecycleRule,
  SpecialFileKind,
  VersionEntry,
} from '../state/model/entry.js';

/** Options shared by listing calls. */
export interface ListOptions {
  signal?: AbortSignal;
  /** Rows per page (B2: maxFileCount, default 1000). */
  pageSize?: number;
  /** Local: include dotfiles (always included; the UI filters). B2: include names whose newest version is a hide marker. */
  showHidden?: boolean;
  /**
   * B2, with `showHidden`: include names that have no finished version, only unfinished large
   * files (action `start`), marked `unfinished: true` (`b2c ls --versions` lists their versions).
   */
  unfinished?: boolean;
  /**
   * B2 inside a bucket: every name under the folder at any depth, in one flat listing (no
   * delimiter, docs/b2-api.md §4.2), files only; each entry keeps its full `path` and its last
   * segment as `name`. Local: ignored (walk the folders instead, as ./find-walk.ts does).
   */
  flat?: boolean;
  /**
   * B2, with `flat` and `showHidden`: every finished version (action `upload`) as an entry of its
   * own, hidden and old ones included — what B2 bills for (folder sizes with versions).
   */
  allVersions?: boolean;
  /**
   * Only the names in the folder that begin with this text (Tab completion). B2: asked of B2 as
   * part of the listing's prefix, so a folder of a million names lists only the matches. A missing
   * folder then lists nothing instead of failing.
   */
  startsWith?: string;
}

/** Options of `stat`. */
export interface StatOptions {
  signal?: AbortSignal;
  /** B2: describe this exact version. */
  fileId?: string;
  /** Describe only a file (`file`) or only a folder (`dir`) at the path; default: a file if one has that name, else a folder. */
  kind?: PathKind;
}

/** Byte range, inclusive start and inclusive end (as HTTP Range). `end` omitted = to EOF. */
export interface ByteRange {
  start: number;
  end?: number;
}

/** An open download/read. The consumer must read `stream` to the end or destroy it. */
export interface ReadHandle {
  stream: Readable;
  /** Bytes that `stream` will yield (the range length when a range was asked for). */
  size: number;
  /** Full-file size. */
  totalSize: number;
  /** Whole-file SHA1 when the source knows it (null for unknown / large files without large_file_sha1). */
  sha1: string | null;
  mtimeMs: number | null;
  contentType?: string;
  /** B2: the exact version being read; a later range read with this `fileId` reads the same bytes. */
  fileId?: string;
  /**
   * B2: bytes `start…end` of the same version received straight into `sink`'s memory (no stream,
   * no copy: see {@link RangeSink}), with the download's retries and bounds. Resolves once every
   * byte was handed to the sink.
   * @throws what `openRead` throws for a range, CancelledError, or what the sink rejected with
   */
  receiveRange?: (range: Required<ByteRange>, sink: RangeSink, signal: AbortSignal) => Promise<void>;
  /**
   * Local: the SHA1 of the whole file and of each `partSize` bytes of it, computed without the
   * caller moving the bytes (local/file-hashes.ts). Only on a read of the whole file.
   * @throws IntegrityError when the file changed size since it was opened, CancelledError
   */
  hashParts?: (partSize: number, signal?: AbortSignal) => Promise<SourceHashes>;
  /**
   * Local: bytes `start…end` of the same file read into memory the caller lends (no Buffer per
   * read: local/range-reader.ts). Only on a read of the whole file.
   */
  readRange?: (range: Required<ByteRange>, signal: AbortSignal) => Promise<RangeReader>;
}

/** One byte range of a source, read in order into memory the caller lends (ReadHandle.readRange). */
export interface RangeReader {
  /**
   * Reads the next bytes of the range into the start of `into`; resolves with how many, 0 once
   * the range is read. @throws the read's error as a provider error, CancelledError
   */
  read(into: Uint8Array): Promise<number>;
  /** Releases the source (idempotent). */
  close(): Promise<void>;
}

/** The SHA1s of a source: of everything, and of each part (the last part may be shorter). */
export interface SourceHashes {
  whole: string;
  parts: string[];
}

/**
 * Memory a destination lends a source to receive one byte range into, in order: the source asks
 * for `space()`, reads the next bytes into its start and reports them with `filled`. How a big
 * download goes from the socket to the file without a copy (WriteOptions.receive).
 */
export interface RangeSink {
  /** Memory for the next bytes (never empty). Not called again before `filled`. */
  space(): Uint8Array;
  /**
   * The first `n` bytes of the last `space()` hold the next bytes of the range. Returns a promise
   * when the destination wants no more for now (its memory is full): the source then reads
   * nothing until it resolves, and stops with its error when it rejects.
   */
  filled(n: number): Promise<void> | undefined;
}

export interface ReadOptions {
  range?: ByteRange;
  signal?: AbortSignal;
  /** B2: read this exact version instead of the newest. */
  fileId?: string;
  /**
   * Verify the whole-file SHA1 while streaming and make the stream error with IntegrityError at the
   * end on a mismatch (only without `range`). Default true.
   */
  verify?: boolean;
}

export interface WriteOptions {
  /** Exact byte count the source will yield. A mismatch fails with IntegrityError. */
  size: number;
  /** Source modification time in ms (stored as mtime locally, src_last_modified_millis on B2). */
  mtimeMs?: number | null;
  /** Expected hex SHA1 of the content when known up front; verified. */
  sha1?: string | null;
  contentType?: string;
  /** Replace an existing target. Without it, an existing target throws AlreadyExistsError. */
  overwrite?: boolean;
  signal?: AbortSignal;
  /**
   * Called with the number of new bytes sent/written since the last call: written to disk, or
   * handed to the connection of a B2 upload. A failed attempt's bytes are either never counted
   * again or taken back by a negative call, so the running total never passes `size`.
   */
  onProgress?: (bytes: number) => void;
  /** B2: part size for large files, bytes (clamped to the server's absoluteMinimumPartSize). */
  partSize?: number;
  /**
   * Parts of one large B2 upload held in memory at once (from a source read once, in order): the
   * memory bound is `partConcurrency × partSize`. Also the default for `partsInFlight`.
   */
  partConcurrency?: number;
  /**
   * Parts or byte ranges of one file in flight, asked again before each one starts (the transfer
   * engine's adaptive mode raises it while the write runs). Parts streamed from `reopen` and
   * ranges written in place hold no part in memory, so this may exceed `partConcurrency`.
   */
  partsInFlight?: () => number;
  /**
   * The source again, by byte range: resolves with a stream of exactly bytes `start…end` of the
   * content `source` yields (the same version). A destination may read through it instead of
   * `source`, to move a big file in parallel ranges: the B2 provider hashes a large upload's
   * parts in one pass and then sends them straight from the source (no part held in memory, a
   * failed part read again); the local provider fetches a big download in parallel ranges. It
   * then reads `source` only in part or not at all, and destroys it.
   */
  reopen?: (range: Required<ByteRange>, signal: AbortSignal) => Promise<Readable>;
  /**
   * Like `reopen`, but the bytes of the range are received into memory the destination lends
   * (ReadHandle.receiveRange). A destination that can take them so prefers it to `reopen`.
   */
  receive?: ReadHandle['receiveRange'];
  /**
   * The source's whole and part SHA1s when it can compute them itself (ReadHandle.hashParts): a
   * B2 large upload from `reopen` then needs no hash pass of its own over the source's stream.
   */
  hashParts?: ReadHandle['hashParts'];
  /** The source by range into lent memory (ReadHandle.readRange): preferred to `reopen` where it fits. */
  readRange?: ReadHandle['readRange'];
  /**
   * B2 with the `resumableUploads` feature: look for an unfinished large file with the same name,
   * size, mtime and part size; re-use its parts whose SHA1 matches, upload only the rest.
   */
  resume?: boolean;
}

/**
 * How `remove` deletes. Local providers accept only `default` (unlink a file or remove an empty dir).
 * B2: `hide` adds a hide marker (reversible); `delete-version` deletes `fileId` (or the newest
 * version); `all-versions` deletes every version of the name; `default` = `hide`.
 */
export type RemoveMode = 'default' | 'hide' | 'delete-version' | 'all-versions';

/** What a path names when its spelling alone does not say (B2 names may end in `/`). */
export type PathKind = 'file' | 'dir';

export interface RemoveOptions {
  mode?: RemoveMode;
  /** Remove exactly the file (`file`) or the empty folder (`dir`) at the path; default: a file if one has that name, else a folder. */
  kind?: PathKind;
  /** With `delete-version`: the version to delete. */
  fileId?: string;
  /**
   * B2: the user agreed to lift governance-mode retention (docs/b2-api.md §10.4); sent only for
   * versions that need it, and only a key with bypassGovernance may. Without it, a deletion that
   * would need the bypass is refused before any version goes.
   */
  bypassGovernance?: boolean;
  signal?: AbortSignal;
}

/** Static facts about a provider, for callers that choose strategies. */
export interface ProviderTraits {
  kind: 'local' | 'b2';
  /** Root lists buckets instead of files. */
  bucketBased: boolean;
  /** Checksums the provider can report and verify. */
  hashKinds: Array<'sha1'>;
  /** Can an empty directory exist? (B2: only as a `.bzEmpty` placeholder.) */
  emptyDirectories: boolean;
  /** Separator-joined display prefix for locations, e.g. `b2://` or ``. */
  scheme: string;
}

/** An unfinished B2 large upload that `write({resume:true})` could continue. */
export interface UnfinishedUpload {
  fileId: string;
  path: string;
  /** Declared total size (from fileInfo), when the uploader recorded it. */
  size: number | null;
  mtimeMs: number | null;
  partSize: number | null;
  /** Parts already on the server. */
  partsUploaded: number;
  bytesUploaded: number;
  startedAt: number;
}

/**
 * The provider contract. Required methods first; optional features are present only when
 * supported, so callers check (`if (p.copy)`) and fall back (stream copy; move = copy + delete).
 */
export interface Provider {
  readonly traits: ProviderTraits;
  /** B2: what the key may do (for the permission rules). Local: undefined. */
  readonly keyInfo?: KeyInfo;

  /**
   * Lists a directory (B2: bucket or prefix; at `/`, the buckets) page by page, directories first
   * not guaranteed: callers sort. The first page arrives without waiting for the rest.
   * @throws NotFoundError, PermissionDeniedError, TransientError, CancelledError
   */
  list(path: string, options?: ListOptions): AsyncIterable<Entry[]>;

  /**
   * Describes one path (file, directory, bucket). B2 directories exist when any name has the prefix.
   * @throws NotFoundError, PermissionDeniedError, TransientError
   */
  stat(path: string, options?: StatOptions): Promise<Entry>;

  /**
   * Opens a file for reading (optionally a range).
   * @throws NotFoundError, PermissionDeniedError, TransientError, CancelledError; the stream may
   * error with IntegrityError (checksum) or TransientError (dropped connection).
   */
  openRead(path: string, options?: ReadOptions): Promise<ReadHandle>;

  /**
   * Writes `source` to `path` completely or not at all: a failed, cancelled or mismatched write
   * leaves no partial target (local: temp name + rename; B2: nothing visible until finished).
   * Creates missing parent directories. Returns the written entry.
   * @throws AlreadyExistsError (without overwrite), PermissionDeniedError, InvalidNameError,
   * IntegrityError, NoSpaceError, TransientError, CancelledError
   */
  write(path: string, source: Readable, options: WriteOptions): Promise<Entry>;

  /**
   * Creates a directory (B2: a `.bzEmpty` placeholder, like the web UI). Existing dir: no error.
   * @throws AlreadyExistsError (a file has that name), PermissionDeniedError, InvalidNameError
   */
  mkdir(path: string, options?: { signal?: AbortSignal }): Promise<void>;

  /**
   * Removes one file or one empty directory (B2 folder placeholder). Recursion is the caller's job.
   * @throws NotFoundError, NotEmptyError, PermissionDeniedError, LockedError (B2 Object Lock keeps a
   * version), TransientError
   */
  remove(path: string, options?: RemoveOptions): Promise<void>;

  /** Server-side copy within this provider (B2: b2_copy_file / copy_part, across buckets). */
  copy?(
    from: string,
    to: string,
    options?: { overwrite?: boolean; signal?: AbortSignal; onProgress?: (bytes: number) => void; fileId?: string },
  ): Promise<Entry>;

  /** Atomic rename within this provider (local: fs.rename). B2 has none: callers copy + delete. */
  move?(from: string, to: string, options?: { overwrite?: boolean; signal?: AbortSignal }): Promise<Entry>;

  /** All versions of one name, newest first (B2). */
  versions?(path: string, options?: ListOptions): AsyncIterable<VersionEntry[]>;

  /** Removes the hide marker on top of a name so its newest real version shows again (B2). */
  unhide?(path: string, options?: { signal?: AbortSignal }): Promise<void>;

  /** A URL that downloads `path` without credentials for `lifetimeSeconds` (B2: download authorization). */
  shareLink?(path: string, options: { lifetimeSeconds: number; signal?: AbortSignal }): Promise<string>;

  /** Unfinished large uploads under `path` (B2). Present when `write({resume:true})` is supported. */
  unfinishedUploads?(path: string, options?: { signal?: AbortSignal }): Promise<UnfinishedUpload[]>;

  /**
   * Discards the unfinished uploads this provider started for exactly `path` (B2:
   * b2_cancel_large_file), for when the user cancels; a pause or a crash keeps them for
   * `write({resume:true})`. Returns how many were discarded. Uploads started by other tools and
   * other names are untouched. @throws ProviderError
   */
  cancelUnfinishedUpload?(path: string, options?: { signal?: AbortSignal }): Promise<number>;

  /**
   * B2: the type of bucket `name` (`allPublic`, `allPrivate`, …) when this provider has learnt it,
   * else undefined. Synchronous: never asks the server.
   */
  knownBucketType?(name: string): string | undefined;

  /** Releases sockets and timers. Idempotent. */
  close?(): Promise<void>;
}
