/**
 * `c`: the two panes' listings compared name by name (the rows shown, not recursively): each row
 * gets a mark — only in this pane, newer, older, different or the same as its namesake — and
 * each pane counts its marks for the footer. Files are compared by SHA1 where both sides know it,
 * else by size and modification time (./sync-compare.ts); a folder is marked only when the other
 * pane has no folder of that name. Hidden B2 names count as absent. Pure.
 */
import type { Entry } from '../model/entry.js';
import { entryKey } from '../pane/pane-state.js';
import { comparePair, type PairState, type SyncEntry } from './sync-compare.js';

/** A row's mark. */
export type CompareMark = 'only' | PairState;

/** The marks in footer order. */
export const COMPARE_MARKS: readonly CompareMark[] = ['only', 'newer', 'older', 'different', 'same'];

/** One pane's side of a comparison: marks by row key (./pane-state.ts `entryKey`), and counts. */
export interface PaneCompare {
  marks: ReadonlyMap<string, CompareMark>;
  counts: Readonly<Record<CompareMark, number>>;
}

const MIRROR: Record<CompareMark, CompareMark> = {
  only: 'only',
  newer: 'older',
  older: 'newer',
  different: 'different',
  same: 'same',
};

function asSyncEntry(e: Entry): SyncEntry {
  return { rel: e.name, size: e.size, mtimeMs: e.mtimeMs, sha1: e.sha1 ?? null };
}

function pairMark(a: Entry, b: Entry): CompareMark | null {
  const folderA = a.kind !== 'file';
  const folderB = b.kind !== 'file';
  if (folderA || folderB) return null;
  const sa = asSyncEntry(a);
  const sb = asSyncEntry(b);
  const mode = sa.sha1 !== null && sb.sha1 !== null ? 'sha1' : 'mtime';
  return comparePair(sa, sb, mode);
}

function emptyCounts(): Record<CompareMark, number> {
  return { only: 0, newer: 0, older: 0, different: 0, same: 0 };
}

/** Compares the listings `a` and `b`; returns each side's marks (a's first). */
export function comparePanes(a: readonly Entry[], b: readonly Entry[]): [PaneCompare, PaneCompare] {
  const visible = (list: readonly Entry[]): Map<string, Entry> =>
    new Map(list.filter((e) => e.hidden !== true).map((e) => [entryKey(e), e]));
  const left = visible(a);
  const right = visible(b);
  const marksA = new Map<string, CompareMark>();
  const marksB = new Map<string, CompareMark>();
  for (const [key, e] of left) {
    const other = right.get(key);
    if (other === undefined) {
      marksA.set(key, 'only');
      continue;
    }
    const mark = pairMark(e, other);
    if (mark === null) continue;
    marksA.set(key, mark);
    marksB.set(key, MIRROR[mark]);
  }
  for (const key of right.keys()) if (!left.has(key)) marksB.set(key, 'only');
  const side = (marks: Map<string, CompareMark>): PaneCompare => {
    const counts = emptyCounts();
    for (const m of marks.values()) counts[m]++;
    return { marks, counts };
  };
  return [side(marksA), side(marksB)];
}
