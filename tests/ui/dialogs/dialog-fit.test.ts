/**
 * Where dialogs go (issue 11, bug 2): at 80 columns they cover the panes' text through the last
 * column before the panes' border; a dialog taller than the rows between the panes' borders
 * drops blank lines, then shows a window around the highlighted line with "more" marks, and never
 * reaches the bottom border, the status line or the key bar.
 */
import { describe, expect, it } from 'vitest';
import { dialogLeft, dialogWidth, fitDialog, type BodyLine } from '../../../src/ui/dialogs/dialog-fit.js';

const line = (blank = false, focus = false): BodyLine => ({ blank, focus });

function height(fit: ReturnType<typeof fitDialog>): number {
  return (
    4 +
    (fit.titleGap ? 1 : 0) +
    (fit.hintGap ? 1 : 0) +
    fit.shown.length +
    (fit.above > 0 ? 1 : 0) +
    (fit.below > 0 ? 1 : 0)
  );
}

describe('dialog width', () => {
  it('leaves no sliver of the panes beside the dialog on narrow terminals', () => {
    for (const columns of [60, 80, 83]) {
      expect(dialogLeft(columns)).toBe(1);
      expect(dialogLeft(columns) + dialogWidth(columns)).toBe(columns - 1);
    }
  });

  it('keeps its own width, centred, when there is room on both sides', () => {
    expect(dialogWidth(100)).toBe(76);
    expect(dialogLeft(100)).toBe(12);
  });
});

describe('fitting a dialog into the rows', () => {
  it('draws a short dialog whole, high on the screen', () => {
    const fit = fitDialog([line(), line(true), line()], 24);
    expect(fit).toEqual({ top: 3, titleGap: true, hintGap: true, shown: [0, 1, 2], above: 0, below: 0 });
  });

  it("moves a tall dialog up so it ends above the panes' bottom border", () => {
    const fit = fitDialog(
      Array.from({ length: 12 }, () => line()),
      24,
    );
    expect(fit.shown).toHaveLength(12);
    expect(fit.top + height(fit) - 1).toBeLessThanOrEqual(19);
  });

  it('drops the gaps and then blank lines, from the bottom, before cutting text', () => {
    const body = [line(), line(true), ...Array.from({ length: 12 }, () => line()), line(true), line()];
    const fit = fitDialog(body, 24);
    expect(fit.titleGap).toBe(false);
    expect(fit.hintGap).toBe(false);
    expect(fit.shown).toEqual([0, 1, ...Array.from({ length: 12 }, (_, i) => i + 2), 15]);
    expect(fit.top).toBe(1);
    expect(height(fit)).toBe(19);
  });

  it('shows a window around the highlighted line when even that is too tall, with the cut lines counted', () => {
    const body = Array.from({ length: 30 }, (_, i) => line(false, i === 20));
    for (const rows of [16, 24]) {
      const fit = fitDialog(body, rows);
      expect(fit.shown).toContain(20);
      expect(fit.above + fit.shown.length + fit.below).toBe(30);
      expect(fit.above).toBeGreaterThan(0);
      expect(fit.top + height(fit) - 1).toBeLessThanOrEqual(rows - 5);
    }
  });
});
