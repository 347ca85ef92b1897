/**
 * `c`: compares the two panes' listings (src/state/sync/pane-compare.ts) and marks both; `c`
 * again or Esc clears the marks, and so does any new listing of a pane (the pane reducer).
 */
import { COMPARE_MARKS, comparePanes, type PaneCompare } from '../../state/sync/pane-compare.js';
import { paneDo, setStatus, snapshot, type ControllerDeps } from '../controller-deps.js';

/** Clears both panes' marks. */
export function clearCompare(d: ControllerDeps): void {
  paneDo(d, { type: 'setCompare', compare: null }, 'left');
  paneDo(d, { type: 'setCompare', compare: null }, 'right');
}

/** The status line after a comparison of both panes (a name only in the other one is a difference too). */
function summary(...sides: PaneCompare[]): string {
  const differences = sides.reduce(
    (n, c) => n + COMPARE_MARKS.filter((m) => m !== 'same').reduce((k, m) => k + c.counts[m], 0),
    0,
  );
  return differences === 0
    ? 'The two panes list the same names, and the files compare the same.'
    : 'Marked: + only here, > newer, < older, ! different, = same. c or Esc clears.';
}

/** Marks both panes, or clears the marks when they are shown. */
export function toggleCompare(d: ControllerDeps): void {
  const s = snapshot(d).app;
  const { left, right } = s.panes;
  if (left.compare !== null || right.compare !== null) return clearCompare(d);
  if (left.load.stage === 'loading' || right.load.stage === 'loading')
    return setStatus(d, 'Wait until both panes are listed, then compare.', 'warning');
  const [l, r] = comparePanes(left.entries, right.entries);
  paneDo(d, { type: 'setCompare', compare: l }, 'left');
  paneDo(d, { type: 'setCompare', compare: r }, 'right');
  setStatus(d, summary(l, r), 'info');
}
