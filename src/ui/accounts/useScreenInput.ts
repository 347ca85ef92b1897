/**
 * The thin keyboard adapter of the accounts screens.
 *
 * DESIGN.md: exactly one component reads the keyboard. The accounts screens are pure state
 * machines whose key handling is a function `(state, ScreenKey, keymap) → action | null`
 * (wizardKeyAction, keysScreenKeyAction, profilesScreenKeyAction, inspectorKeyAction); their text
 * fields are edited in state too (state/line-edit.ts), so no component of theirs reads
 * the keyboard. In the app, the single input owner builds the ScreenKey (`toScreenKeys`, ideally
 * with the raw sequence for F-keys) and calls that function for the screen on top; it must not
 * also mount this hook. This hook does the same for a screen running on its own (component tests,
 * a wizard before the app exists): containers take `active` and pass it here as `isActive`.
 *
 * Without the raw sequence, F-keys and Insert are not recognised (Ink blanks them), so every
 * accounts-screen command also has a letter key.
 */
import { useInput } from 'ink';
import { useRef, type MutableRefObject } from 'react';
import { DEFAULT_KEYMAP, type Keymap } from '../../state/keyboard/keymap.js';
import { normaliseInkKey, type InkKeyLike } from '../../state/keyboard/key-decoder.js';
import { splitTypedInput, type ScreenKey } from '../../state/keyboard/screen-key.js';

/**
 * One Ink `useInput` call as the key presses the screens understand: the canonical pattern plus
 * the typed text, with line breaks inside typed or pasted text split out as Enter presses.
 * @param raw the raw terminal sequence, when the caller has it (see keymap-ink.ts)
 */
export function toScreenKeys(input: string, key: InkKeyLike, raw?: string): ScreenKey[] {
  const pattern = normaliseInkKey(input, key, raw);
  const named = key.upArrow || key.downArrow || key.leftArrow || key.rightArrow || key.pageUp || key.pageDown || key.home || key.end || key.return || key.escape || key.tab || key.backspace || key.delete || key.ctrl || key.meta;
  return splitTypedInput({ pattern, text: named ? '' : input });
}

/**
 * Where a nested screen publishes its key handler for the screen that reads the keyboard. The
 * caller hands over the keymap to look keys up in: the app passes its own (user overrides
 * applied), so the accounts screens obey the same overrides as the panes.
 */
export type KeyRoute = MutableRefObject<((key: ScreenKey, keymap: Keymap) => void) | null>;

/**
 * Reads keys while `isActive` and hands each to the latest `onKey` (kept in a ref: a key that
 * arrives before React re-subscribes after a render still reaches the current handler), with
 * `keymap` (default: the built-in one) to look it up in.
 */
export function useKeyReader(onKey: (key: ScreenKey, keymap: Keymap) => void, isActive: boolean, keymap: Keymap = DEFAULT_KEYMAP): void {
  const handler = useRef(onKey);
  handler.current = onKey;
  const map = useRef(keymap);
  map.current = keymap;
  useInput(
    (input, key) => {
      for (const k of toScreenKeys(input, key)) handler.current(k, map.current);
    },
    { isActive },
  );
}

/**
 * Maps each key through `keyToAction` with the latest state and the keymap (from the route's
 * caller, else `options.keymap`, else the built-in one) and dispatches the result (keys that map
 * to null are ignored). With `route`, the screen does not read the keyboard itself: it puts
 * its handler into `route` during render (so the parent that reads keys can never send one to a
 * screen that is not there yet) and the parent calls it.
 */
export function useScreenInput<S, A>(
  state: S,
  dispatch: (action: A) => void,
  keyToAction: (state: S, key: ScreenKey, keymap: Keymap) => A | null,
  options: { isActive?: boolean; route?: KeyRoute; keymap?: Keymap } = {},
): void {
  const latest = useRef(state);
  latest.current = state;
  const handle = (k: ScreenKey, keymap: Keymap): void => {
    const action = keyToAction(latest.current, k, keymap);
    if (action !== null) dispatch(action);
  };
  if (options.route !== undefined) options.route.current = handle;
  useKeyReader(handle, (options.isActive ?? true) && options.route === undefined, options.keymap);
}
