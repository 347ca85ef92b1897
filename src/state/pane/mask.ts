/**
 * mc-style shell masks for "select by mask" (+), "unselect by mask" (-) and filters.
 *
 * Syntax, matched against the whole name:
 * - `*` any run of characters (including none, a leading dot, and control characters);
 * - `?` exactly one character (one Unicode code point);
 * - `[abc]`, `[a-z]`, `[!a-z]` or `[^a-z]` one character from (or not from) a set;
 * - `{jpg,png}` one of the alternatives, which may contain wildcards and nest;
 * - `\x` the character x literally.
 * An unmatched `[`, `{` or `}` is literal, so no mask is a syntax error; a set with an invalid range
 * (`[z-a]`) makes the whole mask literal.
 */

/** Options for `compileMask`. */
export interface MaskOptions {
  /** Default true, like mc: B2 and most local file systems are case-sensitive. */
  caseSensitive?: boolean;
}

// Not `-`: outside a set it is literal, and `\-` is a syntax error under the `u` flag.
const REGEX_SPECIAL = /[\\^$.*+?()[\]{}|/]/g;

function escapeLiteral(s: string): string {
  return s.replace(REGEX_SPECIAL, '\\$&');
}

/** Index of the `]` closing a set that opens at `start`, or -1. */
function setEnd(mask: string, start: number): number {
  let i = start + 1;
  if (mask[i] === '!' || mask[i] === '^') i++;
  if (mask[i] === ']') i++;
  for (; i < mask.length; i++) if (mask[i] === ']') return i;
  return -1;
}

function setToRegex(body: string): string {
  let negate = false;
  let b = body;
  if (b.startsWith('!') || b.startsWith('^')) {
    negate = true;
    b = b.slice(1);
  }
  return `[${negate ? '^' : ''}${b.replace(/[\\\]^[]/g, '\\$&')}]`;
}

/** Pairs each `{` with its `}` (ignoring ones inside sets and escaped ones). */
function bracePairs(mask: string): Map<number, number> {
  const pairs = new Map<number, number>();
  const open: number[] = [];
  for (let i = 0; i < mask.length; i++) {
    const c = mask[i];
    if (c === '\\') i++;
    else if (c === '[') {
      const end = setEnd(mask, i);
      if (end >= 0) i = end;
    } else if (c === '{') open.push(i);
    else if (c === '}' && open.length > 0) pairs.set(open.pop() ?? 0, i);
  }
  return pairs;
}

function maskToRegexSource(mask: string): string {
  const pairs = bracePairs(mask);
  const closers = new Set(pairs.values());
  let depth = 0;
  let out = '';
  for (let i = 0; i < mask.length; i++) {
    const c = mask[i] ?? '';
    if (c === '\\' && i + 1 < mask.length) {
      const next = String.fromCodePoint(mask.codePointAt(i + 1) ?? 0);
      out += escapeLiteral(next);
      i += next.length;
    } else if (c === '*') out += '.*';
    else if (c === '?') out += '.';
    else if (c === '[' && setEnd(mask, i) >= 0) {
      const end = setEnd(mask, i);
      out += setToRegex(mask.slice(i + 1, end));
      i = end;
    } else if (c === '{' && pairs.has(i)) {
      depth++;
      out += '(?:';
    } else if (c === '}' && closers.has(i)) {
      depth--;
      out += ')';
    } else if (c === ',' && depth > 0) out += '|';
    else out += escapeLiteral(c);
  }
  return out;
}

/**
 * Compiles a mask into a predicate over names (see the module comment for the syntax).
 * Never throws.
 */
export function compileMask(mask: string, options: MaskOptions = {}): (name: string) => boolean {
  const flags = `su${options.caseSensitive === false ? 'i' : ''}`;
  let re: RegExp;
  try {
    re = new RegExp(`^(?:${maskToRegexSource(mask)})$`, flags);
  } catch {
    re = new RegExp(`^${escapeLiteral(mask)}$`, flags);
  }
  return (name) => re.test(name);
}

/**
 * True when a filter should be read as a mask rather than as text: it has a `*` or `?`. Brackets
 * and braces alone do not count, so filtering for `[2024]` or `{draft}` finds those names.
 */
export function hasMaskSyntax(s: string): boolean {
  return /[*?]/.test(s);
}
