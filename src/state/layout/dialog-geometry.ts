/**
 * Where a dialog goes and how much of its body fits, from the terminal's size alone (pure). The
 * view fits a dialog with these (src/ui/dialogs/dialog-fit.ts); the core uses them to know how far
 * a dialog's body can scroll (src/tui/dialogs/info.ts).
 */

/** The width a dialog has when the terminal is wide enough. */
const PREFERRED_WIDTH = 76;

/**
 * Less room than this on each side, and the columns beside the dialog would show bits of the
 * panes' rows (the last digit of a date): the dialog then takes all but the panes' outer borders.
 */
const MIN_SIDE_ROOM = 4;

/** Border, title and hint: the rows every dialog has besides its body and the two gaps. */
export const DIALOG_CHROME = 4;

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

/** Rows a dialog may take in a TUI `rows` tall (it stays within rows 1 … rows − 5). */
export function dialogRoom(rows: number): number {
  return Math.max(DIALOG_CHROME + 1, rows - 5);
}

/**
 * The first body line shown when a body of `lines` lines (no blank ones) scrolled to `top` does
 * not fit `rows`: never so far down that the window shows less than it could.
 */
export function scrollStart(lines: number, rows: number, top: number): number {
  const capacity = dialogRoom(rows) - DIALOG_CHROME;
  return Math.min(Math.max(0, top), Math.max(0, lines - capacity));
}
