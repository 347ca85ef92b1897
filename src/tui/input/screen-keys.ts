/**
 * Key presses in the form the accounts screens read (`ScreenKey`: canonical pattern plus typed
 * text), from the keyboard owner's events. Line breaks inside pasted text become Enter presses
 * (splitTypedInput), as the accounts layer expects.
 */
import { parseRawKey } from '../../state/keyboard/key-decoder.js';
import { splitTypedInput, type ScreenKey } from '../../state/keyboard/screen-key.js';
import type { Keymap } from '../../state/keyboard/keymap.js';
import type { KeyedScreen } from '../accounts/screen-store.js';
import { splitInput, type KeyEvent } from './key-events.js';
import { CONTROL_CHAR } from '../../state/text/sanitize.js';

/**
 * Hands one raw input event to an accounts screen, key by key: the one keyboard path of every
 * screen (the controller calls it while a screen is on top; so does a screen running alone).
 * A screen takes typed text too (its fields are edited in state), so printable runs stay whole.
 */
export function feedScreen(screen: KeyedScreen, raw: string, keymap: Keymap): void {
  for (const ev of splitInput(raw, true)) for (const k of screenKeys(ev)) screen.handleKey(k, keymap);
}

/** The ScreenKeys of one key event. */
export function screenKeys(ev: KeyEvent): ScreenKey[] {
  if (ev.kind === 'text')
    return splitTypedInput({ pattern: [...ev.text].length === 1 ? parseRawKey(ev.text) : null, text: ev.text });
  const printable = !ev.raw.startsWith('\x1b') && !CONTROL_CHAR.test(ev.raw);
  return [{ pattern: parseRawKey(ev.raw), text: printable ? ev.raw : '' }];
}
