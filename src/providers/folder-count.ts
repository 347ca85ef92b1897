/**
 * Counting a folder's files and bytes at any depth (the TUI's Ctrl+Space and z, rclone ncdu's
 * view): on B2 one flat listing of the prefix (docs/b2-api.md §4.2), with `versions` every
 * finished version (what B2 bills); locally a walk of the folders, dotfiles included (as du).
 */
import { findWalk } from './find-walk.js';
import { throwIfAborted } from './stream-utils.js';
import type { Provider } from './types.js';
import type { FolderCount } from '../state/model/entry.js';

/**
 * Counts what is under `folder` (a provider folder path, a bucket root included).
 * @param progress told after every page with the counts so far
 * @throws NotFoundError, PermissionDeniedError, TransientError, CancelledError, WalkLimitError
 */
export async function countFolder(
  p: Provider,
  folder: string,
  o: { versions: boolean; signal?: AbortSignal; progress?: (c: FolderCount) => void },
): Promise<FolderCount> {
  const count: FolderCount = { files: 0, bytes: 0, versions: o.versions };
  const add = (sizes: readonly number[]): void => {
    count.files += sizes.length;
    for (const s of sizes) count.bytes += s;
    o.progress?.({ ...count });
  };
  if (p.traits.kind === 'b2') {
    const options = { flat: true, showHidden: o.versions, allVersions: o.versions, signal: o.signal };
    for await (const page of p.list(folder, options)) {
      throwIfAborted(o.signal);
      add(page.filter((e) => e.kind === 'file' && e.hidden !== true).map((e) => e.size));
    }
    return count;
  }
  for await (const page of findWalk(p, folder, { showHidden: true, signal: o.signal }))
    add(page.filter((f) => f.entry.kind === 'file').map((f) => f.entry.size));
  return count;
}
