/**
 * Directory listings inside a bucket: b2_list_file_names with `delimiter:"/"` (folder rows become
 * `dir` entries), 1000 rows per call by default, `nextFileName` passed back untouched (it is opaque:
 * it may not be a real name, docs/b2-api.md §7). `.bzEmpty` placeholders are never shown; they only make
 * their folder exist. With `showHidden`, b2_list_file_versions is used instead and a name whose
 * newest version is a hide marker appears with `hidden: true`; with `unfinished` as well, a name
 * that has only unfinished large files (action `start`, which that call lists too) appears with
 * `unfinished: true`.
 *
 * A name-prefix-restricted key may only list prefixes that start with its prefix (docs/b2-api.md §2.3),
 * so listing a folder *above* that prefix does not ask B2 for the folder itself (that would be
 * 401): see `planListing`.
 */
import { NotFoundError } from '../errors.js';
import type { Entry, ListOptions } from '../types.js';
import type { BucketRef } from './buckets.js';
import { splitName } from '../paths.js';
import { FOLDER_PLACEHOLDER, entryFromFile } from './entries.js';
import type { B2Session } from './session.js';
import type { WireFile, WireListFiles } from './wire-types.js';

/** How to list folder prefix `dir` ("" = bucket root, else ending in "/") for a key prefix. */
export type ListingPlan = { kind: 'list'; prefix: string } | { kind: 'synthetic'; child: string };

/**
 * - no key prefix, or `dir` inside it: list `dir`;
 * - `dir` above the key prefix and the rest of the prefix spans a `/`: the only visible child is
 *   the next folder on the way down, shown without a call;
 * - `dir` above the key prefix that ends inside `dir`'s own level (e.g. "photos/20"): list with
 *   the key prefix itself; every row is still a direct child of `dir`;
 * - otherwise list `dir` and let B2 refuse (mapped to PermissionDeniedError `prefix:…`).
 */
export function planListing(dir: string, keyPrefix: string | null): ListingPlan {
  if (keyPrefix === null || dir.startsWith(keyPrefix) || !keyPrefix.startsWith(dir))
    return { kind: 'list', prefix: dir };
  const rest = keyPrefix.slice(dir.length);
  const slash = rest.indexOf('/');
  return slash >= 0 ? { kind: 'synthetic', child: rest.slice(0, slash) } : { kind: 'list', prefix: keyPrefix };
}

function isPlaceholder(f: WireFile): boolean {
  return f.action !== 'folder' && splitName(f.fileName).name === FOLDER_PLACEHOLDER;
}

/** `/` for a folder listing; none for a flat one (every name under the prefix). */
function delimiterOf(options: ListOptions | undefined): string | undefined {
  return options?.flat === true ? undefined : '/';
}

function pageSizeOf(options: ListOptions | undefined): number {
  return Math.min(10_000, Math.max(1, Math.floor(options?.pageSize ?? 1000)));
}

/**
 * Lists folder `dir` of `bucket` (its exact prefix: `''` or ending in `/`) page by page.
 * @throws NotFoundError (a folder with no names under it), PermissionDeniedError, TransientError,
 * CancelledError
 */
export async function* listFolder(
  session: B2Session,
  bucket: BucketRef,
  dir: string,
  path: string,
  options?: ListOptions,
): AsyncGenerator<Entry[]> {
  const keyPrefix = session.keyInfo.namePrefix;
  let plan = planListing(dir, keyPrefix);
  // A flat listing above a key's prefix asks for the key's prefix itself: all it may see.
  if (plan.kind === 'synthetic' && options?.flat === true && keyPrefix !== null)
    plan = { kind: 'list', prefix: keyPrefix };
  const startsWith = options?.startsWith ?? '';
  if (plan.kind === 'synthetic') {
    if (!plan.child.startsWith(startsWith)) {
      yield [];
      return;
    }
    yield [
      {
        name: plan.child,
        path: `/${bucket.name}/${dir}${plan.child}/`,
        kind: 'dir',
        size: 0,
        mtimeMs: null,
        bucketId: bucket.id,
        bucketType: bucket.type,
      },
    ];
    return;
  }
  // The names of `dir` that begin with `startsWith` are those under `dir + startsWith`; with a key
  // prefix ending inside this level, the longer of the two, when one begins with the other.
  let prefix = plan.prefix;
  if (startsWith !== '') {
    const wanted = dir + startsWith;
    if (wanted.startsWith(prefix)) prefix = wanted;
    else if (!prefix.startsWith(wanted)) {
      yield [];
      return;
    }
  }
  const pages =
    options?.showHidden === true
      ? versionPages(session, bucket, prefix, path, options)
      : namePages(session, bucket, prefix, path, options);
  let first = true;
  for await (const { rows, entries, done } of pages) {
    if (first && rows === 0 && dir !== '' && prefix === dir) throw new NotFoundError(`"${path}" does not exist.`, path);
    if (entries.length > 0 || (first && done)) yield entries;
    first = false;
  }
}

