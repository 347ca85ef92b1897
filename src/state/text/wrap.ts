/**
 * Word wrapping for dialog text: dialogs draw over the panes, so every line must be padded to
 * the dialog's full width (Ink only overwrites the cells a line covers). Input must already be
 * sanitised.
 */
import { displayWidth, fitToWidth, truncateToWidth } from './sanitize.js';

/** Joins words that must stay on one line (`2 B`); {@link wrapText} draws it as a plain space. */
export const NO_BREAK = '\u00a0';

/**
 * `text` broken into lines of at most `width` columns, at spaces where possible; a word longer
 * than the width (a URL, a long name) is cut into width-sized pieces. Words joined by
 * {@link NO_BREAK} move to the next line together; it comes out as a space.
 */
export function wrapText(text: string, width: number): string[] {
  return breakLines(text, width).map((l) => l.replaceAll(NO_BREAK, ' '));
}

function breakLines(text: string, width: number): string[] {
  if (width <= 0) return [];
  const lines: string[] = [];
  for (const paragraph of text.split('\n')) {
    let line = '';
    for (const word of paragraph.split(' ')) {
      const candidate = line === '' ? word : `${line} ${word}`;
      if (displayWidth(candidate) <= width) {
        line = candidate;
        continue;
      }
      if (line !== '') lines.push(line);
      let rest = word;
      while (displayWidth(rest) > width) {
        const head = truncateToWidth(rest, width, { ellipsis: '' });
        if (head === '') break;
        lines.push(head);
        rest = rest.slice(head.length);
      }
      line = rest;
    }
    lines.push(line);
  }
  return lines;
}

/** `text` wrapped and each line padded to exactly `width` columns. */
export function paddedLines(text: string, width: number): string[] {
  return wrapText(text, width).map((l) => fitToWidth(l, width));
}
