/**
 * The TUI state's external store: plain TypeScript outside React, so the keyboard controller,
 * the listing loader and the operations can dispatch without going through components, and React
 * reads it with `useSyncExternalStore(store.subscribe, store.getSnapshot)`.
 */
import { useSyncExternalStore } from 'react';
import { createTuiState, tuiReducer, type TuiAction, type TuiState } from './tui-state.js';
import type { AppState } from '../../state/app/app-state.js';

export interface TuiStore {
  getSnapshot: () => TuiState;
  /** Registers `listener` (called after each change); returns the unsubscribe function. */
  subscribe: (listener: () => void) => () => void;
  /** Applies `action` through `tuiReducer`; listeners run only when the state changed. */
  dispatch: (action: TuiAction) => void;
}

/** A store starting at `initial` (an AppState is wrapped with `createTuiState`). */
export function createTuiStore(initial: TuiState | AppState): TuiStore {
  let state: TuiState = 'app' in initial ? initial : createTuiState(initial);
  const listeners = new Set<() => void>();
  return {
    getSnapshot: () => state,
    subscribe(listener) {
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
      };
    },
    dispatch(action) {
      const next = tuiReducer(state, action);
      if (next === state) return;
      state = next;
      for (const l of [...listeners]) l();
    },
  };
}

/** The current TUI state, re-rendering the component when it changes. */
export function useTuiState(store: TuiStore): TuiState {
  return useSyncExternalStore(store.subscribe, store.getSnapshot);
}
