/**
 * The bundle's string-width answers "is this an RGI emoji?" through src/state/text/rgi-emoji.ts
 * (scripts/dependency-patches.mjs): it must agree with string-width's own `/^\p{RGI_Emoji}$/v`.
 */
import { describe, expect, it } from 'vitest';
import { rgiEmojiRegex } from '../../../src/state/text/rgi-emoji.js';

const FULL = new RegExp('^\\p{RGI_Emoji}$', 'v');

/** Every code point but lone surrogates. */
function* codePoints(): Generator<string> {
  for (let c = 0; c <= 0x10ffff; c++) if (c < 0xd800 || c > 0xdfff) yield String.fromCodePoint(c);
}

describe('rgiEmojiRegex', () => {
  // The cheap test lets through every text with U+FE0F, U+20E3 or an emoji code point outside
  // ASCII, and every RGI emoji of two or more code points has one of those (flags, skin tones,
  // ZWJ and tag sequences hold emoji outside ASCII; keycaps end in U+FE0F U+20E3). So it can be
  // wrong only about a single code point, and every one is checked.
  it('agrees with /^\\p{RGI_Emoji}$/v on every code point', () => {
    const disagree: string[] = [];
    for (const s of codePoints()) if (rgiEmojiRegex.test(s) !== FULL.test(s)) disagree.push(s);
    expect(disagree).toEqual([]);
  });

  it('agrees on sequences: flags, skin tones, ZWJ families, tag flags, keycaps, and on text', () => {
    const flags = [];
    for (let a = 0x1f1e6; a <= 0x1f1ff; a++)
      for (let b = 0x1f1e6; b <= 0x1f1ff; b++) flags.push(String.fromCodePoint(a, b));
    const samples = [
      ...flags,
      '👍🏽',
      '🧑🏿‍🦱',
      '👨‍👩‍👧‍👦',
      '🏳️‍🌈',
      '❤️‍🔥',
      '🏴󠁧󠁢󠁳󠁣󠁴󠁿',
      '#️⃣',
      '7️⃣',
      '©️',
      '☺️',
      '',
      'a',
      '│',
      '─┐┌',
      'photos/2024',
      '日本',
      'é',
    ];
    expect(samples.filter((s) => rgiEmojiRegex.test(s) !== FULL.test(s))).toEqual([]);
    expect(samples.filter((s) => rgiEmojiRegex.test(s)).length).toBeGreaterThan(250);
  });
});
