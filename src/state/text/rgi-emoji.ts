/**
 * string-width's `/^\p{RGI_Emoji}$/v` with the same answers, built only when a text may hold an
 * emoji; scripts/dependency-patches.mjs puts it in place of string-width's own in the bundle. V8
 * takes 20–50 ms to build that pattern (at load) and as long again to compile it (at the first
 * text that is not plain ASCII, i.e. every first frame, with its box-drawing borders) — a tenth of
 * the file manager's start-up, and a fifth of `b2c --version`'s, which loads string-width too.
 */

/**
 * True for every string the full pattern matches: each RGI emoji holds a keycap mark (U+20E3), a
 * variation selector 16 (U+FE0F) or a code point with the Emoji property outside ASCII (the only
 * ASCII ones, `#*0-9`, are emoji as keycaps only). Cheap to build: one property class.
 */
const MAY_BE_RGI_EMOJI = /[\u20E3\uFE0F]|(?=[^\0-\x7F])\p{Emoji}/u;

let full: RegExp | undefined;

/** The pattern's `test`, which is all string-width calls. */
export const rgiEmojiRegex = {
  test(segment: string): boolean {
    if (!MAY_BE_RGI_EMOJI.test(segment)) return false;
    full ??= new RegExp('^\\p{RGI_Emoji}$', 'v');
    return full.test(segment);
  },
};
