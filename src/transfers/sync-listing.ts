/**
 * The listings a sync compares (src/state/sync/sync-plan.ts): every file below a folder, by its
 * name relative to that folder, walked folder by folder with the WalkGuard bound, and the SHA1s
 * of local files when a SHA1 comparison needs them. Used by `b2c sync` and the TUI's compare and
 * sync. Symbolic links and special files are left out (a sync copies regular files only), each
 * told to `onSkipped` so that a caller can report it.
 */
import { Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { NotFoundError } from '../providers/errors.js';
import { WalkGuard } from '../providers/walk-guard.js';
import type { Entry, Provider } from '../providers/types.js';
import { namesToHash, type CompareMode, type SyncEntry } from '../state/sync/sync-compare.js';
import { HashingStream } from './hashing-stream.js';
import { notCopiedNote } from './scan-entry.js';

/** One side of a sync: a folder on a provider. */
export interface SyncSide {
  provider: Provider;
  /** The folder (provider path; a B2 bucket root `/bucket` or prefix folder). */
  path: string;
}

/** A listed file: the planner's view and the provider's row. */
export interface TreeFile extends SyncEntry {
  entry: Entry;
}

/** How to list. */
export interface TreeOptions {
  signal?: AbortSignal;
  /** Called after each page with the number of files found so far. */
  onProgress?: (files: number) => void;
  /** Called for each entry left out (a symbolic link, a special file), with the results' note. */
  onSkipped?: (rel: string, note: string) => void;
}

function isFolder(e: Entry): boolean {
  return e.kind === 'dir' || e.kind === 'bucket';
}

/**
 * Every regular file below `side.path`, relative names `/`-separated. A folder that does not
 * exist lists as empty (a sync's destination may not exist yet).
 * @throws the provider's listing errors (PermissionDeniedError, TransientError, CancelledError),
 *   WalkLimitError
 */
export async function listTree(side: SyncSide, options: TreeOptions = {}): Promise<TreeFile[]> {
  const files: TreeFile[] = [];
  const guard = new WalkGuard();
  const stack: Array<{ path: string; prefix: string; depth: number }> = [{ path: side.path, prefix: '', depth: 0 }];
  while (stack.length > 0) {
    const folder = stack.pop() as { path: string; prefix: string; depth: number };
    guard.enter(folder.path, folder.depth);
    try {
      for await (const page of side.provider.list(folder.path, { signal: options.signal })) {
        for (const entry of page) {
          if (isFolder(entry)) {
            stack.push({ path: entry.path, prefix: `${folder.prefix}${entry.name}/`, depth: folder.depth + 1 });
            continue;
          }
          const skipped = notCopiedNote(entry);
          if (skipped !== null) options.onSkipped?.(folder.prefix + entry.name, skipped);
          else {
            files.push({
              rel: folder.prefix + entry.name,
              size: entry.size,
              mtimeMs: entry.mtimeMs,
              sha1: entry.sha1 ?? null,
              hidden: entry.hidden === true,
              entry,
            });
          }
        }
        options.onProgress?.(files.length);
      }
    } catch (error) {
      if (folder.depth === 0 && error instanceof NotFoundError) return [];
      throw error;
    }
  }
  return files;
}

/**
 * Hashes a file by reading it whole (`verify: false`: the SHA1 is what is being learnt).
 * @throws the provider's read errors, CancelledError
 */
export async function hashFile(provider: Provider, path: string, signal?: AbortSignal): Promise<string> {
  const handle = await provider.openRead(path, { signal, verify: false });
  const hashing = new HashingStream(undefined, { size: handle.size });
  const sink = new Writable({ write: (_chunk, _enc, done) => done() });
  await pipeline(handle.stream, hashing, sink, { signal });
  return hashing.digest();
}

/**
 * With `compare` = `sha1`, fills in the SHA1s the comparison needs and a listing lacks (local
 * files: B2 lists its own), one file at a time: see `namesToHash`. Changes `files` in place.
 */
export async function fillSha1s(
  mine: { side: SyncSide; files: TreeFile[] },
  theirs: readonly SyncEntry[],
  compare: CompareMode,
  signal?: AbortSignal,
): Promise<void> {
  if (compare !== 'sha1' || mine.side.provider.traits.kind !== 'local') return;
  const wanted = new Set(namesToHash(mine.files, theirs, 'source'));
  for (const file of mine.files) {
    if (wanted.has(file.rel)) file.sha1 = await hashFile(mine.side.provider, file.entry.path, signal);
  }
}
