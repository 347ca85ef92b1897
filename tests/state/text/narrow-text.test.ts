/**
 * NARROW_TEXT (src/state/text/narrow-text.ts) answers without string-width's segmenter, in
 * displayWidth, graphemes, the frame cells and (patched in the bundle) string-width itself: every
 * character it takes must be one column by string-width and never join a neighbour into one
 * grapheme (asked of Intl.Segmenter itself, which graphemes skips for such text).
 */
import stringWidth from 'string-width';
import { describe, expect, it } from 'vitest';
import { NARROW_TEXT } from '../../../src/state/text/narrow-text.js';
import { displayWidth, graphemes } from '../../../src/state/text/sanitize.js';

/** Every BMP character NARROW_TEXT takes. */
const taken = Array.from({ length: 0x10000 }, (_, cp) => String.fromCharCode(cp)).filter((ch) => NARROW_TEXT.test(ch));
const segmenter = new Intl.Segmenter('en', { granularity: 'grapheme' });
const segmentCount = (s: string): number => Array.from(segmenter.segment(s)).length;

describe('NARROW_TEXT', () => {
  it('takes only characters string-width counts as one column, each its own grapheme', () => {
    expect(taken.length).toBeGreaterThan(600);
    const wrong = taken.filter(
      (ch) => stringWidth(ch) !== 1 || segmentCount(`a${ch}a`) !== 3 || segmentCount(ch + ch) !== 2,
    );
    expect(wrong.map((ch) => ch.codePointAt(0)?.toString(16))).toEqual([]);
  });

  it('text of those characters is as wide as it is long, by string-width too', () => {
    let seed = 7;
    const next = (n: number): number => {
      seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
      return seed % n;
    };
    for (let i = 0; i < 300; i++) {
      const text = Array.from({ length: 1 + next(40) }, () => taken[next(taken.length)] ?? '').join('');
      expect(NARROW_TEXT.test(text)).toBe(true);
      expect(stringWidth(text)).toBe(text.length);
      expect(displayWidth(text)).toBe(text.length);
      expect(graphemes(text)).toEqual(Array.from(segmenter.segment(text), (g) => g.segment));
    }
  });

  it('leaves to string-width what could be wide, zero-width or joined', () => {
    for (const text of ['日本', 'e\u0301', '\u00ad', 'a\u200db', '\u{1f600}', '\u25fd', 'x\ufe0f', '\t', '\u2028'])
      expect(NARROW_TEXT.test(text)).toBe(false);
  });
});
