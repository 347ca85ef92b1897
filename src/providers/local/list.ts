/**
 * Local listing and stat. Listing streams the directory with fs.opendir, so a folder with
 * 100,000 entries yields its first page after reading one page of names, not all of them.
 * Everything is lstat'ed: a symlink is reported as a link (with its target), never followed.
 * b2c's own temporary files (temp-files.ts) are not listed: they are internal, half-written
 * copies that must never be shown, counted or uploaded as if they were the user's files.
 */
import { lstat, opendir, readlink } from 'node:fs/promises';
import type { Dirent, Stats } from 'node:fs';
import { posix } from 'node:path';
import type { Entry, EntryKind, ListOptions, SpecialFileKind } from '../types.js';
import { mapFsError } from './fs-errors.js';
import type { ResolvedPath } from './disk-paths.js';
import { throwIfAborted } from '../stream-utils.js';
import { isTempName } from './temp-files.js';

/** Default rows per page. */
export const DEFAULT_PAGE_SIZE = 1000;

/**
 * Kind of a directory entry. FIFOs, sockets and devices have no kind of their own in EntryKind;
 * they are listed as `file` with `special` saying what they are (openRead refuses them, transfers
 * skip them with that reason) rather than hidden from the user.
 */
function kindOf(s: Stats | Dirent): EntryKind {
  if (s.isSymbolicLink()) return 'symlink';
  if (s.isDirectory()) return 'dir';
  return 'file';
}

/** What a special file is, or undefined for regular files, folders and links. */
function specialKind(s: Stats | Dirent): SpecialFileKind | undefined {
  if (s.isFIFO()) return 'named pipe (FIFO)';
  if (s.isSocket()) return 'socket';
  if (s.isCharacterDevice()) return 'character device';
  if (s.isBlockDevice()) return 'block device';
  return undefined;
}

/** Builds an Entry from lstat results (reads the link target for symlinks). */
export async function entryFromStats(path: string, disk: string, s: Stats): Promise<Entry> {
  const kind = kindOf(s);
  const entry: Entry = {
    name: posix.basename(path),
    path,
    kind,
    size: kind === 'dir' ? 0 : s.size,
    mtimeMs: Math.floor(s.mtimeMs),
  };
  if (kind === 'symlink') {
    // A dangling or unreadable link is still a link; show what we can.
    entry.linkTarget = await readlink(disk).catch(() => '');
  }
  const special = specialKind(s);
  if (special !== undefined) entry.special = special;
  return entry;
}

/**
 * Describes one path without following a final symlink.
 * @throws NotFoundError, PermissionDeniedError, TransientError
 */
export async function statLocal(p: ResolvedPath): Promise<Entry> {
  try {
    return await entryFromStats(p.path, p.disk, await lstat(p.disk));
  } catch (e) {
    throw mapFsError(e, p.path, 'read');
  }
}

/**
 * One entry of a listing. An entry that vanished meanwhile is dropped (null); one that cannot be
 * lstat'ed (e.g. a folder with read but no search permission) is still listed, with what the
 * directory itself says about it, so one bad entry never aborts the listing.
 */
async function entryForDirent(dirPath: string, dirDisk: string, d: Dirent): Promise<Entry | null> {
  const path = dirPath === '/' ? `/${d.name}` : `${dirPath}/${d.name}`;
  const disk = posix.join(dirDisk, d.name);
  try {
    return await entryFromStats(path, disk, await lstat(disk));
  } catch (e) {
    if ((e as { code?: unknown }).code === 'ENOENT') return null;
    const entry: Entry = { name: d.name, path, kind: kindOf(d), size: 0, mtimeMs: null };
    if (entry.kind === 'symlink') entry.linkTarget = '';
    const special = specialKind(d);
    if (special !== undefined) entry.special = special;
    return entry;
  }
}

/**
 * Lists `p` page by page. An empty directory yields one empty page, so callers always see a
 * first page. Breaking out of the loop closes the directory handle.
 * @throws NotFoundError (missing, or not a directory), PermissionDeniedError, TransientError,
 * CancelledError (checked between entries)
 */
export async function* listLocal(p: ResolvedPath, options: ListOptions = {}): AsyncGenerator<Entry[]> {
  const { signal } = options;
  const startsWith = options.startsWith ?? '';
  const pageSize = Math.max(1, Math.floor(options.pageSize ?? DEFAULT_PAGE_SIZE));
  throwIfAborted(signal, p.path);
  let dir;
  try {
    dir = await opendir(p.disk, { bufferSize: Math.min(pageSize, 1024) });
  } catch (e) {
    throw mapFsError(e, p.path, 'read');
  }
  let pending: Dirent[] = [];
  let yielded = false;
  const flush = async (): Promise<Entry[]> => {
    // lstat a page concurrently: libuv's pool makes this several times faster than one by one.
    const rows = await Promise.all(pending.map((d) => entryForDirent(p.path, p.disk, d)));
    pending = [];
    return rows.filter((r): r is Entry => r !== null);
  };
  try {
    for await (const d of dir) {
      throwIfAborted(signal, p.path);
      if (isTempName(d.name) || !d.name.startsWith(startsWith)) continue;
      pending.push(d);
      if (pending.length >= pageSize) {
        const page = await flush();
        throwIfAborted(signal, p.path);
        yielded = true;
        yield page;
      }
    }
    const last = await flush();
    if (last.length > 0 || !yielded) yield last;
  } catch (e) {
    throw mapFsError(e, p.path, 'read');
  }
}