/**
 * A pending name after its next older version `f`: a hidden name takes its newest real version's
 * facts; an unfinished one becomes that finished version (or a hidden name, behind a marker).
 * Returns what still waits, or null.
 */
function settled(p: PendingName, f: WireFile, bucket: BucketRef): PendingName | null {
  if (f.action === 'start') return p;
  if (p.waiting === 'hidden') {
    if (f.action === 'upload') Object.assign(p.entry, entryFromFile(bucket.name, f, bucket), { hidden: true });
    return f.action === 'upload' ? null : p;
  }
  delete p.entry.unfinished;
  Object.assign(p.entry, entryFromFile(bucket.name, f, bucket));
  if (f.action !== 'hide') return null;
  Object.assign(p.entry, { hidden: true, size: 0 });
  return { entry: p.entry, waiting: 'hidden' };
}

interface Page {
  rows: number;
  entries: Entry[];
  done: boolean;
}

async function* namePages(
  session: B2Session,
  bucket: BucketRef,
  prefix: string,
  path: string,
  options?: ListOptions,
): AsyncGenerator<Page> {
  let start: string | null = null;
  do {
    const startFileName = start ?? undefined;
    const data: WireListFiles = await session.lib<WireListFiles>(
      {
        op: 'b2_list_file_names',
        path,
        bucket: bucket.name,
        fileName: prefix,
        capability: 'listFiles',
        action: 'Listing',
      },
      options?.signal,
      (c, x) =>
        c.listFileNames({
          bucketId: bucket.id,
          prefix,
          delimiter: delimiterOf(options),
          maxFileCount: pageSizeOf(options),
          startFileName,
          ...x,
        }),
    );
    start = data.nextFileName;
    const entries = data.files.filter((f) => !isPlaceholder(f)).map((f) => entryFromFile(bucket.name, f, bucket));
    yield { rows: data.files.length, entries, done: start === null };
  } while (start !== null);
}

/**
 * A name shown before all its versions were seen: hidden (its newest version is a hide marker;
 * filled with its newest real version) or unfinished (only an unfinished large file so far; an
 * older finished version replaces it).
 */
interface PendingName {
  entry: Entry;
  waiting: 'hidden' | 'unfinished';
}

async function* versionPages(
  session: B2Session,
  bucket: BucketRef,
  prefix: string,
  path: string,
  options?: ListOptions,
): AsyncGenerator<Page> {
  let start: { name: string; id: string | undefined } | null = null;
  let lastName: string | null = null;
  let pending: PendingName | null = null;
  const unfinished = options?.unfinished === true;
  do {
    const cursor: { name: string; id: string | undefined } | null = start;
    const data: WireListFiles = await session.lib<WireListFiles>(
      {
        op: 'b2_list_file_versions',
        path,
        bucket: bucket.name,
        fileName: prefix,
        capability: 'listFiles',
        action: 'Listing',
      },
      options?.signal,
      (c, x) =>
        c.listFileVersions({
          bucketId: bucket.id,
          maxFileCount: pageSizeOf(options),
          startFileName: cursor?.name,
          startFileId: cursor?.id,
          ...x,
          // backblaze-b2 1.7.1 does not forward prefix/delimiter for this call; merge them in.
          axiosOverride: { data: { prefix, delimiter: delimiterOf(options) } },
        }),
    );
    start = data.nextFileName === null ? null : { name: data.nextFileName, id: data.nextFileId ?? undefined };
    const entries: Entry[] = [];
    for (const f of data.files) {
      if (options?.allVersions === true) {
        if (f.action === 'upload' && !isPlaceholder(f)) entries.push(entryFromFile(bucket.name, f, bucket));
        continue;
      }
      if ((f.action === 'start' && !unfinished) || isPlaceholder(f)) continue;
      if (f.fileName === lastName) {
        // An older version of the name just shown.
        pending = pending === null ? null : settled(pending, f, bucket);
        continue;
      }
      lastName = f.fileName;
      const entry = entryFromFile(bucket.name, f, bucket);
      pending = null;
      if (f.action === 'hide') {
        Object.assign(entry, { hidden: true, size: 0 });
        pending = { entry, waiting: 'hidden' };
      } else if (f.action === 'start') {
        Object.assign(entry, { unfinished: true, size: 0 });
        pending = { entry, waiting: 'unfinished' };
      }
      entries.push(entry);
    }
    // Never patch an entry after its page was handed out.
    pending = null;
    yield { rows: data.files.length, entries, done: start === null };
  } while (start !== null);
}
