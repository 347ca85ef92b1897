/**
 * The TUI state's external store: plain TypeScript outside React, so the keyboard controller,
 * the listing loader and the operations can dispatch without going through components; the UI
 * reads it with `useStore` (src/ui/useStore.ts). Built on the one store of src/transfers/store.ts.
 */
import { createStore, type ReadableStore } from '../../transfers/store.js';
import type { AppState } from '../../state/app/app-state.js';
import { createTuiState, tuiReducer, type TuiAction, type TuiState } from './tui-state.js';

export interface TuiStore extends ReadableStore<TuiState> {
  /** Applies `action` through `tuiReducer`; listeners run only when the state changed. */
  dispatch: (action: TuiAction) => void;
}

/** A store starting at `initial` (an AppState is wrapped with `createTuiState`). */
export function createTuiStore(initial: TuiState | AppState): TuiStore {
  const store = createStore<TuiState>('app' in initial ? initial : createTuiState(initial));
  return {
    getSnapshot: store.getSnapshot,
    subscribe: store.subscribe,
    dispatch(action) {
      const state = store.getSnapshot();
      const next = tuiReducer(state, action);
      if (next !== state) store.set(next);
    },
  };
}
