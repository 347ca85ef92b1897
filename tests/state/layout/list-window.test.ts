import { describe, expect, it } from 'vitest';
import { listWindow } from '../../../src/state/layout/list-window.js';

/** The rows the window takes: its items and one row per cut side. */
function rowsUsed(w: ReturnType<typeof listWindow>): number {
  return w.end - w.start + (w.above > 0 ? 1 : 0) + (w.below > 0 ? 1 : 0);
}

describe('listWindow', () => {
  it('shows everything that fits', () => {
    expect(listWindow(3, 2, 3)).toEqual({ start: 0, end: 3, above: 0, below: 0 });
    expect(listWindow(0, 0, 3)).toEqual({ start: 0, end: 0, above: 0, below: 0 });
  });

  it('keeps the focus in view within the rows, marks included, for every size and focus', () => {
    for (let count = 1; count <= 12; count++)
      for (let rows = 1; rows <= 8; rows++)
        for (let focus = 0; focus < count; focus++) {
          const w = listWindow(count, focus, rows);
          expect(focus).toBeGreaterThanOrEqual(w.start);
          expect(focus).toBeLessThan(w.end);
          expect(w.above + (w.end - w.start) + w.below).toBe(count);
          if (rows >= 3) expect(rowsUsed(w)).toBeLessThanOrEqual(rows);
        }
  });

  it('uses the row of a mark it does not need: at the top, one mark below', () => {
    expect(listWindow(10, 0, 4)).toEqual({ start: 0, end: 3, above: 0, below: 7 });
    expect(listWindow(10, 9, 4)).toEqual({ start: 7, end: 10, above: 7, below: 0 });
    expect(listWindow(10, 5, 4)).toEqual({ start: 5, end: 7, above: 5, below: 3 });
  });
});
