/**
 * line-cells.ts decides which characters ink-frame.ts may place itself: only those both Ink's
 * output pass and the screen model measure as one grapheme of string-width's width. Anything
 * that joins its neighbours, has no width, or is a control or unusual space is left to Ink.
 */
import stringWidth from 'string-width';
import { describe, expect, it } from 'vitest';
import { certainWidth, lineCells } from '../../../src/ui/terminal/line-cells.js';
import { parseLine, WIDE_TAIL } from '../../../src/ui/terminal/screen-row.js';

const CERTAIN = ['a', '~', '中', '한', 'ア', '😀', '🦀', '│', '┌', '…', '↑', '·', 'é', 'ñ', '¼', 'ß', 'Ω', 'ж'];
const UNCERTAIN = [
  '\u0301', // combining acute accent
  '\u200d', // zero-width joiner
  '\u200b', // zero-width space
  '\ufe0f', // variation selector 16
  '\u{1f3fd}', // emoji skin-tone modifier
  '\u{1f1fa}', // regional indicator (flags are pairs)
  '\u1100', // Hangul leading jamo
  '\u1161', // Hangul vowel jamo
  '\u0600', // Arabic number sign (prepended to what follows)
  '\u0e33', // Thai sara am (a spacing mark)
  '\u093e', // Devanagari vowel sign aa
  '\u00a0', // no-break space
  '\u3000', // ideographic space
  '\t',
  '\x1b',
  '\x7f',
  '\x9b',
];

describe('certainWidth', () => {
  it('is string-width for a character drawn alone in its cells', () => {
    for (const ch of CERTAIN) expect({ ch, w: certainWidth(ch) }).toEqual({ ch, w: stringWidth(ch) });
  });

  it('is 0 for anything that joins its neighbours, has no width of its own, or is a control or unusual space', () => {
    for (const ch of UNCERTAIN) expect({ ch, w: certainWidth(ch) }).toEqual({ ch, w: 0 });
  });
});

describe('lineCells', () => {
  const STYLED = [
    'plain ascii text',
    '\x1b[1m\x1b[36mbold cyan\x1b[39m\x1b[22m then plain',
    '中文.txt │ 😀 ok ¼ ñ',
    '\x1b[48;5;33m\x1b[38;5;41m日本語 trailing   \x1b[39m\x1b[49m',
    '',
  ];

  it('cuts a certain line into the cells the screen model parses from it, as wide as string-width says', () => {
    for (const line of STYLED) {
      const cells = lineCells(line);
      if (cells === null) throw new Error(`not certain: ${JSON.stringify(line)}`);
      const row = parseLine(line, 80);
      let x = 0;
      cells.chars.forEach((ch, i) => {
        expect([row.chars[x], row.styles[x]]).toEqual([ch, cells.styles[i]]);
        if (cells.widths[i] === 2) expect(row.chars[x + 1]).toBe(WIDE_TAIL);
        x += cells.widths[i] ?? 1;
      });
      // eslint-disable-next-line no-control-regex -- removing SGR sequences to measure the text.
      expect(cells.columns).toBe(stringWidth(line.replace(/\x1b\[[0-9;]*m/g, '')));
    }
  });

  it('is null for a line with anything uncertain, or an escape sequence other than SGR', () => {
    for (const ch of UNCERTAIN) expect(lineCells(`name${ch}x.txt`)).toBeNull();
    for (const line of ['family 👨‍👩‍👧', 'thumb 👍🏽', 'flag 🇺🇸', 'cafe\u0301', 'a\x1b[2Jb', 'link \x1b]8;;http://x\x07x'])
      expect(lineCells(line)).toBeNull();
  });
});
