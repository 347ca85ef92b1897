/**
 * Ink renders into InkTerminalOutput (debug mode, whole frames) and the terminal behind it shows
 * exactly what Ink rendered: after every update, and after a resize, the headless terminal's
 * screen equals a fresh terminal sent Ink's frame for the same tree.
 */
import { Box, render, renderToString, Text } from 'ink';
import { Writable } from 'node:stream';
import type { ReactElement, ReactNode } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { InkTerminalOutput } from '../../../src/ui/terminal/ink-output.js';
import { headlessTerminal, screenCells, writeTo, type HeadlessTerminal } from '../../support/xterm-screen.js';

/** A terminal stream for the writer: what it is sent goes to a headless terminal. */
class FakeTerminal extends Writable {
  isTTY = true;
  written = '';
  private pending = Promise.resolve();

  constructor(
    public columns: number,
    public rows: number,
    readonly term: HeadlessTerminal,
  ) {
    super({ decodeStrings: false });
  }

  override _write(chunk: unknown, _encoding: BufferEncoding, callback: () => void): void {
    const data = String(chunk);
    this.written += data;
    this.pending = this.pending.then(() => writeTo(this.term, data));
    callback();
  }

  drawn(): Promise<void> {
    return this.pending;
  }

  resizeTo(columns: number, rows: number): void {
    this.columns = columns;
    this.rows = rows;
    this.term.resize(columns, rows);
    this.emit('resize');
  }
}

function List({ items, cursor }: { items: string[]; cursor: number }): ReactNode {
  return (
    <Box borderStyle="single" borderColor="cyan" flexDirection="column">
      {items.map((item, i) => (
        <Text
          key={item}
          backgroundColor={i === cursor ? 'cyan' : undefined}
          color={i === cursor ? 'black' : item.endsWith('/') ? 'blueBright' : undefined}
          bold={item.includes('中')}
        >
          {item}
        </Text>
      ))}
    </Box>
  );
}

const ITEMS = ['photos/', 'readme.txt', '中文.txt', 'emoji 😀 🦀.png', 'evil\\x1b[2J.txt', 'z'];
let unmount: (() => void) | null = null;
afterEach(() => {
  unmount?.();
  unmount = null;
});

async function expectScreen(fake: FakeTerminal, tree: ReactElement): Promise<void> {
  await fake.drawn();
  const expected = headlessTerminal(fake.columns, fake.rows);
  const frame = renderToString(tree, { columns: fake.columns });
  await writeTo(
    expected,
    frame
      .split('\n')
      .map((l, y) => `\x1b[${y + 1};1H${l}`)
      .join(''),
  );
  expect(screenCells(fake.term)).toEqual(screenCells(expected));
}

describe('InkTerminalOutput', () => {
  it('shows exactly what Ink renders, update after update, and after a resize', async () => {
    const fake = new FakeTerminal(40, 12, headlessTerminal(40, 12));
    const output = new InkTerminalOutput(fake as unknown as NodeJS.WriteStream);
    const app = render(<List items={ITEMS} cursor={0} />, {
      stdout: output as unknown as NodeJS.WriteStream,
      debug: true,
      patchConsole: false,
    });
    unmount = () => app.unmount();
    output.flush();
    await expectScreen(fake, <List items={ITEMS} cursor={0} />);
    for (const [items, cursor] of [
      [ITEMS, 1],
      [ITEMS, 2],
      [ITEMS.slice(0, 3), 2],
      [[...ITEMS, 'new/'], 5],
    ] as const) {
      const before = fake.written.length;
      app.rerender(<List items={[...items]} cursor={cursor} />);
      output.flush();
      await expectScreen(fake, <List items={[...items]} cursor={cursor} />);
      expect(fake.written.length - before).toBeLessThan(400);
    }
    fake.resizeTo(30, 10);
    app.rerender(<List items={ITEMS} cursor={3} />);
    output.flush();
    await expectScreen(fake, <List items={ITEMS} cursor={3} />);
  });

  it('draws a frame at once, the frames that follow within a frame time together, and nothing after close()', async () => {
    vi.useFakeTimers({ toFake: ['performance', 'setImmediate', 'clearImmediate'] });
    try {
      const fake = new FakeTerminal(40, 12, headlessTerminal(40, 12));
      const output = new InkTerminalOutput(fake as unknown as NodeJS.WriteStream);
      const app = render(<List items={ITEMS} cursor={0} />, {
        stdout: output as unknown as NodeJS.WriteStream,
        debug: true,
        patchConsole: false,
      });
      unmount = () => app.unmount();
      const updates = (from: number): number => fake.written.slice(from).split('\x1b[?2026h').length - 1;
      // The first frame was drawn during render(), without waiting for the event loop.
      expect(updates(0)).toBe(1);
      let before = fake.written.length;
      app.rerender(<List items={ITEMS} cursor={1} />);
      app.rerender(<List items={ITEMS} cursor={2} />);
      app.rerender(<List items={ITEMS} cursor={3} />);
      expect(updates(before)).toBe(0);
      vi.runAllTimers();
      expect(updates(before)).toBe(1);
      // A frame's time later, the next frame goes out at once again.
      vi.advanceTimersByTime(20);
      before = fake.written.length;
      app.rerender(<List items={ITEMS} cursor={4} />);
      expect(updates(before)).toBe(1);
      vi.useRealTimers();
      await expectScreen(fake, <List items={ITEMS} cursor={4} />);
      vi.useFakeTimers({ toFake: ['performance', 'setImmediate', 'clearImmediate'] });
      output.close();
      const closed = fake.written.length;
      app.rerender(<List items={ITEMS} cursor={0} />);
      fake.resizeTo(30, 10);
      vi.runAllTimers();
      expect(fake.written.length).toBe(closed);
    } finally {
      vi.useRealTimers();
    }
  });
});
