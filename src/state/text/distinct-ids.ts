/**
 * Showing long IDs that differ only somewhere inside (B2 file IDs of one name's versions share the
 * bucket part in front and the cluster part at the end): the part where they differ stays
 * visible, with `…` for what is left out, so rows of a list never all look alike. Pure; input
 * must already be sanitised.
 */
import { fitToWidth } from './sanitize.js';

/** How many characters every one of `ids` shares at its start and at its end. */
export interface SharedEnds {
  prefix: number;
  suffix: number;
}

/** The start and end every one of `ids` shares (no overlap: they never add up past the shortest). */
export function sharedEnds(ids: readonly string[]): SharedEnds {
  const [first, ...rest] = ids;
  if (first === undefined) return { prefix: 0, suffix: 0 };
  let prefix = first.length;
  let suffix = first.length;
  for (const id of rest) {
    let p = 0;
    while (p < prefix && p < id.length && id[p] === first[p]) p++;
    prefix = p;
    let s = 0;
    while (s < suffix && s < id.length && id[id.length - 1 - s] === first[first.length - 1 - s]) s++;
    suffix = s;
  }
  const shortest = Math.min(...ids.map((id) => id.length));
  return { prefix, suffix: Math.min(suffix, shortest - prefix) };
}

/** Characters kept in front of the part that differs, so it reads in place (`…_f1000…`). */
const CONTEXT = 3;

/**
 * `id` in `width` columns (ASCII IDs: one column a character): whole when it fits; else the part
 * where the IDs differ (`ends` from {@link sharedEnds}) with a little before it, `…` on the sides
 * cut off; cut in the middle when nothing differs (one version, or identical IDs).
 */
export function distinctId(id: string, width: number, ends: SharedEnds): string {
  if (id.length <= width) return id;
  if (width < 3) return fitToWidth(id, width);
  const from = Math.min(ends.prefix, id.length);
  const to = Math.max(from, id.length - ends.suffix);
  if (from === to || (from === 0 && to === id.length)) return fitToWidth(id, width, 'left', { position: 'middle' });
  // Start a little before the difference; if the rest then fits, use the room to show more before it.
  let start = Math.max(0, from - CONTEXT);
  if (start > 0 && id.length - start < width - 1) start = id.length - (width - 1);
  if (start === 0) return `${id.slice(0, width - 1)}…`;
  const avail = width - 1;
  return id.length - start <= avail ? `…${id.slice(start)}` : `…${id.slice(start, start + avail - 1)}…`;
}
