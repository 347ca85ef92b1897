/**
 * Finding the pager's search text in raw bytes. The text is matched as UTF-8 bytes; ASCII letters
 * match either case unless the text holds an upper-case letter ("smart case", as in vim and less).
 */

/** The search text as the bytes to look for, and whether ASCII case is ignored. */
export interface Needle {
  bytes: Uint8Array;
  ignoreCase: boolean;
}

/** The needle for `text` (smart case). */
export function needleOf(text: string): Needle {
  return { bytes: new TextEncoder().encode(text), ignoreCase: text === text.toLowerCase() };
}

function fold(b: number, ignoreCase: boolean): number {
  return ignoreCase && b >= 0x41 && b <= 0x5a ? b + 0x20 : b;
}

function matchesAt(hay: Uint8Array, at: number, n: Needle): boolean {
  for (let j = 0; j < n.bytes.length; j++) {
    if (fold(hay[at + j] ?? -1, n.ignoreCase) !== fold(n.bytes[j] ?? -2, n.ignoreCase)) return false;
  }
  return true;
}

/**
 * Index of the first match in `hay` starting at or after `from` (forward) or the last one
 * starting before `from` (backward), or -1. An empty needle never matches.
 */
export function findBytes(hay: Uint8Array, n: Needle, from: number, backward: boolean): number {
  const len = n.bytes.length;
  if (len === 0) return -1;
  if (backward) {
    for (let i = Math.min(from - 1, hay.length - len); i >= 0; i--) if (matchesAt(hay, i, n)) return i;
    return -1;
  }
  for (let i = Math.max(0, from); i + len <= hay.length; i++) if (matchesAt(hay, i, n)) return i;
  return -1;
}
