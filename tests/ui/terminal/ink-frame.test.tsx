/**
 * ink-frame.ts draws Ink's laid-out tree into screen rows itself. Whenever it does (it may decline a
 * frame, and Ink's own pass draws it), its rows must be exactly the rows the screen model parses
 * from Ink's own frame for the same tree: random trees of boxes (borders, backgrounds, clipping,
 * padding, overlapping absolute boxes) and styled texts (colours, bold, dim, inverse, nested
 * texts) holding wide characters, emoji, combining marks, flags, jamo, escaped names and text
 * too wide for its box.
 */
import chalk from 'chalk';
import { Box, render, Text, type DOMElement } from 'ink';
import { EventEmitter } from 'node:events';
import type { ReactElement, ReactNode } from 'react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { renderInkFrame } from '../../../src/ui/terminal/ink-frame.js';
import { blankRow, parseLine, type ScreenRow } from '../../../src/ui/terminal/screen-row.js';

/** Words whose cells are certain, then words that make ink-frame.ts decline (or must not). */
const WORDS = [
  'readme.txt',
  'photos/',
  '中文.txt',
  '日本語',
  'emoji 😀 ok',
  '┌─┐│└┘',
  'x',
  '',
  'a b  c',
  'trailing   ',
  '¼½¾ ñ ü',
  '한국어',
];
const TRICKY = [
  'family 👨‍👩‍👧',
  'thumb 👍🏽',
  'flag 🇺🇸',
  'cafe\u0301',
  '한국어',
  '\u1100\u1161\u11a8',
  'evil\\x1b[2J',
  'nbsp\u00a0x',
  'ideo\u3000sp',
  'tab\tx',
  'ctrl\x1b[31mred',
  '\u0600\u0661',
];
const COLOURS = [undefined, 'red', 'cyan', 'blueBright', 'gray', '#ff8800', 'ansi256(33)', 'rgb(10,200,30)'];

/** A small deterministic random generator (mulberry32). */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function generator(seed: number) {
  const r = random(seed);
  const pick = <T,>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)] as T;
  const chance = (p: number): boolean => r() < p;
  const words = (): string =>
    Array.from({ length: chance(0.7) ? 1 : 2 }, () => (chance(0.03) ? pick(TRICKY) : pick(WORDS))).join(' ');
  let key = 0;
  const text = (): ReactNode => (
    <Text
      key={key++}
      color={pick(COLOURS)}
      backgroundColor={chance(0.3) ? pick(COLOURS) : undefined}
      bold={chance(0.3)}
      dimColor={chance(0.2)}
      inverse={chance(0.15)}
      wrap={chance(0.5) ? 'truncate' : 'wrap'}
    >
      {words()}
      {chance(0.3) ? (
        <Text color={pick(COLOURS)} bold={chance(0.5)}>
          {words()}
        </Text>
      ) : null}
    </Text>
  );
  const box = (depth: number): ReactNode => (
    <Box
      key={key++}
      flexDirection={chance(0.5) ? 'row' : 'column'}
      borderStyle={chance(0.4) ? pick(['single', 'double', 'round'] as const) : undefined}
      borderColor={pick(COLOURS)}
      borderDimColor={chance(0.2)}
      backgroundColor={chance(0.15) ? pick(COLOURS) : undefined}
      overflow={chance(0.3) ? 'hidden' : undefined}
      width={chance(0.15) ? 10 + Math.floor(r() * 30) : undefined}
      height={chance(0.2) ? 1 + Math.floor(r() * 6) : undefined}
      paddingLeft={chance(0.15) ? 1 : 0}
      position={chance(0.15) ? 'absolute' : undefined}
      marginLeft={chance(0.2) ? Math.floor(r() * 5) : 0}
      marginTop={chance(0.1) ? 1 : 0}
    >
      {Array.from({ length: 1 + Math.floor(r() * 3) }, () => (depth > 0 && chance(0.4) ? box(depth - 1) : text()))}
    </Box>
  );
  return (cols: number, rows: number): ReactElement => (
    <Box flexDirection="column" width={cols} height={rows}>
      {box(2)}
      {box(2)}
    </Box>
  );
}

/** A stdout for Ink that keeps the last frame. */
class FrameSink extends EventEmitter {
  last = '';
  constructor(readonly columns: number) {
    super();
  }
  write = (frame: string): boolean => {
    this.last = frame;
    return true;
  };
}

function inkRows(frame: string, cols: number, height: number): ScreenRow[] {
  const lines = frame.split('\n');
  return Array.from({ length: height }, (_, y) =>
    y < lines.length ? parseLine(lines[y] ?? '', cols) : blankRow(cols),
  );
}

let level = chalk.level;
beforeEach(() => {
  level = chalk.level;
  chalk.level = 2;
});
afterEach(() => {
  chalk.level = level;
});

describe('renderInkFrame', () => {
  it('draws exactly the rows Ink draws, whenever it draws a frame', () => {
    let drawn = 0;
    let frames = 0;
    for (let seed = 1; seed <= 300; seed++) {
      const cols = 40 + (seed % 50);
      const rows = 4 + (seed % 12);
      const sink = new FrameSink(cols);
      const seen: { root: DOMElement | null } = { root: null };
      const tree = generator(seed)(cols, rows);
      const app = render(
        <Box
          ref={(n) => {
            seen.root = n;
          }}
        >
          {tree}
        </Box>,
        { stdout: sink as unknown as NodeJS.WriteStream, debug: true, patchConsole: false, exitOnCtrlC: false },
      );
      try {
        let node: DOMElement | undefined = seen.root ?? undefined;
        while (node !== undefined && node.nodeName !== 'ink-root') node = node.parentNode;
        if (node === undefined) throw new Error('no ink-root');
        frames++;
        const rowsDrawn = renderInkFrame(node, cols);
        if (rowsDrawn === null) continue;
        drawn++;
        expect({ seed, rows: rowsDrawn }).toEqual({ seed, rows: inkRows(sink.last, cols, rowsDrawn.length) });
      } finally {
        app.unmount();
      }
    }
    // The direct path must be the common one, or this test would prove little.
    expect(drawn).toBeGreaterThan(frames / 4);
  });
});
