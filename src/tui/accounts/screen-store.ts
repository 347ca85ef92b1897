/**
 * The accounts screens' stores: plain TypeScript outside React, like the listing loader. Each
 * holds one screen's pure state (src/state/accounts), takes key presses from the one keyboard
 * path (`handleKey`, called by the controller), and runs the effects the state asks for (a
 * request id appearing in the state) when it changes — no effect chains in components.
 */
import type { Keymap } from '../../state/keyboard/keymap.js';
import type { ScreenKey } from '../../state/keyboard/screen-key.js';
import { createStore, type ReadableStore, type WritableStore } from '../../transfers/store.js';

/** A screen the keyboard can drive. */
export interface KeyedScreen {
  /** One key press, looked up in `keymap` (the app's, user overrides applied). */
  handleKey(key: ScreenKey, keymap: Keymap): void;
  /** Stops every effect in flight (the screen is gone); answers after this are dropped. */
  dispose(): void;
}

/** A screen's state, its reducer and its key function, with effects on each change. */
export abstract class ScreenStore<S, A> implements ReadableStore<S>, KeyedScreen {
  private readonly store: WritableStore<S>;
  /** Aborted by `dispose`: effects pass it on and drop their answers once it fired. */
  protected readonly alive = new AbortController();

  protected constructor(
    initial: S,
    private readonly reducer: (state: S, action: A) => S,
    private readonly keyAction: (state: S, key: ScreenKey, keymap: Keymap) => A | null,
  ) {
    this.store = createStore<S>(initial);
  }

  readonly subscribe = (listener: () => void): (() => void) => this.store.subscribe(listener);

  readonly getSnapshot = (): S => this.store.getSnapshot();

  /** Applies `action`, then runs the effects the new state asks for. */
  readonly dispatch = (action: A): void => {
    if (this.alive.signal.aborted) return;
    const before = this.store.getSnapshot();
    const after = this.reducer(before, action);
    if (after === before) return;
    this.store.set(after);
    this.changed(before, after);
  };

  handleKey(key: ScreenKey, keymap: Keymap): void {
    const action = this.keyAction(this.store.getSnapshot(), key, keymap);
    if (action !== null) this.dispatch(action);
  }

  dispose(): void {
    this.alive.abort();
  }

  /** Starts what the state asks for; `before` is the state the action was applied to. */
  protected abstract changed(before: S, after: S): void;
}
