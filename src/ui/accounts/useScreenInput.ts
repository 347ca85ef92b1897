/**
 * The thin keyboard adapter of the accounts screens.
 *
 * DESIGN.md: exactly one component reads the keyboard. The accounts screens are pure state
 * machines whose key handling is a function `(state, ScreenKey) → action | null`
 * (wizardKeyAction, keysScreenKeyAction, profilesScreenKeyAction, inspectorKeyAction); their text
 * fields are edited in state too (state/wizard-text-field.ts), so no component of theirs reads
 * the keyboard. In the app, the single input owner builds the ScreenKey (`toScreenKeys`, ideally
 * with the raw sequence for F-keys) and calls that function for the screen on top; it must not
 * also mount this hook. This hook does the same for a screen running on its own (component tests,
 * a wizard before the app exists): containers take `active` and pass it here as `isActive`.
 *
 * Without the raw sequence, F-keys and Insert are not recognised (Ink blanks them), so every
 * accounts-screen command also has a letter key.
 */
import { useInput } from 'ink';
import { useRef } from 'react';
import { normaliseInkKey, type InkKeyLike } from '../../state/keymap-ink.js';
import { splitTypedInput, type ScreenKey } from '../../state/wizard-text-field.js';

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
 * Reads keys while `isActive`, maps each through `keyToAction` with the latest state and
 * dispatches the result (keys that map to null are ignored).
 */
export function useScreenInput<S, A>(
  state: S,
  dispatch: (action: A) => void,
  keyToAction: (state: S, key: ScreenKey) => A | null,
  options: { isActive?: boolean } = {},
): void {
  const latest = useRef(state);
  latest.current = state;
  useInput(
    (input, key) => {
      for (const k of toScreenKeys(input, key)) {
        const action = keyToAction(latest.current, k);
        if (action !== null) dispatch(action);
      }
    },
    { isActive: options.isActive ?? true },
  );
}
