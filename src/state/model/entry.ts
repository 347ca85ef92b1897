/**
 * The rows b2c lists, shows and transfers: one vocabulary for the providers (which produce them),
 * the panes and dialogs (which show them) and the transfer queue (which acts on them). Pure data;
 * every string is raw (sanitise before display). Provider paths are described in
 * src/providers/types.ts.
 */
/** What a listing row is. `bucket` appears only at a B2 provider's root. */
export type EntryKind = 'file' | 'dir' | 'symlink' | 'bucket';

/** Local files that are not regular files, in words (`it is a socket`). */
export type SpecialFileKind = 'named pipe (FIFO)' | 'socket' | 'character device' | 'block device';

/** One row of a listing or the result of `stat`. Strings are raw: sanitise before display. */
export interface Entry {
  /** Last path segment, raw (may contain control characters, which the UI escapes). */
  name: string;
  /** Full path in the provider's path space. */
  path: string;
  kind: EntryKind;
  /** Bytes; 0 for directories and buckets. */
  size: number;
  /** Modification time in ms since the epoch (B2: src_last_modified_millis, else upload time). */
  mtimeMs: number | null;
  /** Symlinks only: the link's target as stored (never followed implicitly). */
  linkTarget?: string;
  /** Local `file` rows that are no regular file: what they are (transfers skip them, saying so). */
  special?: SpecialFileKind;
  /** B2: the version's file ID. */
  fileId?: string;
  /** B2: content type. */
  contentType?: string;
  /** Hex SHA1 of the whole file when known (B2 contentSha1 or large_file_sha1), else null. */
  sha1?: string | null;
  /** B2: custom file info (keys lowercased by B2). */
  info?: Record<string, string>;
  /** B2: upload time in ms. */
  uploadTimestamp?: number;
  /** B2 with `showHidden`: the newest version is a hide marker. */
  hidden?: boolean;
  /** B2 listed with `unfinished`: the name has no finished version, only unfinished large files. */
  unfinished?: boolean;
  /** B2 buckets: allPublic / allPrivate / … */
  bucketType?: string;
  /** B2: id of the bucket this entry belongs to. */
  bucketId?: string;
  /**
   * Folders and buckets whose contents were counted (ctrl+space, z): how many files they hold,
   * with or without every version; `size` then holds their bytes.
   */
  counted?: FolderCount;
  /**
   * B2 buckets, and files in them: the settings b2_list_buckets reported with the bucket (for a
   * file, its bucket's defaults); absent when not known.
   */
  bucketSettings?: BucketSettings;
  /** B2 files: how this version is encrypted at rest, as B2 reported it (docs/b2-api.md §9). */
  encryption?: FileEncryption;
  /** B2 files: its Object Lock retention (docs/b2-api.md §10); null: none. */
  retention?: FileRetention | null | Unreadable;
  /** B2 files: whether a legal hold is on (false: off or never set). */
  legalHold?: boolean | Unreadable;
}

/** A fact B2 withholds because the key lacks the capability to read it: shown as unknown, never guessed. */
export type Unreadable = 'unreadable';

/**
 * Server-side encryption of a stored version: `none`, `SSE-B2` (B2 holds the key) or `SSE-C` (the
 * customer brings the key on every read); another string when B2 reports a mode b2c does not know.
 */
export interface FileEncryption {
  mode: 'none' | 'SSE-B2' | 'SSE-C' | (string & {});
  /** `AES256`, or null with `none`. */
  algorithm: string | null;
}

/** An Object Lock retention: the version cannot be deleted before `retainUntil` (ms since the epoch). */
export interface FileRetention {
  /** `governance` (a key with bypassGovernance may lift it) or `compliance` (nobody may). */
  mode: 'governance' | 'compliance' | (string & {});
  retainUntil: number;
}

/** What counting a folder found: files (or versions) and their bytes, at any depth. */
export interface FolderCount {
  files: number;
  bytes: number;
  /** Every version was counted (what B2 bills), not only the current files. */
  versions: boolean;
}

/** One lifecycle rule of a bucket (B2 applies it to names starting with `fileNamePrefix`). */
export interface LifecycleRule {
  fileNamePrefix: string;
  /** Days after an upload until the version is hidden, or null. */
  daysFromUploadingToHiding: number | null;
  /** Days after a version was hidden until it is deleted, or null. */
  daysFromHidingToDeleting: number | null;
}

/**
 * A bucket's settings as B2 reports them. B2 leaves out what the key may not read: such a setting
 * is `'unreadable'`, so a view can say so instead of guessing.
 */
export interface BucketSettings {
  /** Empty: no rules (every version is kept until deleted). */
  lifecycleRules: readonly LifecycleRule[];
  /** How many CORS rules the bucket has (0: none, browsers may not read it cross-origin); null: not reported. */
  corsRuleCount: number | null;
  /** Default encryption of new files; `mode` null: not set. */
  encryption: { mode: string | null; algorithm: string | null } | Unreadable;
  /** Object Lock and its default retention (`mode` null: none). */
  objectLock: { enabled: boolean; mode: string | null; period: { duration: number; unit: string } | null } | Unreadable;
}

/** One version of a B2 file name, newest first in `versions()`. */
export interface VersionEntry extends Entry {
  fileId: string;
  /** `upload` (a real version), `hide` (a hide marker) or `start` (an unfinished large file). */
  action: 'upload' | 'hide' | 'start';
  /** True for the newest version of the name. */
  isLatest: boolean;
}
