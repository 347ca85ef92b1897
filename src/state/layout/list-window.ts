/**
 * A window of a list that keeps one item in view, for a list drawn inside a dialog that has
 * other lines to keep (pure). The "N more" marks take rows of the window themselves, so the
 * window never needs more than `rows` lines.
 */

export interface ListWindow {
  /** Index of the first item shown. */
  start: number;
  /** One past the last item shown. */
  end: number;
  /** Items left out above and below (each side cut costs one row for its mark). */
  above: number;
  below: number;
}

/**
 * The items of a `count`-long list to show in `rows` rows around item `focus`: all of them when
 * they fit, else a window with the focus as near the middle as the ends allow.
 */
export function listWindow(count: number, focus: number, rows: number): ListWindow {
  const room = Math.max(1, rows);
  if (count <= room) return { start: 0, end: count, above: 0, below: 0 };
  const at = Math.min(Math.max(0, focus), count - 1);
  // With a mark on each side, `room − 2` items; at an end, one mark only.
  let items = Math.max(1, room - 2);
  let start = Math.max(0, at - Math.floor((items - 1) / 2));
  if (start === 0) items = Math.max(1, room - 1);
  if (start + items >= count) {
    items = Math.max(1, room - 1);
    start = Math.max(0, count - items);
  }
  const end = Math.min(count, start + items);
  return { start, end, above: start, below: count - end };
}
