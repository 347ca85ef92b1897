/**
 * Ink's frame drawn straight into screen rows (screen-row.ts) from its laid-out tree — what Ink's
 * own output pass does (render-node-to-output and Output in Ink 6.8: text written at its layout
 * position through its components' transforms, borders, box backgrounds, `overflow: hidden`
 * clipping), without its cost: Ink builds a cell object per terminal cell, tokenizes every line
 * and measures every character again on every frame, then the screen model parses the joined
 * frame back. Here each distinct line is cut into cells once (line-cells.ts) and copied.
 *
 * Only for frames whose cells are certain: the answer is null — draw this frame through Ink —
 * when a text must be wrapped or truncated by Ink, a clip would cut a wide character or styled
 * text, a write lands on half of a wide character, or a line holds anything line-cells.ts is not
 * certain of. Then Ink's pass and the screen model give the same rows as ever.
 */
import type { DOMElement } from 'ink';
import { displayWidth } from '../../state/text/sanitize.js';
import { splitsBoldAndDim } from './cell-style.js';
import { BORDERS, colorize, dim } from './ink-colour.js';
import { lineCells } from './line-cells.js';
import { blankRow, WIDE_TAIL, type ScreenRow } from './screen-row.js';

type Transformer = (line: string, index: number) => string;
type InkNode = DOMElement['childNodes'][number];

/** yoga-layout's Display.None and Edge values (Ink's DOM nodes carry yoga nodes). */
const DISPLAY_NONE = 1;
const EDGE = { left: 0, top: 1, right: 2, bottom: 3 } as const;

interface Clip {
  x1?: number;
  x2?: number;
  y1?: number;
  y2?: number;
}

/** Thrown to give up on the frame: Ink draws it. */
class Uncertain extends Error {}

/** What a cell holds as far as wide characters go. */
const NARROW = 0;
const WIDE_HEAD = 1;
const WIDE_TAIL_CELL = 2;

class Grid {
  readonly rows: ScreenRow[];
  private readonly wide: Uint8Array[];

  constructor(
    readonly cols: number,
    height: number,
  ) {
    this.rows = Array.from({ length: height }, () => blankRow(cols));
    this.wide = Array.from({ length: height }, () => new Uint8Array(cols));
  }

  /** Writes `line`'s cells from column `x` of row `y`, as Ink's Output does. */
  put(x: number, y: number, line: string): void {
    const cells = lineCells(line);
    if (cells === null || x < 0) throw new Uncertain();
    const row = this.rows[y];
    const wide = this.wide[y];
    if (row === undefined || wide === undefined) return;
    let at = x;
    for (let i = 0; i < cells.chars.length && at < this.cols; i++) {
      const w = cells.widths[i] ?? 1;
      if (wide[at] !== NARROW || (w === 2 && at + 1 < this.cols && wide[at + 1] !== NARROW)) throw new Uncertain();
      const style = cells.styles[i] ?? 0;
      row.styles[at] = style;
      if (w === 1) row.chars[at] = cells.chars[i] ?? ' ';
      else if (at + 1 >= this.cols) {
        // The screen model shows a wide character cut by the right edge as a blank cell.
        row.chars[at] = ' ';
        wide[at] = WIDE_HEAD;
      } else {
        row.chars[at] = cells.chars[i] ?? ' ';
        row.chars[at + 1] = WIDE_TAIL;
        row.styles[at + 1] = style;
        wide[at] = WIDE_HEAD;
        wide[at + 1] = WIDE_TAIL_CELL;
      }
      at += w;
    }
  }
}

/**
 * Columns [from, to) of plain `line`, as slice-ansi cuts them; styled text (nested <Text>), or a
 * cut through a wide character, goes through Ink.
 */
function sliceColumns(line: string, from: number, to: number): string {
  const cells = lineCells(line);
  if (cells === null || line.includes('\x1b')) throw new Uncertain();
  let out = '';
  let col = 0;
  for (let i = 0; i < cells.chars.length && col < to; i++) {
    const w = cells.widths[i] ?? 1;
    if (col >= from && col + w <= to) out += cells.chars[i] ?? '';
    else if (col + w > from) throw new Uncertain();
    col += w;
  }
  return out;
}

function widest(text: string): number {
  let w = 0;
  for (const line of text.split('\n')) w = Math.max(w, displayWidth(line));
  return w;
}

