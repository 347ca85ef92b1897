/**
 * Making outside strings safe and measurable for the terminal (ARCHITECTURE.md, "Terminal facts": sanitise
 * every string from the outside before it reaches the screen).
 *
 * File names, bucket names, key names and error messages may contain bytes a terminal acts on:
 * `ESC ] 0 ; … BEL` retitles the window, `ESC [ 2 J` clears the screen, a newline breaks the
 * layout, and U+202E (right-to-left override) makes `exe.txt` look like `txt.exe`. They are shown
 * escaped instead, as text.
 */
import stringWidth from 'string-width';
import { NARROW_TEXT } from './narrow-text.js';

// C0 controls, DEL, C1 controls, bidi embedding/override/isolate marks, ALM/LRM/RLM, the Unicode
// line and paragraph separators, and lone surrogates (\p{Cs} under `u` matches only unpaired ones).
// eslint-disable-next-line no-control-regex -- finding control characters is this regex's job.
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]|\p{Cs}/u;
const UNSAFE_ALL = new RegExp(UNSAFE.source, 'gu');

function escapeChar(ch: string): string {
  switch (ch) {
    case '\n':
      return '\\n';
    case '\r':
      return '\\r';
    case '\t':
      return '\\t';
    default: {
      const code = ch.charCodeAt(0);
      return code < 0x100 ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
    }
  }
}

/**
 * Returns `s` with every character a terminal could act on written as a visible escape:
 * `\n`, `\r`, `\t`, `\x1b` (so a whole escape sequence shows as text), `\x7f`, `\x9b`, `\u202e`.
 * A literal backslash is left as it is, for readability (so a name containing the four characters
 * `\x1b` looks like one containing ESC; both are harmless). Returns `s` itself when nothing needs
 * escaping, which is the common case and costs one regex test.
 */
export function sanitizeForTerminal(s: string): string {
  if (!UNSAFE.test(s)) return s;
  return s.replace(UNSAFE_ALL, escapeChar);
}

/**
 * How an empty name shows. B2 names are exact strings, so a listing can hold a folder with an
 * empty name (`dir//` inside `dir/`, or `/` for names starting with `/`) and a file with one (the
 * object `photos/` inside the folder `photos/`); shown as nothing they would be invisible.
 */
export const EMPTY_NAME = '""';

/** A name from outside for the terminal: sanitised, and `""` when empty (see EMPTY_NAME). */
export function sanitizeName(name: string): string {
  return name === '' ? EMPTY_NAME : sanitizeForTerminal(name);
}

/** Text of printable ASCII only: one column per character, nothing to measure. */
export const PRINTABLE_ASCII = /^[\x20-\x7e]*$/;

/** A C0 or C1 control character (never sent to the terminal as it is). */
// eslint-disable-next-line no-control-regex -- control characters are what this finds.
export const CONTROL_CHAR = /[\u0000-\u001f\u007f-\u009f]/;
let segmenter: Intl.Segmenter | undefined;

/** `s` split into grapheme clusters (what a terminal draws as one character, e.g. `e` + accent, 👍🏽). */
export function graphemes(s: string): string[] {
  // Narrow text (narrow-text.ts) is one grapheme per UTF-16 unit: a long name is cut without the
  // process's first segmenter, which costs 10–20 ms (ICU loads its break rules).
  if (NARROW_TEXT.test(s)) return s.split('');
  segmenter ??= new Intl.Segmenter('en', { granularity: 'grapheme' });
  return Array.from(segmenter.segment(s), (x) => x.segment);
}

/**
 * Terminal columns `s` occupies (East Asian wide characters and emoji count 2, combining marks 0),
 * measured like Ink measures (string-width). `s` must already be sanitised.
 */
export function displayWidth(s: string): number {
  return NARROW_TEXT.test(s) ? s.length : stringWidth(s);
}

/** Options for `truncateToWidth`. */
export interface TruncateOptions {
  /** Shown where text was cut. Default `…`. */
  ellipsis?: string;
  /**
   * Cut at the end (default); keep both ends (names whose extension matters); or, for a
   * `folder/name` path, cut the folders first and keep the last name whole while it fits (then
   * both ends of it), so two files of one folder never look the same (`se…/latest.tar.gz`,
   * `…/2024-01….tar.gz`). A path with no `/` inside is cut as `middle`.
   */
  position?: 'end' | 'middle' | 'path';
}

/** How many of `parts` (graphemes), taken from the start, fit in `budget` columns. */
function countFitting(parts: readonly string[], budget: number): number {
  let used = 0;
  let n = 0;
  for (const g of parts) {
    used += displayWidth(g);
    if (used > budget) break;
    n++;
  }
  return n;
}

/**
 * Cuts a sanitised string to at most `width` columns, never splitting a grapheme (a wide character
 * that does not fit is dropped whole, so the result may be one column narrower than `width`).
 * Returns `s` unchanged when it fits; '' when `width` ≤ 0.
 */
export function truncateToWidth(s: string, width: number, options: TruncateOptions = {}): string {
  if (width <= 0) return '';
  if (displayWidth(s) <= width) return s;
  const ellipsis = options.ellipsis ?? '…';
  const ew = displayWidth(ellipsis);
  const parts = graphemes(s);
  // No room for text and ellipsis: the ellipsis alone says "cut" more honestly than one character.
  if (ew === width) return ellipsis;
  if (ew > width) return parts.slice(0, countFitting(parts, width)).join('');
  const budget = width - ew;
  if (options.position === 'path') {
    // A folder's own trailing `/` belongs to its name.
    const slash = s.lastIndexOf('/', s.endsWith('/') ? s.length - 2 : s.length - 1);
    if (slash > 0) {
      const folder = s.slice(0, slash);
      const name = s.slice(slash);
      const room = width - displayWidth(name);
      if (room >= ew + 1) return truncateToWidth(folder, room, { ellipsis }) + name;
      return ellipsis + truncateToWidth(name, width - ew, { ellipsis, position: 'middle' });
    }
  }
  if (options.position === 'middle' || options.position === 'path') {
    const head = parts.slice(0, countFitting(parts, Math.ceil(budget / 2)));
    const tailCount = countFitting([...parts].reverse(), Math.floor(budget / 2));
    const tail = tailCount === 0 ? [] : parts.slice(-tailCount);
    return head.join('') + ellipsis + tail.join('');
  }
  return parts.slice(0, countFitting(parts, budget)).join('') + ellipsis;
}

/**
 * Exactly `width` columns: truncated with `truncateToWidth`, then padded with spaces on the right
 * (`align: 'left'`, default) or the left (`'right'`, for numbers).
 */
export function fitToWidth(
  s: string,
  width: number,
  align: 'left' | 'right' = 'left',
  options: TruncateOptions = {},
): string {
  const cut = truncateToWidth(s, width, options);
  const pad = ' '.repeat(Math.max(0, width - displayWidth(cut)));
  return align === 'left' ? cut + pad : pad + cut;
}
