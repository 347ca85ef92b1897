/**
 * Natural name order (the `N` toggle): runs of ASCII digits inside names compare as numbers, so
 * `f2` comes before `f10`, as in mc's and most file managers' "natural" sort. Pure and allocation
 * free for ASCII names (it runs ~n·log n times per sort).
 *
 * Rules, in order of precedence:
 * - text compares character by character without regard to case (ASCII folded cheaply, other
 *   characters through their lower-case form: `É` and `é` are the same letter);
 * - a run of digits compares by its value (leading zeros ignored), whatever its length: `f9` <
 *   `f10` < `f0100`, and `99999999999999999999` needs no number type;
 * - a digit run sorts before a letter at the same place (`f1` < `fa`), as the code points do;
 * - names equal so far: fewer leading zeros first (`f1` < `f01`), then the shorter name, then
 *   plain code units, so the order is total and stable.
 * Only ASCII `0`–`9` count as digits; other scripts' digits are compared as text.
 */

const ZERO = 48;
const NINE = 57;

function isDigit(c: number): boolean {
  return c >= ZERO && c <= NINE;
}

/** The code unit at `i` folded to lower case (ASCII fast path). */
function folded(s: string, i: number): number {
  const c = s.charCodeAt(i);
  if (c >= 65 && c <= 90) return c + 32;
  if (c < 128) return c;
  return s.charAt(i).toLowerCase().charCodeAt(0);
}

/** End (exclusive) of the digit run starting at `i`. */
function runEnd(s: string, i: number): number {
  let j = i;
  while (j < s.length && isDigit(s.charCodeAt(j))) j++;
  return j;
}

/** First index in `s[i..end)` that is not a `0` (or `end`). */
function skipZeros(s: string, i: number, end: number): number {
  let j = i;
  while (j < end && s.charCodeAt(j) === ZERO) j++;
  return j;
}

/**
 * Compares two names in natural order (see the module comment). Negative when `a` sorts first,
 * positive when `b` does, 0 only for identical strings.
 */
export function compareNatural(a: string, b: string): number {
  let i = 0;
  let j = 0;
  // Set by the first pair of equal-valued digit runs that differ in leading zeros.
  let zeroTie = 0;
  while (i < a.length && j < b.length) {
    const x = a.charCodeAt(i);
    const y = b.charCodeAt(j);
    if (isDigit(x) && isDigit(y)) {
      const ea = runEnd(a, i);
      const eb = runEnd(b, j);
      const sa = skipZeros(a, i, ea);
      const sb = skipZeros(b, j, eb);
      const lengths = ea - sa - (eb - sb);
      if (lengths !== 0) return lengths;
      for (let k = 0; k < ea - sa; k++) {
        const d = a.charCodeAt(sa + k) - b.charCodeAt(sb + k);
        if (d !== 0) return d;
      }
      if (zeroTie === 0) zeroTie = sa - i - (sb - j);
      i = ea;
      j = eb;
      continue;
    }
    const fx = folded(a, i);
    const fy = folded(b, j);
    if (fx !== fy) return fx - fy;
    i++;
    j++;
  }
  const rest = a.length - i - (b.length - j);
  if (rest !== 0) return rest;
  if (zeroTie !== 0) return zeroTie;
  if (a.length !== b.length) return a.length - b.length;
  return a < b ? -1 : a > b ? 1 : 0;
}
