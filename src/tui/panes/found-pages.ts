/**
 * The rows of a search (find, "panelized" as in mc): the files under a folder that match, page by
 * page, each named by its path relative to the folder so the pane can tell `a/x.log` from
 * `b/x.log`, while `path` stays the full path every operation acts on.
 */
import { findWalk } from '../../providers/find-walk.js';
import type { Provider } from '../../providers/types.js';
import { findMatcher, type FindSearch } from '../../state/find/find-criteria.js';
import type { Entry } from '../../state/model/entry.js';

/** How far a search is: files looked at and files that matched. */
export interface FindProgress {
  scanned: number;
  found: number;
}

/**
 * Pages of the files under `folder` (a provider path) that match `search`.
 * @param progress told after every page
 * @throws what {@link findWalk} throws
 */
export async function* foundPages(
  p: Provider,
  folder: string,
  search: FindSearch,
  signal: AbortSignal,
  progress: (p: FindProgress) => void,
): AsyncGenerator<Entry[]> {
  const matches = findMatcher(search.criteria);
  const counts: FindProgress = { scanned: 0, found: 0 };
  for await (const page of findWalk(p, folder, { signal, showHidden: search.includeHidden })) {
    const hits = page.filter((f) => matches(f.entry)).map((f) => ({ ...f.entry, name: f.rel }));
    counts.scanned += page.length;
    counts.found += hits.length;
    progress({ ...counts });
    yield hits;
  }
}
