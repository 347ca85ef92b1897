/**
 * One line of text with SGR styles, as Ink's components style it, cut into the cells it covers —
 * but only when that is certain: every character a single code point that is its own grapheme
 * whatever stands next to it, one or two columns wide, no control character, no whitespace but
 * the space, no escape sequence but SGR. For such text Ink's own output pass (one cell per
 * character, as wide as string-width says) and the screen model (screen-row.ts: graphemes
 * measured the same way) agree cell for cell, so ink-frame.ts can place the cells directly. For
 * anything else the answer is null and the frame goes through Ink's output pass.
 */
import { CONTROL_CHAR, displayWidth, graphemes, PRINTABLE_ASCII } from '../../state/text/sanitize.js';
import { NARROW_TEXT } from '../../state/text/narrow-text.js';
import { walkStyledLine } from './screen-row.js';

/** The cells of a line, left to right; a wide character is one entry of width 2. */
export interface LineCells {
  readonly chars: readonly string[];
  readonly widths: readonly (1 | 2)[];
  readonly styles: readonly number[];
  /** The sum of the widths: the columns string-width gives the line. */
  readonly columns: number;
}

const WHITESPACE = /\s/;

const widthOf = new Map<string, 0 | 1 | 2>();

/**
 * The columns code point `ch` takes when it is certain to be drawn alone in its cell(s), else 0:
 * it must stay its own grapheme between letters and next to itself (which rules out combining
 * and spacing marks, joiners, variation selectors, emoji modifiers, regional indicators,
 * prepended marks and Hangul jamo: each joins its own kind) and be one or two columns wide by
 * string-width, which both Ink and the screen model measure with.
 */
export function certainWidth(ch: string): 0 | 1 | 2 {
  let w = widthOf.get(ch);
  if (w === undefined && NARROW_TEXT.test(ch) && !WHITESPACE.test(ch)) {
    // Narrow and never joined (narrow-text.ts): known without a grapheme segmenter, which the
    // first frame (box drawing, arrows) would otherwise make.
    w = 1;
    widthOf.set(ch, w);
  }
  if (w === undefined) {
    const width = displayWidth(ch);
    const alone =
      !CONTROL_CHAR.test(ch) &&
      !WHITESPACE.test(ch) &&
      graphemes(`a${ch}a`).length === 3 &&
      graphemes(ch + ch).length === 2;
    w = alone && (width === 1 || width === 2) ? width : 0;
    widthOf.set(ch, w);
  }
  return w;
}

/** The cells of `line`, or null when it holds anything whose cells are not certain (see above). */
function cellsOf(line: string): LineCells | null {
  const chars: string[] = [];
  const widths: (1 | 2)[] = [];
  const styles: number[] = [];
  let certain = true;
  walkStyledLine(
    line,
    (run, style) => {
      if (PRINTABLE_ASCII.test(run)) {
        for (const ch of run) {
          chars.push(ch);
          widths.push(1);
          styles.push(style);
        }
        return true;
      }
      for (const ch of run) {
        const w = ch === ' ' ? 1 : certainWidth(ch);
        if (w === 0) return (certain = false);
        chars.push(ch);
        widths.push(w);
        styles.push(style);
      }
      return true;
    },
    () => (certain = false),
  );
  return certain ? { chars, widths, styles, columns: widths.reduce<number>((a, b) => a + b, 0) } : null;
}

const cache = new Map<string, LineCells | null>();
/** Lines kept: a few screens' worth, so rows scrolled by one are found again. */
const CACHE_LINES = 4096;

/** {@link cellsOf}, remembered: most lines of a frame were in the frame before. */
export function lineCells(line: string): LineCells | null {
  let cells = cache.get(line);
  if (cells === undefined) {
    cells = cellsOf(line);
    if (cache.size >= CACHE_LINES) cache.clear();
    cache.set(line, cells);
  }
  return cells;
}
