/**
 * The one way components read the TUI core's stores (the TUI state, the provider registry's
 * connections, the transfer queue, the accounts screens): `useSyncExternalStore`, re-rendering
 * when the store publishes a new snapshot.
 */
import { useSyncExternalStore } from 'react';
import type { ReadableStore } from '../transfers/store.js';

/** The store's current snapshot, re-rendering the component when it changes. */
export function useStore<T>(store: ReadableStore<T>): T {
  return useSyncExternalStore(store.subscribe, store.getSnapshot);
}
