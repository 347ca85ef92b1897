/**
 * Creates the store: in memory, or backed by `dataDir` (snapshot + journal + blobs, see
 * persistence.ts). Loads existing state, removes orphaned blobs, and applies master-key options.
 */
import { mkdir } from 'node:fs/promises';
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
}

/** Opens (and, with dataDir, loads) the store. */
export async function openStore(opts: { dataDir?: string; masterKeyId?: string; masterKey?: string }): Promise<OpenedStore> {
  const accountId = newAccountId();
  const meta = { accountId, masterKeyId: masterKeyIdFor(accountId), masterKey: newSecret(), nextSeq: 1 };
  let store: Store;
  let journal: FileJournal | undefined;
  let loaded = false;
  if (opts.dataDir) {
    await mkdir(opts.dataDir, { recursive: true });
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
  const changed = (opts.masterKeyId !== undefined && opts.masterKeyId !== store.meta.masterKeyId) || (opts.masterKey !== undefined && opts.masterKey !== store.meta.masterKey);
  if (changed || !loaded) {
    store.meta = {
      ...store.meta,
      masterKeyId: opts.masterKeyId ?? store.meta.masterKeyId,
      masterKey: opts.masterKey ?? store.meta.masterKey,
    };
    await store.commit({ t: 'meta', v: { ...store.meta } });
  }
  return { store, journal, loaded };
}
