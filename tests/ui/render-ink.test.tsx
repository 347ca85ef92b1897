import { Box, Text } from 'ink';
import { useState } from 'react';
import { describe, expect, it } from 'vitest';
import { parseLine } from '../../src/ui/terminal/screen-row.js';
import { useTerminalSize } from '../../src/ui/terminal-size.js';
import { framesChecked, mismatchedRows, renderInk } from './render-ink.js';

function SizeProbe(): React.ReactNode {
  const { columns, rows } = useTerminalSize();
  return <Text>{`size ${columns}x${rows}`}</Text>;
}

describe('renderInk helper', () => {
  it('supplies the terminal size and finds frames by polling', async () => {
    const h = renderInk(<SizeProbe />, { size: { columns: 120, rows: 40 } });
    expect(await h.waitForFrame((f) => f.includes('size'))).toContain('size 120x40');
    h.unmount();
  });
});

/**
 * Every frame a component test draws is also drawn by ink-frame.ts (as the TUI draws it) and the
 * two must agree; a test with a frame that differs fails when it ends. Here the check is broken on
 * purpose: its comparison is given a row that differs from Ink's, and must name it.
 */
describe('the frame check', () => {
  const COLUMNS = 20;
  const inkFrame = '\x1b[1mtitle\x1b[22m\nsecond line';
  const rowsOf = (frame: string) => frame.split('\n').map((line) => parseLine(line, COLUMNS));

  it('finds no difference between a frame and the same rows', () => {
    expect(mismatchedRows(inkFrame, rowsOf(inkFrame), COLUMNS)).toEqual([]);
  });

  it('names each row whose text, style or length differs from Ink’s frame', () => {
    const drawn = rowsOf('title\nsecond lime\nextra');
    expect(mismatchedRows(inkFrame, drawn, COLUMNS)).toEqual([
      'row 0: "\\u001b[1mtitle\\u001b[22m"',
      'row 1: "second line"',
      'row 2: undefined',
    ]);
  });

  it('compares the frames of real renders as the component changes', async () => {
    let bump = (): void => undefined;
    function Counter(): React.ReactNode {
      const [n, setN] = useState(0);
      bump = () => setN((x) => x + 1);
      return (
        <Box borderStyle="single">
          <Text bold>{`count ${n}`}</Text>
        </Box>
      );
    }
    const before = framesChecked();
    const h = renderInk(<Counter />);
    bump();
    await h.waitForFrame((f) => f.includes('count 1'));
    bump();
    await h.waitForFrame((f) => f.includes('count 2'));
    expect(framesChecked() - before).toBeGreaterThanOrEqual(2);
    h.unmount();
  });
});
