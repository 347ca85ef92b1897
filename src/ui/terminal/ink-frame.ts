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
import { splitsBoldAndDim } from './cell-style.js';
import { Grid, Uncertain, widest, write, type Clip, type Transformer } from './frame-grid.js';
import { BORDERS, colorize, dim } from './ink-colour.js';
import type { ScreenRow } from './screen-row.js';

type InkNode = DOMElement['childNodes'][number];

/** yoga-layout's Display.None and Edge values (Ink's DOM nodes carry yoga nodes). */
const DISPLAY_NONE = 1;
const EDGE = { left: 0, top: 1, right: 2, bottom: 3 } as const;

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
