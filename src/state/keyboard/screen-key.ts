/**
 * Key presses as the accounts screens (wizard, keys, profiles, inspector) read them, and what a
 * press means in one of their text fields. The editing itself is ./line-edit.ts, shared with the
 * panes' prompts.
 *
 * Why the accounts' fields are edited in state rather than by ink-text-input: ink-text-input
 * subscribes to stdin per field in a passive effect. Right after Enter moves the focus, the
 * previous field's subscription is still live until React runs passive effects, so keys typed or
 * pasted in that gap went to the previous field — in a test, the secret key landed in the visible
 * key-ID field. Here every key goes through the screen's one key function and the reducer applies
 * the edit to whichever field has focus in the latest state: no gap, no stale closure, and the
 * app's single input owner can route text like any other key.
 * Pure.
 */
import { lineEditForKey, type LineEdit } from './line-edit.js';

/**
 * One key press as the accounts screens read it: the canonical pattern (./key-patterns.ts;
 * null when the press is not one known key, e.g. pasted text) and the text it would type (Ink's
 * `input`: '' for named keys, the characters for printable keys and pastes).
 */
export interface ScreenKey {
  pattern: string | null;
  text: string;
}

/**
 * The edit `key` means inside a text field, or null (see `lineEditForKey`). Screens first look the
 * key up in their keymap context; only keys bound to nothing there reach this.
 */
export function textEditForKey(key: ScreenKey): LineEdit | null {
  return lineEditForKey(key.pattern, key.text);
}

/**
 * Splits what one read of the terminal delivered into key presses: text with line breaks (a paste,
 * or keys batched over a slow SSH link: `abc\r`) becomes the text pieces with an Enter between
 * them. Input without line breaks is returned as it is.
 */
export function splitTypedInput(key: ScreenKey): ScreenKey[] {
  if (key.pattern !== null || !/[\r\n]/.test(key.text)) return [key];
  const out: ScreenKey[] = [];
  const parts = key.text.split(/\r\n|\r|\n/);
  parts.forEach((part, i) => {
    if (part !== '') out.push({ pattern: part === ' ' ? 'space' : [...part].length === 1 ? part : null, text: part });
    if (i < parts.length - 1) out.push({ pattern: 'enter', text: '' });
  });
  return out;
}
