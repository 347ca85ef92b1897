/**
 * Fitting the key inspector's lines (./keys-screen-lines.ts) to a width without cutting them: the
 * TUI wraps, `b2c keys inspect` prints them whole. Pure.
 */
import { displayWidth } from '../text/sanitize.js';
import { wrapText } from '../text/wrap.js';
import { lineText, type FactLine } from './keys-screen-lines.js';

/**
 * `line` in lines of at most `width` columns: its last segment (a value, a reason, a meaning)
 * wraps at spaces under where it starts, so nothing is cut. A line that fits stays as it is.
 */
export function wrapFactLine(line: FactLine, width: number): FactLine[] {
  const last = line[line.length - 1];
  if (last === undefined || displayWidth(lineText(line)) <= width) return [line];
  const head = line.slice(0, -1);
  const lead = last.text.length - last.text.trimStart().length;
  const indent = displayWidth(head.map((x) => x.text).join('')) + lead;
  const words = last.text.trimStart();
  if (width - indent >= 20) {
    const [first = '', ...rest] = wrapText(words, width - indent);
    return [
      [...head, { text: ' '.repeat(lead) + first, tone: last.tone }],
      ...rest.map((piece): FactLine => [
        { text: ' '.repeat(indent), tone: 'plain' },
        { text: piece, tone: last.tone },
      ]),
    ];
  }
  // A prefix too wide to hang under: the text goes on the lines below, near the left edge.
  const margin = Math.min(4, Math.max(0, width - 1));
  return [
    head,
    ...wrapText(words, Math.max(1, width - margin)).map((piece): FactLine => [
      { text: ' '.repeat(margin), tone: 'plain' },
      { text: piece, tone: last.tone },
    ]),
  ];
}

/** Every line wrapped to `width` (see {@link wrapFactLine}). */
export function wrapFactLines(lines: readonly FactLine[], width: number): FactLine[] {
  return lines.flatMap((l) => wrapFactLine(l, width));
}
