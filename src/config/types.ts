/**
 * Data shapes of the b2c config file (profiles and settings) and their defaults and limits.
 * Pure data: nothing here reads or writes files.
 */

/**
 * A stored account profile. `applicationKey` is the secret: never log, print or serialise it
 * (use {@link ProfileSummary} / `describeProfile` for anything shown or written out).
 */
export interface Profile {
  /** Unique, case-sensitive; 1–64 printable characters, no leading/trailing whitespace. */
  name: string;
  /** The application key ID (not secret). */
  applicationKeyId: string;
  /** The application key (secret). */
  applicationKey: string;
  /**
   * Base URL of the B2 API (the "realm" b2_authorize_account is called on), e.g.
   * `http://127.0.0.1:8000` for the built-in server. Absent means the real B2
   * (`https://api.backblazeb2.com`).
   */
  endpoint?: string;
}

/** A profile without its secret: what lists, logs, `--json` output and the inspector may show. */
export interface ProfileSummary {
  name: string;
  applicationKeyId: string;
  endpoint?: string;
}

/** Colour themes; `mono` draws with attributes only (also what NO_COLOR gets). */
export type Theme = 'default' | 'mono';

/** Every theme name, for validation and the settings screen. */
export const THEMES: readonly Theme[] = ['default', 'mono'];

/** User settings, always complete in memory (missing ones in the file take the defaults). */
export interface Settings {
  /** The profile used when none is named, or `null` when there is none. */
  defaultProfile: string | null;
  /** How many files are transferred at once. */
  concurrency: number;
  /** How many parts of one large file are transferred at once. */
  partConcurrency: number;
  /** Part size for large files, in bytes. */
  partSize: number;
  /** Command id → key patterns that replace that command's default keys (an empty list unbinds). */
  keymapOverrides: Record<string, string[]>;
  theme: Theme;
  /** Ask before deleting. */
  confirmDelete: boolean;
}

/**
 * Limits on settings. Part sizes follow B2: `absoluteMinimumPartSize` is 5,000,000 bytes and a
 * part may be at most 5 GB (5,000,000,000 bytes).
 */
export const SETTINGS_LIMITS = {
  concurrency: { min: 1, max: 64 },
  partConcurrency: { min: 1, max: 64 },
  partSize: { min: 5_000_000, max: 5_000_000_000 },
} as const;

/**
 * Defaults. `partSize` is B2's `recommendedPartSize` (100,000,000 bytes = 100 MB, decimal).
 * `concurrency` fits a client tens of milliseconds from B2, where every small file costs a round
 * trip and only many in flight keep the line busy (at 40 ms, 2,000 small files took 10–12 s at
 * 16, 6–11 s at 32 and 5–8 s at 64; rclone's documentation puts B2's optimum near 32; see
 * bench/README.md); the transfer engine raises it further while throughput rises.
 */
export const DEFAULT_SETTINGS: Readonly<Settings> = Object.freeze({
  defaultProfile: null,
  concurrency: 32,
  partConcurrency: 4,
  partSize: 100_000_000,
  keymapOverrides: {},
  theme: 'default',
  confirmDelete: true,
});

/**
 * A saved place (`B` in the file manager): a local folder (absolute path), or a B2 place seen
 * through one profile (`bucket: null` is its bucket list; `prefix` is `''` or ends in `/`).
 */
export type BookmarkPlace =
  | { kind: 'local'; path: string }
  | { kind: 'b2'; profile: string; bucket: string | null; prefix: string };

/** A bookmark: a unique name (the rules of profile names) and its place. */
export interface Bookmark {
  name: string;
  place: BookmarkPlace;
}

/** The whole config, validated and with defaults filled in. */
export interface ConfigData {
  profiles: Profile[];
  settings: Settings;
  bookmarks: Bookmark[];
}

/** Name of the file inside the config directory. */
export const CONFIG_FILE_NAME = 'config.json';

/**
 * The file as conf stores it: every part optional (defaults fill the gaps), plus conf's own
 * migration marker (`__internal__.migrations.version`). Validated by ./validate.ts.
 */
export type ConfFileShape = {
  profiles?: Profile[];
  settings?: Partial<Settings>;
  bookmarks?: Bookmark[];
  __internal__?: Record<string, unknown>;
};
