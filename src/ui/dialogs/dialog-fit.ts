/**
 * Where a dialog goes on the screen, pure: its width (covering the panes' text right up to their
 * outer borders when a margin would leave slivers of it showing) and how its lines fit between
 * the panes' top border and their bottom border, which — with the status line and the key bar
 * under it — a dialog never covers. A dialog too tall first drops blank lines, then shows a
 * window of its lines that keeps the highlighted one in view, with "↑/↓ N more" marks.
 */

/** The width a dialog has when the terminal is wide enough. */
const PREFERRED_WIDTH = 76;

/**
 * Less room than this on each side, and the columns beside the dialog would show bits of the
 * panes' rows (the last digit of a date): the dialog then takes all but the panes' outer borders.
 */
const MIN_SIDE_ROOM = 4;

/** The dialog's outer width (borders included) for a terminal `columns` wide. */
export function dialogWidth(columns: number): number {
  if ((columns - PREFERRED_WIDTH) / 2 >= MIN_SIDE_ROOM) return PREFERRED_WIDTH;
  return Math.max(20, columns - 2);
}

/** The column of the dialog's left border. */
export function dialogLeft(columns: number): number {
  return Math.max(0, Math.floor((columns - dialogWidth(columns)) / 2));
}

/** Columns of text inside the dialog (border and one space each side taken off). */
export function innerWidth(columns: number): number {
  return dialogWidth(columns) - 4;
}

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

/** Border, title and hint: the rows every dialog has besides its body and the two gaps. */
const CHROME = 4;

/**
 * Fits a dialog whose body is `body` into a TUI `rows` tall (the layout is `rows − 1` rows: the
 * panes, then the status line and the key bar): the dialog stays within rows 1 … rows − 5.
 */
export function fitDialog(body: readonly BodyLine[], rows: number): DialogFit {
  const room = Math.max(CHROME + 1, rows - 5);
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
  const start = Math.min(Math.max(0, focus - Math.floor(capacity / 2)), n - capacity);
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
