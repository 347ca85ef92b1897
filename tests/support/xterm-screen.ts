/**
 * A headless xterm.js terminal for checking what a program's bytes put on a screen, cell by cell
 * (character, width, colours, attributes). By default it measures graphemes as modern terminals
 * and Ink's layout (string-width) do — an emoji with its modifiers or joiners is one two-column
 * character — instead of xterm.js's built-in Unicode 6 tables, where 😀 is one column.
 */
import xterm from '@xterm/headless';
import stringWidth from 'string-width';

const { Terminal } = xterm;
export type HeadlessTerminal = InstanceType<typeof Terminal>;

const ZWJ = 0x200d;
const VS16 = 0xfe0f;
const VS15 = 0xfe0e;
const isRegionalIndicator = (cp: number): boolean => cp >= 0x1f1e6 && cp <= 0x1f1ff;
const isModifier = (cp: number): boolean => cp >= 0x1f3fb && cp <= 0x1f3ff;
const isMark = (cp: number): boolean => /\p{M}/u.test(String.fromCodePoint(cp));

/** xterm.js encodes a character's properties as kind << 3 | width << 1 | joins-the-previous. */
const props = (kind: number, width: number, join: boolean): number => (kind << 3) | (width << 1) | (join ? 1 : 0);
const AFTER_ZWJ = 1;
const ONE_REGIONAL_INDICATOR = 2;

function wcwidth(cp: number): 0 | 1 | 2 {
  if (cp < 0x20 || (cp >= 0x7f && cp < 0xa0)) return 0;
  return Math.min(2, stringWidth(String.fromCodePoint(cp))) as 0 | 1 | 2;
}

/** Grapheme clusters as string-width measures them: the width of the cluster's widest part. */
const graphemeProvider = {
  version: 'b2c-graphemes',
  wcwidth,
  charProperties(cp: number, preceding: number): number {
    const kind = preceding >> 3;
    const width = (preceding >> 1) & 3;
    if (preceding !== 0) {
      if (cp === ZWJ) return props(AFTER_ZWJ, width, true);
      if (kind === AFTER_ZWJ) return props(0, Math.max(width, wcwidth(cp)), true);
      if (cp === VS16) return props(0, 2, true);
      if (cp === VS15 || isModifier(cp) || isMark(cp)) return props(0, width, true);
      if (kind === ONE_REGIONAL_INDICATOR && isRegionalIndicator(cp)) return props(0, 2, true);
    }
    if (isRegionalIndicator(cp)) return props(ONE_REGIONAL_INDICATOR, 1, false);
    return props(0, wcwidth(cp), false);
  },
};

/** A headless terminal; `unicode: 'xterm'` keeps xterm.js's own Unicode 6 widths. */
export function headlessTerminal(
  cols: number,
  rows: number,
  unicode: 'graphemes' | 'xterm' = 'graphemes',
): HeadlessTerminal {
  const term = new Terminal({ cols, rows, allowProposedApi: true });
  if (unicode === 'graphemes') {
    term.unicode.register(graphemeProvider);
    term.unicode.activeVersion = graphemeProvider.version;
  }
  return term;
}

/** Resolves once `term` has processed `data`. */
export function writeTo(term: HeadlessTerminal, data: string): Promise<void> {
  return new Promise((resolve) => term.write(data, resolve));
}

type BufferLine = NonNullable<ReturnType<HeadlessTerminal['buffer']['active']['getLine']>>;

function describeCell(line: BufferLine | undefined, x: number): string {
  const cell = line?.getCell(x);
  if (cell === undefined) return '?';
  const ch = cell.getWidth() === 0 ? '·' : cell.getChars() || ' ';
  const colour = (mode: number, value: number): string => (mode === 0 ? '' : `${mode}:${value}`);
  const attrs = [
    cell.isBold(),
    cell.isDim(),
    cell.isItalic(),
    cell.isUnderline(),
    cell.isBlink(),
    cell.isInverse(),
    cell.isInvisible(),
    cell.isStrikethrough(),
    cell.isOverline(),
  ]
    .map((a) => (a !== 0 ? 1 : 0))
    .join('');
  return `${ch}[${colour(cell.getFgColorMode(), cell.getFgColor())}/${colour(cell.getBgColorMode(), cell.getBgColor())}/${attrs}]`;
}

/** One cell of the screen (row `y` of what is shown, not of the scrollback) as a string: its character (`·` for the second half of a wide one) and style. */
export function cellText(term: HeadlessTerminal, x: number, y: number): string {
  const buf = term.buffer.active;
  return describeCell(buf.getLine(buf.baseY + y), x);
}

/** Every row of the screen, one string of cells per row (see {@link cellText}). */
export function screenCells(term: HeadlessTerminal): string[] {
  const buf = term.buffer.active;
  return Array.from({ length: term.rows }, (_, y) => {
    const line = buf.getLine(buf.baseY + y);
    return Array.from({ length: term.cols }, (_, x) => describeCell(line, x)).join('');
  });
}

/** The visible text, one string per row, trailing spaces trimmed. */
export function screenText(term: HeadlessTerminal): string[] {
  const buf = term.buffer.active;
  return Array.from({ length: term.rows }, (_, y) => buf.getLine(buf.baseY + y)?.translateToString(true) ?? '');
}
