/**
 * The local-disk Provider (node:fs). Paths are provider paths under `root` (default `/`, i.e.
 * real absolute paths). See ../types.ts for the contract each method follows.
 */
import { lstat, rmdir, unlink } from 'node:fs/promises';
import { makeDirs } from './atomic.js';
import { InvalidNameError } from '../errors.js';
import type { Provider, ProviderTraits, RemoveOptions } from '../types.js';
import { throwIfAborted } from '../stream-utils.js';
import { mapFsError } from './fs-errors.js';
import { makeResolver } from './disk-paths.js';
import { fileInTheWay } from './in-the-way.js';
import { listLocal, statLocal } from './list.js';
import { openLocal } from './read.js';
import { writeLocal } from './write.js';
import { copyLocal, moveLocal } from './copy-move.js';

/** Options for {@link createLocalProvider}. */
export interface LocalProviderOptions {
  /**
   * Disk folder that provider path `/` maps to (default `/`). A path mapping, not a security
   * boundary: symlinked folders inside it are followed by the OS when a path goes through them.
   */
  root?: string;
}

const traits: ProviderTraits = {
  kind: 'local',
  bucketBased: false,
  hashKinds: ['sha1'],
  emptyDirectories: true,
  scheme: '',
};

/**
 * Creates a directory and its missing parents; an existing folder (or link to one) is fine.
 * @throws AlreadyExistsError (a file has the name or is in the way), PermissionDeniedError,
 * InvalidNameError, NoSpaceError, CancelledError
 */
async function mkdirLocal(disk: string, path: string, signal?: AbortSignal): Promise<void> {
  throwIfAborted(signal, path);
  try {
    await makeDirs(disk);
  } catch (e) {
    throw (await fileInTheWay(e, { path, disk })) ?? mapFsError(e, path, 'create');
  }
}

/**
 * Removes one file, one symlink (the link itself) or one empty folder. Local storage has one
 * version per name, so `delete-version` and `all-versions` delete it like `default`; `hide` does
 * not exist locally and is a caller bug (RangeError).
 * @throws NotFoundError, NotEmptyError, PermissionDeniedError, InvalidNameError (the root),
 * TransientError, CancelledError
 */
async function removeLocal(disk: string, path: string, options: RemoveOptions = {}): Promise<void> {
  const mode = options.mode ?? 'default';
  switch (mode) {
    case 'default':
    case 'delete-version':
    case 'all-versions':
      break;
    case 'hide':
      throw new RangeError('The local disk cannot hide files; use the default remove mode.');
    default: {
      const never: never = mode;
      throw new RangeError(`Unknown remove mode ${String(never)}.`);
    }
  }
  throwIfAborted(options.signal, path);
  if (path === '/') throw new InvalidNameError('The root folder cannot be removed.', path);
  try {
    const st = await lstat(disk);
    if (st.isDirectory()) await rmdir(disk);
    else await unlink(disk);
  } catch (e) {
    throw mapFsError(e, path, 'remove');
  }
}

/**
 * Creates the local-disk provider: traits `{kind:'local', bucketBased:false, hashKinds:['sha1'],
 * emptyDirectories:true, scheme:''}`; optional features `copy` and `move` (no versions, unhide,
 * shareLink or resumable uploads). Every path is validated first: not absolute, NUL, or a `.`/`..`
 * segment → InvalidNameError.
 */
export function createLocalProvider(options: LocalProviderOptions = {}): Provider {
  const resolvePath = makeResolver(options.root ?? '/');
  return {
    traits,
    list: (path, opts) => listLocal(resolvePath(path), opts),
    stat: async (path, opts) => {
      const p = resolvePath(path);
      throwIfAborted(opts?.signal, p.path);
      return statLocal(p);
    },
    openRead: async (path, opts) => openLocal(resolvePath(path), opts),
    write: async (path, source, opts) => writeLocal(resolvePath(path), source, opts),
    mkdir: async (path, opts) => {
      const p = resolvePath(path);
      return mkdirLocal(p.disk, p.path, opts?.signal);
    },
    remove: async (path, opts) => {
      const p = resolvePath(path);
      return removeLocal(p.disk, p.path, opts);
    },
    copy: async (from, to, opts) => copyLocal(resolvePath(from), resolvePath(to), opts),
    move: async (from, to, opts) => moveLocal(resolvePath(from), resolvePath(to), opts),
  };
}
