/**
 * What `b2c ls` lists, as a stream of rows: a folder's entries sorted by name, each folder
 * followed by its own contents with `-r` (depth first, like `find`), or every version of each
 * file with `--versions`. Only one folder's listing is held in memory per level.
 */
import { NotFoundError } from '../providers/errors.js';
import type { Entry, Provider, VersionEntry } from '../providers/types.js';
import { isFolderEntry, statOrNull } from './cli-args-checks.js';

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

async function folderEntries(p: Provider, path: string, showHidden: boolean): Promise<Entry[]> {
  const all: Entry[] = [];
  for await (const page of p.list(path, { showHidden })) all.push(...page);
  return all.sort(byName);
}

async function* versionRows(p: Provider, path: string, rel: string): AsyncGenerator<ListedRow> {
  if (!p.versions) throw new NotFoundError(`"${path}" has no versions here.`, path);
  for await (const page of p.versions(path)) for (const v of page) yield { rel, entry: v };
}

async function* walkFolder(p: Provider, path: string, prefix: string, o: WalkOptions): AsyncGenerator<ListedRow> {
  for (const entry of await folderEntries(p, path, o.versions)) {
    const folder = isFolderEntry(entry);
    const rel = `${prefix}${entry.name}${folder ? '/' : ''}`;
    if (folder || !o.versions) yield { rel, entry };
    else yield* versionRows(p, entry.path, rel);
    if (folder && o.recursive) yield* walkFolder(p, entry.path, rel, o);
  }
}

/**
 * Lists `path` on `p`. A bucket root or the bucket list is listed directly; any other path is
 * `stat`ed first, so a file lists as itself. With `versions`, a path that is not a folder lists
 * its versions, even when its newest version is a hide marker.
 * @param isContainer the path is the B2 bucket list or a bucket root (no `stat` needed)
 * @throws NotFoundError when nothing has that name; the provider's listing errors
 */
export async function* walk(p: Provider, path: string, isContainer: boolean, o: WalkOptions): AsyncGenerator<ListedRow> {
  if (!isContainer) {
    const entry = await statOrNull(p, path);
    if (entry === null || !isFolderEntry(entry)) {
      if (o.versions) {
        yield* versionRows(p, path, entry?.name ?? path.slice(path.lastIndexOf('/') + 1));
        return;
      }
      if (entry === null) throw new NotFoundError(`"${path}" does not exist.`, path);
      yield { rel: entry.name, entry };
      return;
    }
  }
  yield* walkFolder(p, path, '', o);
}