/** Ink's Output.write: `text` at (x, y), inside the innermost clip, each line through `transformers`. */
function write(grid: Grid, x: number, y: number, text: string, transformers: Transformer[], clip?: Clip): void {
  let lines = text.split('\n');
  if (clip !== undefined) {
    const { x1, x2, y1, y2 } = clip;
    const clipH = x1 !== undefined && x2 !== undefined;
    const clipV = y1 !== undefined && y2 !== undefined;
    if (clipH && (x + widest(text) < x1 || x > x2)) return;
    if (clipV && (y + lines.length < y1 || y > y2)) return;
    if (clipH) {
      lines = lines.map((line) => {
        const width = displayWidth(line);
        const from = x < x1 ? x1 - x : 0;
        const to = x + width > x2 ? x2 - x : width;
        return from === 0 && to === width ? line : sliceColumns(line, from, to);
      });
      if (x < x1) x = x1;
    }
    if (clipV) {
      lines = lines.slice(y < y1 ? y1 - y : 0, y + lines.length > y2 ? y2 - y : lines.length);
      if (y < y1) y = y1;
    }
  }
  // Ink skips a line whose row is not on the screen without moving on a row: above the screen,
  // that skips the whole text.
  if (y < 0) return;
  lines.forEach((line, index) => {
    for (const t of transformers) line = t(line, index);
    grid.put(x, y + index, line);
  });
}

