/**
 * Text fields of the accounts screens (wizard, create-key form, profile rename), edited in pure
 * state rather than by ink-text-input.
 *
 * Why: ink-text-input subscribes to stdin per field in a passive effect. Right after Enter moves
 * the focus, the previous field's subscription is still live until React runs passive effects, so
 * keys typed or pasted in that gap went to the previous field — in a test, the secret key landed in
 * the visible key-ID field. Here every key goes through the screen's one key function and the
 * reducer applies the edit to whichever field has focus in the latest state: no gap, no stale
 * closure, and the app's single input owner can route text like any other key.
 * Pure.
 */

/**
 * One key press as the accounts screens read it: the canonical pattern (./keymap-patterns.ts;
 * null when the press is not one known key, e.g. pasted text) and the text it would type (Ink's
 * `input`: '' for named keys, the characters for printable keys and pastes).
 */
export interface ScreenKey {
  pattern: string | null;
  text: string;
}

/** A field's text and cursor (index in code points, 0 … length). */
export interface TextValue {
  text: string;
  cursor: number;
}

/** Editing operations on a field. */
export type TextEdit =
  | { type: 'insert'; text: string }
  | { type: 'backspace' }
  | { type: 'delete' }
  | { type: 'left' }
  | { type: 'right' }
  | { type: 'home' }
  | { type: 'end' }
  | { type: 'clear' };

// Control and format characters (C0, C1, DEL, bidi marks, …) and line/paragraph separators: no
// accounts field may contain them, and drawing them would let pasted text drive the terminal.
const CONTROLS = /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}]/gu;

/** `text` without control and format characters. */
export function stripControls(text: string): string {
  return text.replace(CONTROLS, '');
}

/** A value with the cursor at the end. */
export function textAtEnd(text: string): TextValue {
  return { text, cursor: [...text].length };
}

/** Applies `edit`; the cursor stays within the text. Inserted text loses control characters. */
export function applyTextEdit(value: TextValue, edit: TextEdit): TextValue {
  const chars = [...value.text];
  const cursor = Math.max(0, Math.min(chars.length, value.cursor));
  switch (edit.type) {
    case 'insert': {
      const add = [...stripControls(edit.text)];
      if (add.length === 0) return value;
      return { text: [...chars.slice(0, cursor), ...add, ...chars.slice(cursor)].join(''), cursor: cursor + add.length };
    }
    case 'backspace':
      return cursor === 0 ? value : { text: [...chars.slice(0, cursor - 1), ...chars.slice(cursor)].join(''), cursor: cursor - 1 };
    case 'delete':
      return cursor >= chars.length ? value : { text: [...chars.slice(0, cursor), ...chars.slice(cursor + 1)].join(''), cursor };
    case 'left':
      return { ...value, cursor: Math.max(0, cursor - 1) };
    case 'right':
      return { ...value, cursor: Math.min(chars.length, cursor + 1) };
    case 'home':
      return { ...value, cursor: 0 };
    case 'end':
      return { ...value, cursor: chars.length };
    case 'clear':
      return { text: '', cursor: 0 };
    default: {
      const unreachable: never = edit;
      return unreachable;
    }
  }
}

/**
 * The edit a key means inside a text field, or null (Enter, Tab, Esc, arrows up/down and other
 * commands are the screen's). Printable keys and pasted text insert; Backspace, Delete, ←/→,
 * Home/End (also Ctrl+A/Ctrl+E) move and erase; Ctrl+U clears the field.
 */
export function textEditForKey(key: ScreenKey): TextEdit | null {
  switch (key.pattern) {
    case 'backspace':
      return { type: 'backspace' };
    case 'delete':
      return { type: 'delete' };
    case 'left':
      return { type: 'left' };
    case 'right':
      return { type: 'right' };
    case 'home':
    case 'ctrl+a':
      return { type: 'home' };
    case 'end':
    case 'ctrl+e':
      return { type: 'end' };
    case 'ctrl+u':
      return { type: 'clear' };
    case 'space':
      return { type: 'insert', text: ' ' };
    case null:
    default:
      break;
  }
  const printable = key.pattern === null || [...key.pattern].length === 1;
  if (!printable || key.text === '') return null;
  const text = stripControls(key.text);
  return text === '' ? null : { type: 'insert', text };
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
