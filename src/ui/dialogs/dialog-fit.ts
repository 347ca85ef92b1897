/**
 * Where a dialog goes on the screen, pure: its width (covering the panes' text right up to their
 * outer borders when a margin would leave slivers of it showing) and how its lines fit between
 * the panes' top border and their bottom border, which — with the status line and the key bar
 * under it — a dialog never covers. A dialog too tall first drops blank lines, then shows a
 * window of its lines that keeps the highlighted one in view, with "↑/↓ N more" marks.
 */

import { DIALOG_CHROME, dialogRoom, scrollStart } from '../../state/layout/dialog-geometry.js';

export { dialogLeft, dialogWidth, innerWidth } from '../../state/layout/dialog-geometry.js';

/** What the fitting needs to know of one line of a dialog's body. */
export interface BodyLine {
  /** An empty spacer line, the first thing dropped when room is short. */
  blank: boolean;
  /** The line to keep in view (the highlighted choice). */
  focus: boolean;
}

export interface DialogFit {
  /** Screen row of the dialog's top border. */
  top: number;
  /** Whether the blank line under the title and the one above the hint are drawn. */
  titleGap: boolean;
  hintGap: boolean;
  /** Indexes of the body lines drawn, in order. */
  shown: number[];
  /** Body lines left out above and below the window (each shown as one "N more" line). */
  above: number;
  below: number;
}

const CHROME = DIALOG_CHROME;

/**
 * Fits a dialog whose body is `body` into a TUI `rows` tall (the layout is `rows − 1` rows: the
 * panes, then the status line and the key bar): the dialog stays within rows 1 … rows − 5.
 * @param scrollTop a body the user scrolls (info): its first line in view, instead of centring the focus
 */
export function fitDialog(body: readonly BodyLine[], rows: number, scrollTop?: number): DialogFit {
  const room = dialogRoom(rows);
  const preferredTop = Math.max(1, Math.floor(rows / 8));
  const place = (height: number): number => Math.max(1, Math.min(preferredTop, rows - 4 - height));
  let titleGap = true;
  let hintGap = true;
  const kept = body.map((_, i) => i);
  const height = (): number => CHROME + (titleGap ? 1 : 0) + (hintGap ? 1 : 0) + kept.length;
  // Spacing goes first: the gap under the title, the one above the hint, then blank body lines from the bottom up.
  if (height() > room) titleGap = false;
  if (height() > room) hintGap = false;
  for (let i = kept.length - 1; i >= 0 && height() > room; i--) {
    const index = kept[i];
    if (index !== undefined && body[index]?.blank === true) kept.splice(i, 1);
  }
  if (height() <= room) return { top: place(height()), titleGap, hintGap, shown: kept, above: 0, below: 0 };
  const capacity = room - CHROME;
  const focus = Math.max(
    0,
    kept.findIndex((i) => body[i]?.focus === true),
  );
  const n = kept.length;
  // A body scrolled by the user (info) starts where it was scrolled to; else the focus is centred.
  const start =
    scrollTop !== undefined
      ? scrollStart(n, rows, scrollTop)
      : Math.min(Math.max(0, focus - Math.floor(capacity / 2)), n - capacity);
  const end = start + capacity;
  // Each cut side costs one line for its "N more" mark (with room for at least one line of text).
  const marks = capacity >= 3;
  const first = marks && start > 0 ? start + 1 : start;
  const last = marks && end < n ? end - 1 : end;
  return {
    top: place(capacity + CHROME),
    titleGap,
    hintGap,
    shown: kept.slice(first, last),
    above: first,
    below: n - last,
  };
}