/** Ink's squashTextNodes: the text of a <Text>, nested <Text>s through their own transforms. */
function squash(node: DOMElement): string {
  let text = '';
  node.childNodes.forEach((child, index) => {
    if (child.nodeName === '#text') {
      text += child.nodeValue;
      return;
    }
    let inner = child.nodeName === 'ink-text' || child.nodeName === 'ink-virtual-text' ? squash(child) : '';
    if (inner.length > 0 && typeof child.internal_transform === 'function')
      inner = child.internal_transform(inner, index);
    text += inner;
  });
  // Ink strips escape sequences other than SGR here; there should be none (outside strings are
  // escaped before they reach a component), and if there are, Ink handles them.
  // eslint-disable-next-line no-control-regex -- finding escape sequences is the point.
  if (/[\x1b\x80-\x9f]/.test(text.replace(/\x1b\[[0-9;]*m/g, ''))) throw new Uncertain();
  return text;
}

function renderBackground(grid: Grid, x: number, y: number, node: DOMElement, clip?: Clip): void {
  const { style, yogaNode } = node;
  if (!style.backgroundColor || yogaNode === undefined) return;
  const bordered = style.borderStyle !== undefined;
  const left = bordered && style.borderLeft !== false ? 1 : 0;
  const right = bordered && style.borderRight !== false ? 1 : 0;
  const top = bordered && style.borderTop !== false ? 1 : 0;
  const bottom = bordered && style.borderBottom !== false ? 1 : 0;
  const width = yogaNode.getComputedWidth() - left - right;
  const height = yogaNode.getComputedHeight() - top - bottom;
  if (!(width > 0 && height > 0)) return;
  const line = colorize(' '.repeat(width), style.backgroundColor, 'background');
  for (let row = 0; row < height; row++) write(grid, x + left, y + top + row, line, [], clip);
}

function renderBorder(grid: Grid, x: number, y: number, node: DOMElement, clip?: Clip): void {
  const { style, yogaNode } = node;
  if (style.borderStyle === undefined || yogaNode === undefined) return;
  const box = typeof style.borderStyle === 'string' ? BORDERS[style.borderStyle] : undefined;
  if (box === undefined) throw new Uncertain();
  const width = yogaNode.getComputedWidth();
  const height = yogaNode.getComputedHeight();
  const colour = (side: 'Top' | 'Bottom' | 'Left' | 'Right'): string | undefined =>
    style[`border${side}Color`] ?? style.borderColor;
  const dimmed = (side: 'Top' | 'Bottom' | 'Left' | 'Right'): boolean | undefined =>
    style[`border${side}DimColor`] ?? style.borderDimColor;
  const showTop = style.borderTop !== false;
  const showBottom = style.borderBottom !== false;
  const showLeft = style.borderLeft !== false;
  const showRight = style.borderRight !== false;
  const inner = width - (showLeft ? 1 : 0) - (showRight ? 1 : 0);
  const horizontal = (side: 'Top' | 'Bottom', l: string, mid: string, r: string): string => {
    const line = colorize((showLeft ? l : '') + mid.repeat(inner) + (showRight ? r : ''), colour(side), 'foreground');
    return dimmed(side) ? dim(line) : line;
  };
  const vertical = (side: 'Left' | 'Right', ch: string): string => {
    const column = (colorize(ch, colour(side), 'foreground') + '\n').repeat(
      height - (showTop ? 1 : 0) - (showBottom ? 1 : 0),
    );
    return dimmed(side) ? dim(column) : column;
  };
  const below = showTop ? 1 : 0;
  if (showTop) write(grid, x, y, horizontal('Top', box.topLeft, box.top, box.topRight), [], clip);
  if (showLeft) write(grid, x, y + below, vertical('Left', box.left), [], clip);
  if (showRight) write(grid, x + width - 1, y + below, vertical('Right', box.right), [], clip);
  if (showBottom)
    write(grid, x, y + height - 1, horizontal('Bottom', box.bottomLeft, box.bottom, box.bottomRight), [], clip);
}

/** Ink's renderNodeToOutput for one node and what is inside it. */
function renderNode(
  grid: Grid,
  node: InkNode,
  offsetX: number,
  offsetY: number,
  transformers: Transformer[],
  clip?: Clip,
): void {
  if (node.internal_static === true) return;
  const yoga = node.yogaNode;
  if (yoga === undefined || node.nodeName === '#text' || Number(yoga.getDisplay()) === DISPLAY_NONE) return;
  const x = offsetX + yoga.getComputedLeft();
  const y = offsetY + yoga.getComputedTop();
  // Ink indexes its cell rows with these; a fraction would lose the text there.
  if (!Number.isInteger(x) || !Number.isInteger(y)) throw new Uncertain();
  const own = node.internal_transform;
  const chain = typeof own === 'function' ? [own, ...transformers] : transformers;
  if (node.nodeName === 'ink-text') {
    const text = squash(node);
    if (text.length === 0) return;
    const maxWidth =
      yoga.getComputedWidth() -
      yoga.getComputedPadding(EDGE.left) -
      yoga.getComputedPadding(EDGE.right) -
      yoga.getComputedBorder(EDGE.left) -
      yoga.getComputedBorder(EDGE.right);
    // Wrapping and truncating are Ink's (wrap-ansi, cli-truncate); so is text inside padding.
    if (widest(text) > maxWidth || node.childNodes[0]?.yogaNode !== undefined) throw new Uncertain();
    write(grid, x, y, text, chain, clip);
    return;
  }
  let inner = clip;
  if (node.nodeName === 'ink-box') {
    renderBackground(grid, x, y, node, clip);
    renderBorder(grid, x, y, node, clip);
    const { overflow, overflowX, overflowY } = node.style;
    const clipH = overflowX === 'hidden' || overflow === 'hidden';
    const clipV = overflowY === 'hidden' || overflow === 'hidden';
    if (clipH || clipV) {
      inner = {
        x1: clipH ? x + yoga.getComputedBorder(EDGE.left) : undefined,
        x2: clipH ? x + yoga.getComputedWidth() - yoga.getComputedBorder(EDGE.right) : undefined,
        y1: clipV ? y + yoga.getComputedBorder(EDGE.top) : undefined,
        y2: clipV ? y + yoga.getComputedHeight() - yoga.getComputedBorder(EDGE.bottom) : undefined,
      };
    }
  }
  if (node.nodeName === 'ink-root' || node.nodeName === 'ink-box')
    for (const child of node.childNodes) renderNode(grid, child, x, y, chain, inner);
}

/**
 * The rows of the frame Ink would draw for its laid-out tree `root` (the `ink-root` node) on a
 * terminal `cols` columns wide — one per row of the root's height — or null when the frame's cells
 * are not certain without Ink's own pass (see above).
 */
export function renderInkFrame(root: DOMElement, cols: number): ScreenRow[] | null {
  const yoga = root.yogaNode;
  if (yoga === undefined || root.staticNode !== undefined || yoga.getComputedWidth() !== cols) return null;
  const grid = new Grid(cols, Math.max(0, Math.ceil(yoga.getComputedHeight())));
  try {
    renderNode(grid, root, 0, 0, []);
  } catch (e) {
    if (e instanceof Uncertain) return null;
    throw e;
  }
  // Where Ink's pass would show other styles than its cells hold, the frame is Ink's.
  for (const row of grid.rows)
    for (let x = 1; x < row.styles.length; x++)
      if (splitsBoldAndDim(row.styles[x - 1] ?? 0, row.styles[x] ?? 0)) return null;
  return grid.rows;
}
