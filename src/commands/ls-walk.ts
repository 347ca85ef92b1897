/**
 * What `b2c ls` lists, as a stream of rows: a folder's entries sorted by name, each folder
 * followed by its own contents with `-r` (depth first, like `find`), or every version of each
 * file with `--versions`. Only one folder's listing is held in memory per level, the walk keeps
 * its own stack (no recursion), and a WalkGuard stops it should a folder ever come back.
 */
import { NotFoundError } from '../providers/errors.js';
import { WalkGuard } from '../providers/walk-guard.js';
import type { Entry, Provider, VersionEntry } from '../providers/types.js';
import { isFolderEntry, statOrNull } from './location-checks.js';

/** One listed row; `rel` is the name relative to the listed location (`a/b.txt`, `dir/`). */
export interface ListedRow {
  rel: string;
  entry: Entry | VersionEntry;
}

/** How to walk. */
export interface WalkOptions {
  recursive: boolean;
  versions: boolean;
}

function byName(a: Entry, b: Entry): number {
  return a.name < b.name ? -1 : a.name > b.name ? 1 : 0;
}

/**
 * The entries of folder `path`, by name. With `versions`, every name that has versions: hidden
 * names and names with only unfinished large files too (their versions are what is listed).
 */
export async function folderEntries(p: Provider, path: string, versions: boolean): Promise<Entry[]> {
  const all: Entry[] = [];
  for await (const page of p.list(path, { showHidden: versions, unfinished: versions })) all.push(...page);
  return all.sort(byName);
}

async function* versionRows(p: Provider, path: string, rel: string): AsyncGenerator<ListedRow> {
  if (!p.versions) throw new NotFoundError(`"${path}" has no versions here.`, path);
  for await (const page of p.versions(path)) for (const v of page) yield { rel, entry: v };
}

/** One folder being walked: its sorted entries, the next one, and the names' prefix. */
interface Level {
  entries: Entry[];
  next: number;
  prefix: string;
  depth: number;
}

/**
 * Rows of the folder `path` and, with `recursive`, of every folder below it, depth first. Names
 * are exact: a folder with an empty name inside `dir/` shows as `dir//`, the object `endslash/`
 * inside the folder `endslash/` as `endslash/`.
 */
async function* walkFolder(p: Provider, path: string, o: WalkOptions): AsyncGenerator<ListedRow> {
  const guard = new WalkGuard();
  guard.enter(path, 0);
  const stack: Level[] = [{ entries: await folderEntries(p, path, o.versions), next: 0, prefix: '', depth: 0 }];
  while (stack.length > 0) {
    const level = stack[stack.length - 1] as Level;
    const entry = level.entries[level.next++];
    if (entry === undefined) {
      stack.pop();
      continue;
    }
    const folder = isFolderEntry(entry);
    const rel = `${level.prefix}${entry.name}${folder ? '/' : ''}`;
    if (folder || !o.versions) yield { rel, entry };
    else yield* versionRows(p, entry.path, rel);
    if (folder && o.recursive) {
      guard.enter(entry.path, level.depth + 1);
      stack.push({
        entries: await folderEntries(p, entry.path, o.versions),
        next: 0,
        prefix: rel,
        depth: level.depth + 1,
      });
    }
  }
}

/**
 * Lists `path` on `p`. A bucket root, the bucket list and a path meant as a folder are listed
 * directly; any other path is `stat`ed first, so a file lists as itself. With `versions`, a path
 * that is not a folder lists its versions, even when its newest version is a hide marker, and a
 * folder whose names are all hidden lists them.
 * @param asFolder the path is the B2 bucket list, a bucket root, or was written as a folder (a
 *   B2 URL ending in `/`): no `stat`
 * @throws NotFoundError when nothing has that name; WalkLimitError; the provider's listing errors
 */
export async function* walk(p: Provider, path: string, asFolder: boolean, o: WalkOptions): AsyncGenerator<ListedRow> {
  if (!asFolder) {
    const entry = await statOrNull(p, path);
    if (entry === null || !isFolderEntry(entry)) {
      if (o.versions) {
        yield* versionsOrHiddenFolder(p, path, entry, o);
        return;
      }
      if (entry === null) throw new NotFoundError(`"${path}" does not exist.`, path);
      yield { rel: entry.name, entry };
      return;
    }
  }
  yield* walkFolder(p, path, o);
}

/**
 * `--versions` of a path that `stat` did not find as a folder: the versions of the name, else the
 * folder it names listed with hidden names (b2_list_file_names does not see a folder whose names
 * are all hidden, so `stat` misses it).
 */
async function* versionsOrHiddenFolder(
  p: Provider,
  path: string,
  entry: Entry | null,
  o: WalkOptions,
): AsyncGenerator<ListedRow> {
  const rel = entry?.name ?? path.slice(path.lastIndexOf('/') + 1);
  try {
    yield* versionRows(p, path, rel);
    return;
  } catch (error) {
    if (!(error instanceof NotFoundError) || entry !== null) throw error;
  }
  yield* walkFolder(p, path, o);
}
