/**
 * A minimal external store for React's `useSyncExternalStore(store.subscribe, store.getSnapshot)`.
 * `getSnapshot` returns the same object until `set` publishes a new one, as React requires. Its
 * functions need no `this`, so they can be handed on alone (`useStore` does). The one store
 * implementation: the TUI core's stores (src/tui) build on it too.
 */

export interface ReadableStore<T> {
  /** Registers `listener`, called after each publish; returns the unsubscribe function. */
  readonly subscribe: (listener: () => void) => () => void;
  /** The current snapshot (identical object between publishes). */
  readonly getSnapshot: () => T;
}

export interface WritableStore<T> extends ReadableStore<T> {
  /** Replaces the snapshot and notifies listeners. A listener that throws does not stop the others. */
  readonly set: (next: T) => void;
}

export function createStore<T>(initial: T): WritableStore<T> {
  let current = initial;
  const listeners = new Set<() => void>();
  return {
    subscribe(listener) {
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
      };
    },
    getSnapshot: () => current,
    set(next) {
      current = next;
      for (const l of [...listeners]) {
        try {
          l();
        } catch {
          // A broken subscriber must not stop the engine or the other subscribers.
        }
      }
    },
  };
}
