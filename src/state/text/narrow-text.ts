/**
 * Text whose width is its length, known without string-width's grapheme segmenter: printable
 * ASCII and the narrow characters a frame is made of (Latin-1 and Latin Extended letters, general
 * punctuation such as `…` and `—`, the arrows `←↑→↓`, box drawing and block elements). None of
 * them joins a neighbour into one grapheme or is zero-width, and string-width gives each 1 column
 * (tests/state/text/narrow-text.test.ts checks every one against it).
 *
 * Why it exists: the first `Intl.Segmenter` of a process costs about 10 ms (ICU loads its break
 * rules), and the first frame, whose borders are box drawing, would pay it for nothing.
 * scripts/dependency-patches.mjs adds this test to string-width's own ASCII fast path in the
 * bundle, and displayWidth (sanitize.ts) asks it before string-width.
 */
export const NARROW_TEXT = /^[\x20-\x7e\u00a0-\u00ac\u00ae-\u02ff\u2010-\u2027\u2190-\u2193\u2500-\u259f]*$/;
