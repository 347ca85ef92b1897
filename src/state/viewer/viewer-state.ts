/**
 * The pager's state (F3 view): which file, how it is laid out (text with or without wrapping, or
 * hex), where the screen starts (a byte offset: see ./text-rows.ts), the search and the prompt
 * being typed. Changed only by `viewerReducer`; the bytes themselves are the effects' business
 * (src/tui/viewer), which compute the new `top` with ./viewer-moves.ts.
 */
import { editLine, lineOf, type LineEdit, type LineState } from '../keyboard/line-edit.js';

/** What the prompt line asks for: a search text (forward or backward) or a line / percent. */
export type ViewerPromptKind = 'search' | 'searchBack' | 'goto';

export interface ViewerState {
  /** Where the file is, as the user knows it (`b2://bucket/name` or a local path); raw. */
  title: string;
  size: number;
  hex: boolean;
  wrap: boolean;
  /** Without wrapping: the first column shown (0: the start of the lines). */
  left: number;
  /** Byte offset of the first row on screen. */
  top: number;
  /** The last match, drawn marked. */
  mark: { start: number; end: number } | null;
  /** The last search text and its direction (n repeats it, N goes the other way). */
  search: { text: string; backward: boolean } | null;
  prompt: { kind: ViewerPromptKind; line: LineState } | null;
  /** Work under way ("Searching… 40 MB"), or null. */
  busy: string | null;
  /** The last message (not found, read error), or null. */
  message: { text: string; tone: 'info' | 'error' } | null;
}

export type ViewerAction =
  | { type: 'toggleWrap' }
  | { type: 'toggleHex' }
  | { type: 'scrollColumns'; delta: number }
  | { type: 'setTop'; top: number }
  | { type: 'found'; top: number; start: number; end: number }
  | { type: 'openPrompt'; kind: ViewerPromptKind }
  | { type: 'editPrompt'; edit: LineEdit }
  | { type: 'closePrompt' }
  | { type: 'setSearch'; text: string; backward: boolean }
  | { type: 'busy'; text: string | null }
  | { type: 'message'; text: string | null; tone?: 'info' | 'error' };

/**
 * How far right the text scrolls: a line is at most LINE_CAP bytes (./text-rows.ts), and none of
 * its characters is wider than an escaped byte (`\\xNN`, 4 columns).
 */
export const MAX_LEFT = 4 * 4096;

/** A pager at the start of a file of `size` bytes, in hex when `binary`. */
export function createViewerState(title: string, size: number, binary: boolean): ViewerState {
  return {
    title,
    size,
    hex: binary,
    wrap: false,
    left: 0,
    top: 0,
    mark: null,
    search: null,
    prompt: null,
    busy: null,
    message: null,
  };
}

/** Applies `action`; returns `state` itself when nothing changes. */
export function viewerReducer(state: ViewerState, action: ViewerAction): ViewerState {
  switch (action.type) {
    case 'toggleWrap':
      return { ...state, wrap: !state.wrap, left: 0 };
    case 'toggleHex':
      return { ...state, hex: !state.hex };
    case 'scrollColumns': {
      const left = Math.max(0, Math.min(MAX_LEFT, state.left + action.delta));
      return left === state.left ? state : { ...state, left };
    }
    case 'setTop':
      return action.top === state.top ? state : { ...state, top: Math.max(0, Math.min(action.top, state.size)) };
    case 'found':
      return { ...state, top: action.top, mark: { start: action.start, end: action.end }, message: null };
    case 'openPrompt':
      return { ...state, prompt: { kind: action.kind, line: lineOf('') }, message: null };
    case 'editPrompt':
      return state.prompt === null
        ? state
        : { ...state, prompt: { ...state.prompt, line: editLine(state.prompt.line, action.edit) } };
    case 'closePrompt':
      return state.prompt === null ? state : { ...state, prompt: null };
    case 'setSearch':
      return { ...state, search: { text: action.text, backward: action.backward } };
    case 'busy':
      return action.text === state.busy ? state : { ...state, busy: action.text };
    case 'message':
      return { ...state, message: action.text === null ? null : { text: action.text, tone: action.tone ?? 'info' } };
    default: {
      const never: never = action;
      return never;
    }
  }
}

/**
 * Reads the goto prompt: `N` is line N (1-based), `N%` a percentage of the file. Null when it is
 * neither.
 */
export function parseGoto(text: string): { line: number } | { percent: number } | null {
  const t = text.trim();
  const pct = /^(\d+(?:\.\d+)?)\s*%$/.exec(t);
  if (pct?.[1] !== undefined) return { percent: Math.min(100, Number(pct[1])) };
  if (/^\d+$/.test(t)) return { line: Math.max(1, Number(t)) };
  return null;
}
