/**
 * The terminal session (src/ui/terminal-session.ts) holds Node's process warnings while b2c owns
 * the screen: Node would write them to the same terminal, in the middle of a frame. They come
 * after the screen is restored, escaped, as Node words them.
 */
import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { enterTerminalSession } from '../../src/ui/terminal-session.js';

/** A stream that keeps what is written to it. */
function collector(): { stream: PassThrough; text: () => string } {
  const stream = new PassThrough();
  let text = '';
  stream.on('data', (c: Buffer) => (text += c.toString('utf8')));
  return { stream, text: () => text };
}

/** Lets `process.emitWarning` deliver (it emits on the next tick). */
const nextTicks = () => new Promise((resolve) => setImmediate(resolve));

describe('the terminal session', () => {
  it("holds Node's warnings until the screen is restored, then writes them escaped", async () => {
    const out = collector();
    const err = collector();
    const before = process.listeners('warning');
    const session = enterTerminalSession(out.stream as unknown as NodeJS.WriteStream, () => undefined, err.stream);
    process.emitWarning('The \x1b[2J env is ignored', { code: 'ZZ_TEST' });
    process.emitWarning('plain');
    await nextTicks();
    expect(err.text()).toBe('');
    expect(out.text()).not.toContain('ignored');

    session.restore();
    await nextTicks();
    expect(out.text().endsWith('\x1b[?1049l')).toBe(true);
    expect(err.text()).toBe(
      `(node:${process.pid}) [ZZ_TEST] Warning: The \\x1b[2J env is ignored\n(node:${process.pid}) Warning: plain\n`,
    );
    // Node's own listeners are back, in their order, and the session's is gone.
    expect(process.listeners('warning')).toEqual(before);
  });

  it('writes nothing when Node prints no warnings (no listener, as with --no-warnings)', async () => {
    const before = process.listeners('warning');
    process.removeAllListeners('warning');
    try {
      const err = collector();
      const session = enterTerminalSession(
        collector().stream as unknown as NodeJS.WriteStream,
        () => undefined,
        err.stream,
      );
      process.emitWarning('unseen');
      await nextTicks();
      session.restore();
      await nextTicks();
      expect(err.text()).toBe('');
      expect(process.listeners('warning')).toEqual([]);
    } finally {
      for (const listener of before) process.on('warning', listener);
    }
  });
});
