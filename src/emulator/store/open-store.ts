/**
 * Creates the store: in memory, or backed by `dataDir` (snapshot + journal + blobs, see
 * persistence.ts). Loads existing state, removes orphaned blobs, and applies master-key options.
 *
 * `dataDir` holds every key's secret in plain text, so it is private like b2c's config: the
 * folder (and `blobs/`) 0700, every file 0600. An existing folder or file that others could
 * read is tightened, and a notice says so.
 */
import { chmod, mkdir, readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { DiskBlobStore, MemoryBlobStore } from './blob-store.js';
import { masterKeyIdFor, newAccountId, newSecret } from './ids.js';
import { FileJournal } from './persistence.js';
import { Store } from './store.js';

/** The opened store plus what close() needs. */
export interface OpenedStore {
  store: Store;
  journal: FileJournal | undefined;
  /** True when state was loaded from dataDir. */
  loaded: boolean;
  /** What was changed to keep dataDir private (for the operator's log). */
  notices: string[];
}

/** Mode bits that give group or others any access. */
const NOT_PRIVATE = 0o077;

/**
 * Makes `dir` (created 0700 when missing) and its files private: the folder 0700, files 0600,
 * sub-folders (blobs/) recursively. Returns a notice per folder or file that had to change.
 */
export async function makePrivate(dir: string): Promise<string[]> {
  const notices: string[] = [];
  const existed = await stat(dir).catch(() => null);
  await mkdir(dir, { recursive: true, mode: 0o700 });
  const walk = async (path: string, isDir: boolean): Promise<void> => {
    const mode = (await stat(path)).mode & 0o777;
    const wanted = isDir ? 0o700 : 0o600;
    if ((mode & NOT_PRIVATE) !== 0 || (existed === null && path === dir)) {
      await chmod(path, wanted);
      if (existed !== null)
        notices.push(
          `${path} was open to others (mode ${mode.toString(8).padStart(3, '0')}); changed to ${wanted.toString(8)} because --data holds every key's secret.`,
        );
    }
    if (!isDir) return;
    for (const e of await readdir(path, { withFileTypes: true }))
      if (e.isDirectory() || e.isFile()) await walk(join(path, e.name), e.isDirectory());
  };
  await walk(dir, true);
  return notices;
}

/** Opens (and, with dataDir, loads) the store. */
export async function openStore(opts: {
  dataDir?: string;
  masterKeyId?: string;
  masterKey?: string;
}): Promise<OpenedStore> {
  const accountId = newAccountId();
  const meta = { accountId, masterKeyId: masterKeyIdFor(accountId), masterKey: newSecret(), nextSeq: 1 };
  let store: Store;
  let journal: FileJournal | undefined;
  let loaded = false;
  let notices: string[] = [];
  if (opts.dataDir) {
    notices = await makePrivate(opts.dataDir);
    const blobs = new DiskBlobStore(join(opts.dataDir, 'blobs'));
    await blobs.init();
    store = new Store(meta, blobs);
    journal = new FileJournal(opts.dataDir, store);
    loaded = await journal.load();
    store.journal = journal;
    // Blobs written before a crash but never committed are orphans: drop them.
    for (const id of await blobs.listIds()) if (!store.isBlobReferenced(id)) await blobs.delete(id);
  } else {
    store = new Store(meta, new MemoryBlobStore());
  }
  const changed =
    (opts.masterKeyId !== undefined && opts.masterKeyId !== store.meta.masterKeyId) ||
    (opts.masterKey !== undefined && opts.masterKey !== store.meta.masterKey);
  if (changed || !loaded) {
    store.meta = {
      ...store.meta,
      masterKeyId: opts.masterKeyId ?? store.meta.masterKeyId,
      masterKey: opts.masterKey ?? store.meta.masterKey,
    };
    await store.commit({ t: 'meta', v: { ...store.meta } });
  }
  return { store, journal, loaded, notices };
}
