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

/** The status line after a comparison, from the active pane's point of view. */
function summary(c: PaneCompare): string {
  const differences = COMPARE_MARKS.filter((m) => m !== 'same').reduce((n, m) => n + c.counts[m], 0);
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
  setStatus(d, summary(s.active === 'left' ? l : r), 'info');
}
