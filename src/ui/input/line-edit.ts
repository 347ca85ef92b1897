/**
 * One-line text editing for prompts (filter, rename, mkdir, masks, the location picker), as a pure
 * function, so the single keyboard owner (./useKeyboard.ts) drives text fields too and no leaf
 * component reads input (DESIGN.md §"How data flows", step 1).
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
  /** Ctrl+W: delete the word before the cursor. */
  | { type: 'killWord' };

/** A field holding `text` with the cursor at its end. */
export function lineOf(text: string): LineState {
  return { text, cursor: [...text].length };
}

function join(points: readonly string[]): string {
  return points.join('');
}

/** Applies `edit` to `state`; returns `state` itself when nothing changes. */
export function editLine(state: LineState, edit: LineEdit): LineState {
  const points = [...state.text];
  const at = Math.min(Math.max(0, state.cursor), points.length);
  switch (edit.type) {
    case 'insert': {
      const add = [...edit.text];
      if (add.length === 0) return state;
      return { text: join([...points.slice(0, at), ...add, ...points.slice(at)]), cursor: at + add.length };
    }
    case 'backspace':
      return at === 0 ? state : { text: join([...points.slice(0, at - 1), ...points.slice(at)]), cursor: at - 1 };
    case 'delete':
      return at >= points.length ? state : { text: join([...points.slice(0, at), ...points.slice(at + 1)]), cursor: at };
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
    default: {
      const never: never = edit;
      return never;
    }
  }
}

// eslint-disable-next-line no-control-regex -- control characters are what is being removed.
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/g;

/**
 * The edit a key press means in a text field, or null when it is not an editing key.
 * @param pattern the canonical key pattern (see state/keymap-ink.ts), or null when the raw
 *   sequence was not one key (typically pasted text)
 * @param raw the raw sequence, used for printable characters and pastes (control characters are
 *   dropped from pastes, so a pasted escape sequence cannot reach a name)
 */
export function lineEditForKey(pattern: string | null, raw: string): LineEdit | null {
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
  if (pattern !== null && [...pattern].length === 1) return { type: 'insert', text: pattern };
  if (pattern === null && !raw.startsWith('\x1b')) {
    const text = raw.replace(CONTROL, '');
    return text === '' ? null : { type: 'insert', text };
  }
  return null;
}
