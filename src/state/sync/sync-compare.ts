/**
 * How two files with the same relative name compare, for the panes' compare marks and the sync
 * planner (sync-plan.ts). Pure: no I/O; local SHA1s are computed by the caller when asked.
 *
 * Modification times are compared in whole milliseconds, as B2 clients record them in the file
 * info `src_last_modified_millis` (docs/b2-api.md §4.5): b2c, rclone and the b2 command-line tool
 * all write the local mtime truncated to milliseconds, and the local provider lists mtimes
 * truncated the same way, so an unchanged file compares equal whichever tool uploaded it.
 */

/** What a comparison looks at. */
export type CompareMode = 'size' | 'mtime' | 'sha1';

export const COMPARE_MODES: readonly CompareMode[] = ['size', 'mtime', 'sha1'];

/** One file of a listing, named relative to the compared folder (`sub/a.txt`). */
export interface SyncEntry {
  /** Relative path, `/`-separated, no leading `/`. Raw: sanitise before display. */
  rel: string;
  size: number;
  /** ms since the epoch (B2: src_last_modified_millis, else the upload time), or null. */
  mtimeMs: number | null;
  /** Whole-file hex SHA1 when known (B2 contentSha1 / large_file_sha1; local: hashed on demand). */
  sha1?: string | null;
  /** B2: the newest version is a hide marker. Hidden files count as absent. */
  hidden?: boolean;
}

/**
 * The outcome for a name present on both sides, from the source side's point of view:
 * `same`; `newer` (the source's mtime is later); `older` (the destination's is later);
 * `different` (sizes or SHA1s differ while the times do not tell).
 */
export type PairState = 'same' | 'newer' | 'older' | 'different';

/** Differences below this many ms are the same time (both sides hold whole milliseconds). */
export const MTIME_TOLERANCE_MS = 1;

function byTime(src: SyncEntry, dst: SyncEntry): PairState | null {
  if (src.mtimeMs === null || dst.mtimeMs === null) return null;
  const delta = src.mtimeMs - dst.mtimeMs;
  if (Math.abs(delta) < MTIME_TOLERANCE_MS) return 'same';
  return delta > 0 ? 'newer' : 'older';
}

/** The SHA1s agree (true), disagree (false), or one is unknown (null). */
export function sha1Agrees(src: SyncEntry, dst: SyncEntry): boolean | null {
  const a = src.sha1 ?? null;
  const b = dst.sha1 ?? null;
  if (a === null || b === null) return null;
  return a.toLowerCase() === b.toLowerCase();
}

/**
 * Compares two files of the same name.
 * - `size`: same when the sizes agree, else `different`.
 * - `mtime` (rclone's default): a size difference or a time difference makes them differ; the
 *   times say which is newer. A side without a time falls back to the size.
 * - `sha1`: same when the SHA1s agree; when they differ, the times say which is newer (else
 *   `different`). Where a SHA1 is unknown (a large file uploaded without `large_file_sha1`),
 *   it falls back to `mtime`.
 */
export function comparePair(src: SyncEntry, dst: SyncEntry, mode: CompareMode): PairState {
  const sizesAgree = src.size === dst.size;
  switch (mode) {
    case 'size':
      return sizesAgree ? 'same' : 'different';
    case 'sha1': {
      const agree = sizesAgree ? sha1Agrees(src, dst) : false;
      if (agree === true) return 'same';
      if (agree === false) {
        const time = byTime(src, dst);
        return time === null || time === 'same' ? 'different' : time;
      }
      return comparePair(src, dst, 'mtime');
    }
    case 'mtime': {
      const time = byTime(src, dst);
      if (time === null) return sizesAgree ? 'same' : 'different';
      if (time === 'same') return sizesAgree ? 'same' : 'different';
      return time;
    }
  }
}

/**
 * With `sha1`, the names whose source file must be hashed before comparing: present on both
 * sides, of equal size (a size difference decides without hashing), the destination's SHA1 known
 * and the source's not. `side` picks which listing is hashed.
 */
export function namesToHash(
  src: readonly SyncEntry[],
  dst: readonly SyncEntry[],
  side: 'source' | 'destination',
): string[] {
  const [mine, theirs] = side === 'source' ? [src, dst] : [dst, src];
  const other = new Map(theirs.filter((e) => e.hidden !== true).map((e) => [e.rel, e]));
  const out: string[] = [];
  for (const e of mine) {
    const o = other.get(e.rel);
    if (e.hidden === true || o === undefined || o.size !== e.size) continue;
    if ((e.sha1 ?? null) === null && (o.sha1 ?? null) !== null) out.push(e.rel);
  }
  return out;
}
