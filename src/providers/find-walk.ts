/**
 * The walk behind find (`b2c find`, the TUI's F): every file under a folder, at any depth, page by
 * page. On B2 it is one flat listing of the folder's prefix (no delimiter, docs/b2-api.md §4.2),
 * paged like any listing; locally it lists folder by folder (its own stack, no recursion, a
 * WalkGuard as the backstop). Symlinks are reported, never followed. Cancelled through `signal`.
 */
import { NotFoundError, PermissionDeniedError } from './errors.js';
import { WalkGuard } from './walk-guard.js';
import { folderPrefix, splitBucketPath } from './paths.js';
import type { Entry, Provider } from './types.js';
import { throwIfAborted } from './stream-utils.js';

/** One file found: its path relative to the folder searched (`a/b.txt`) and its entry. */
export interface FoundEntry {
  rel: string;
  entry: Entry;
}

/** How to walk. */
export interface FindWalkOptions {
  signal?: AbortSignal;
  /**
   * Include dotfiles (and files inside dot-folders) and, on B2, names whose newest version is a
   * hide marker (marked `hidden: true`). Without it, neither is reported, as the panes hide them.
   */
  showHidden?: boolean;
  /**
   * Local: a folder below the one searched that vanished or may not be read while walking is
   * skipped (the search goes on, as find(1) does) and reported here.
   */
  skipped?: (path: string, error: unknown) => void;
}

function isDotted(rel: string): boolean {
  return rel.split('/').some((segment) => segment.startsWith('.'));
}

function byName(a: Entry, b: Entry): number {
  return a.name < b.name ? -1 : a.name > b.name ? 1 : 0;
}

async function* flatB2(p: Provider, folder: string, o: FindWalkOptions): AsyncGenerator<FoundEntry[]> {
  const { bucket, key } = splitBucketPath(folder);
  const base = `/${bucket ?? ''}/${folderPrefix(key)}`;
  const pages = p.list(folder, { flat: true, showHidden: o.showHidden === true, signal: o.signal });
  for await (const page of pages) {
    const found = page
      .filter((e) => e.kind !== 'dir' && e.path.startsWith(base))
      .map((entry) => ({ rel: entry.path.slice(base.length), entry }))
      .filter((f) => o.showHidden === true || !isDotted(f.rel));
    yield found;
  }
}

interface Pending {
  path: string;
  prefix: string;
  depth: number;
}

async function* walkFolders(p: Provider, folder: string, o: FindWalkOptions): AsyncGenerator<FoundEntry[]> {
  const guard = new WalkGuard();
  const stack: Pending[] = [{ path: folder, prefix: '', depth: 0 }];
  for (let next = stack.pop(); next !== undefined; next = stack.pop()) {
    throwIfAborted(o.signal);
    guard.enter(next.path, next.depth);
    const entries: Entry[] = [];
    try {
      for await (const page of p.list(next.path, { signal: o.signal })) entries.push(...page);
    } catch (error) {
      const skippable = error instanceof NotFoundError || error instanceof PermissionDeniedError;
      if (next.depth === 0 || !skippable) throw error;
      o.skipped?.(next.path, error);
      continue;
    }
    const shown = entries.filter((e) => o.showHidden === true || !e.name.startsWith('.')).sort(byName);
    const dirs = shown.filter((e) => e.kind === 'dir');
    for (const d of dirs.reverse())
      stack.push({ path: d.path, prefix: `${next.prefix}${d.name}/`, depth: next.depth + 1 });
    yield shown.filter((e) => e.kind !== 'dir').map((entry) => ({ rel: `${next.prefix}${entry.name}`, entry }));
  }
}

/**
 * The files under `folder` (a provider folder path: a local directory, `/BUCKET` or
 * `/BUCKET/PREFIX/`), page by page. Directories themselves are not reported.
 * @throws NotFoundError (no such folder), PermissionDeniedError, TransientError, CancelledError,
 *   WalkLimitError
 */
export function findWalk(p: Provider, folder: string, o: FindWalkOptions = {}): AsyncGenerator<FoundEntry[]> {
  return p.traits.kind === 'b2' ? flatB2(p, folder, o) : walkFolders(p, folder, o);
}
