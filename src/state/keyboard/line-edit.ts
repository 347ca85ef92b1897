/**
 * One-line text editing, as pure functions: every text field of b2c — the panes' prompts (filter,
 * rename, mkdir, masks, the location picker) and the accounts screens' fields (wizard, create-key
 * form, profile and key names) — is a `LineState` edited here, so the single keyboard owner drives
 * text like any other key and no leaf component reads input (ARCHITECTURE.md, "Keypress flow", steps 1–2).
 *
 * The cursor counts code points, so an emoji or a CJK character is never split.
 */

/** A text field's content and cursor (0 … number of code points). */
export interface LineState {
  text: string;
  cursor: number;
}

/** One editing step. */
export type LineEdit =
  | { type: 'insert'; text: string }
  | { type: 'backspace' }
  | { type: 'delete' }
  | { type: 'left' }
  | { type: 'right' }
  | { type: 'home' }
  | { type: 'end' }
  /** Ctrl+U: delete everything before the cursor. */
  | { type: 'killBefore' }
  /** Ctrl+W: delete the word before the cursor (words end at spaces and `/`). */
  | { type: 'killWord' }
  /** Empty the field. */
  | { type: 'clear' };

// Control characters (C0, DEL, C1), line/paragraph separators and the bidi controls (which can
// make a name display as something else): no field may contain them, and drawing them would let
// pasted text drive the terminal. Other format characters (ZWJ in emoji sequences) are kept.
const CONTROLS = /[\p{Cc}\p{Zl}\p{Zp}\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/gu;

/** `text` without control characters, line separators and bidi controls. */
export function stripControls(text: string): string {
  return text.replace(CONTROLS, '');
}

/** A field holding `text` with the cursor at its end. */
export function lineOf(text: string): LineState {
  return { text, cursor: [...text].length };
}

function join(points: readonly string[]): string {
  return points.join('');
}

/**
 * Applies `edit` to `state`; returns `state` itself when nothing changes. The cursor stays within
 * the text, and inserted text loses control characters (`stripControls`).
 */
export function editLine(state: LineState, edit: LineEdit): LineState {
  const points = [...state.text];
  const at = Math.min(Math.max(0, state.cursor), points.length);
  switch (edit.type) {
    case 'insert': {
      const add = [...stripControls(edit.text)];
      if (add.length === 0) return state;
      return { text: join([...points.slice(0, at), ...add, ...points.slice(at)]), cursor: at + add.length };
    }
    case 'backspace':
      return at === 0 ? state : { text: join([...points.slice(0, at - 1), ...points.slice(at)]), cursor: at - 1 };
    case 'delete':
      return at >= points.length
        ? state
        : { text: join([...points.slice(0, at), ...points.slice(at + 1)]), cursor: at };
    case 'left':
      return at === 0 ? state : { ...state, cursor: at - 1 };
    case 'right':
      return at >= points.length ? state : { ...state, cursor: at + 1 };
    case 'home':
      return at === 0 ? state : { ...state, cursor: 0 };
    case 'end':
      return at === points.length ? state : { ...state, cursor: points.length };
    case 'killBefore':
      return at === 0 ? state : { text: join(points.slice(at)), cursor: 0 };
    case 'killWord': {
      let i = at;
      while (i > 0 && points[i - 1] === ' ') i--;
      while (i > 0 && points[i - 1] !== ' ' && points[i - 1] !== '/') i--;
      if (i === at && at > 0) i = at - 1;
      return i === at ? state : { text: join([...points.slice(0, i), ...points.slice(at)]), cursor: i };
    }
    case 'clear':
      return points.length === 0 ? state : { text: '', cursor: 0 };
    default: {
      const never: never = edit;
      return never;
    }
  }
}

/**
 * The edit a key press means in a text field, or null when it is not an editing key (Enter, Tab,
 * Esc, ↑↓, F-keys and other keys are the screen's, through the keymap). Printable keys and pasted
 * text insert; Backspace, Delete, ←/→, Home/End (also Ctrl+A/Ctrl+E) move and erase; Ctrl+U
 * deletes before the cursor, Ctrl+W the word before it.
 * @param pattern the canonical key pattern (see ./key-decoder.ts), or null when the input was not
 *   one key (typically pasted text)
 * @param text the raw sequence or typed text of the press, used for pastes; a sequence starting
 *   with ESC is an unknown key, never text (control characters are dropped from pastes, so a
 *   pasted escape sequence cannot reach a name)
 */
export function lineEditForKey(pattern: string | null, text: string): LineEdit | null {
  switch (pattern) {
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
      return { type: 'killBefore' };
    case 'ctrl+w':
      return { type: 'killWord' };
    case 'space':
      return { type: 'insert', text: ' ' };
    case null:
    default:
      break;
  }
  if (pattern !== null) return [...pattern].length === 1 ? { type: 'insert', text: pattern } : null;
  if (text.startsWith('\x1b')) return null;
  const clean = stripControls(text);
  return clean === '' ? null : { type: 'insert', text: clean };
}
