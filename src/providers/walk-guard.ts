/**
 * The bound on every recursive walk (ls -r, rm --dry-run, the transfer queue's folder scans), so
 * that a folder which lists itself again — a bug, or a file system loop such as a bind mount of a
 * parent — stops with an error instead of recursing forever. The primary protection is exact
 * names (./paths.ts: a listed folder's path lists exactly that folder); this is the backstop.
 */

/**
 * Deepest folder nesting a walk enters. B2 names have at most 1024 bytes (so at most 1024
 * levels, even with empty segments) and local paths at most 4096 bytes (at most 2048 levels of
 * one-character names), so nothing real is deeper.
 */
export const MAX_FOLDER_DEPTH = 2048;

/** A walk went deeper than MAX_FOLDER_DEPTH or came back to a folder it had listed. */
export class WalkLimitError extends Error {
  constructor(
    message: string,
    readonly path: string,
  ) {
    super(message);
    this.name = 'WalkLimitError';
  }
}

/** Remembers the folders one walk listed. */
export class WalkGuard {
  private readonly listed = new Set<string>();

  /**
   * Call before listing folder `path` at `depth` (0 for where the walk starts).
   * @throws WalkLimitError when `path` was listed before in this walk or `depth` is too deep
   */
  enter(path: string, depth: number): void {
    if (depth > MAX_FOLDER_DEPTH) {
      throw new WalkLimitError(
        `"${path}" is nested more than ${MAX_FOLDER_DEPTH} folders deep; b2c stops there rather than risk listing forever.`,
        path,
      );
    }
    if (this.listed.has(path)) {
      throw new WalkLimitError(
        `"${path}" came up a second time while listing; b2c stops there rather than list it again.`,
        path,
      );
    }
    this.listed.add(path);
  }
}
