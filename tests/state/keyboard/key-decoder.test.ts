import { createElement, useEffect } from 'react';
import { useInput, useStdin } from 'ink';
import { render, cleanup } from 'ink-testing-library';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseRawKey } from '../../../src/state/keyboard/key-decoder.js';

describe('parseRawKey: raw terminal sequences', () => {
  const table: Array<[string, string, string | null]> = [
    // F1–F4
    ['xterm F1 (SS3 P)', '\x1bOP', 'f1'],
    ['xterm F4 (SS3 S)', '\x1bOS', 'f4'],
    ['VT220/rxvt F1 (CSI 11~)', '\x1b[11~', 'f1'],
    ['VT220/rxvt F3 (CSI 13~)', '\x1b[13~', 'f3'],
    ['Linux console F1 (CSI [A)', '\x1b[[A', 'f1'],
    ['Linux console F5 (CSI [E)', '\x1b[[E', 'f5'],
    ['xterm Shift+F1 (CSI 1;2P)', '\x1b[1;2P', 'shift+f1'],
    ['old xterm Shift+F3 (SS3 2R)', '\x1bO2R', 'shift+f3'],
    // F5–F12
    ['F5', '\x1b[15~', 'f5'],
    ['F6', '\x1b[17~', 'f6'],
    ['F7', '\x1b[18~', 'f7'],
    ['F8', '\x1b[19~', 'f8'],
    ['F9', '\x1b[20~', 'f9'],
    ['F10', '\x1b[21~', 'f10'],
    ['F11', '\x1b[23~', 'f11'],
    ['F12', '\x1b[24~', 'f12'],
    ['xterm Shift+F6', '\x1b[17;2~', 'shift+f6'],
    ['xterm Ctrl+F5', '\x1b[15;5~', 'ctrl+f5'],
    ['xterm Alt+F5', '\x1b[15;3~', 'meta+f5'],
    ['rxvt Alt+F5 (extra ESC)', '\x1b\x1b[15~', 'meta+f5'],
    ['unknown CSI number (F13 slot)', '\x1b[25~', null],
    // editing keys
    ['Insert', '\x1b[2~', 'insert'],
    ['rxvt Shift+Insert', '\x1b[2$', 'shift+insert'],
    ['Delete', '\x1b[3~', 'delete'],
    ['rxvt Ctrl+Delete', '\x1b[3^', 'ctrl+delete'],
    ['Home CSI 1~', '\x1b[1~', 'home'],
    ['Home CSI H', '\x1b[H', 'home'],
    ['Home SS3 H', '\x1bOH', 'home'],
    ['Home rxvt CSI 7~', '\x1b[7~', 'home'],
    ['End CSI 4~', '\x1b[4~', 'end'],
    ['End CSI F', '\x1b[F', 'end'],
    ['End rxvt CSI 8~', '\x1b[8~', 'end'],
    ['PageUp', '\x1b[5~', 'pageup'],
    ['PageDown', '\x1b[6~', 'pagedown'],
    // arrows
    ['Up CSI A', '\x1b[A', 'up'],
    ['Down SS3 B (application mode)', '\x1bOB', 'down'],
    ['Ctrl+Right xterm', '\x1b[1;5C', 'ctrl+right'],
    ['Shift+Left rxvt', '\x1b[d', 'shift+left'],
    ['Ctrl+Up rxvt', '\x1bOa', 'ctrl+up'],
    ['Shift+Tab', '\x1b[Z', 'shift+tab'],
    // single bytes
    ['Enter CR', '\r', 'enter'],
    ['Enter LF', '\n', 'enter'],
    ['Tab', '\t', 'tab'],
    ['Backspace DEL', '\x7f', 'backspace'],
    ['Backspace BS', '\b', 'backspace'],
    ['Escape', '\x1b', 'escape'],
    ['Space', ' ', 'space'],
    ['Ctrl+Space (NUL)', '\x00', 'ctrl+space'],
    ['Ctrl+R', '\x12', 'ctrl+r'],
    ['Ctrl+C', '\x03', 'ctrl+c'],
    ['Alt+x', '\x1bx', 'meta+x'],
    ['letter', 'j', 'j'],
    ['capital', 'G', 'G'],
    ['question mark', '?', '?'],
    ['plus', '+', '+'],
    ['non-ASCII letter', 'é', 'é'],
    ['pasted text', 'hello', null],
    ['mouse report', '\x1b[M !!', null],
    ['empty', '', null],
  ];
  it.each(table)('%s', (_name, raw, expected) => {
    expect(parseRawKey(raw)).toBe(expected);
  });
});

/**
 * Drives real Ink 6.8 with raw bytes and records what `useInput` delivers and what Ink's raw
 * 'input' event carries, to check the decoder against what Ink really emits.
 */
interface Press {
  input: string;
  /** What Ink's `useInput` reports for the same press (it cannot tell F-keys and Insert apart). */
  key: unknown;
  raw: string;
}

const inputs: Array<{ input: string; key: unknown }> = [];
const raws: string[] = [];
let notify: () => void = () => undefined;
let ready: Promise<void>;
let stdinWrite: (s: string) => void;

function Probe(props: { onReady: () => void }): null {
  const { internal_eventEmitter: emitter } = useStdin();
  useInput((input, key) => {
    inputs.push({ input, key });
    notify();
  });
  useEffect(() => {
    const onRaw = (raw: string): void => {
      raws.push(raw);
      notify();
    };
    emitter.on('input', onRaw);
    props.onReady();
    return () => {
      emitter.off('input', onRaw);
    };
  }, [emitter, props]);
  return null;
}

async function press(raw: string): Promise<Press> {
  await ready;
  const n = inputs.length;
  const done = new Promise<void>((resolve) => {
    notify = () => {
      if (inputs.length > n && raws.length > n) resolve();
    };
  });
  stdinWrite(raw);
  await done;
  const got = inputs[n];
  const gotRaw = raws[n];
  if (got === undefined || gotRaw === undefined) throw new Error('no key event recorded');
  return { ...got, raw: gotRaw };
}

describe('parseRawKey with real Ink 6.8 input', () => {
  beforeAll(() => {
    ready = new Promise<void>((resolve) => {
      const app = render(createElement(Probe, { onReady: resolve }));
      stdinWrite = (s) => app.stdin.write(s);
    });
  });
  afterAll(() => {
    cleanup();
  });

  // [raw bytes, the pattern of the raw sequence Ink emits]
  const table: Array<[string, string]> = [
    ['\x1b[15~', 'f5'],
    ['\x1bOP', 'f1'],
    ['\x1b[[A', 'f1'],
    ['\x1b[17;2~', 'shift+f6'],
    ['\x1b[21~', 'f10'],
    ['\x1b[2~', 'insert'],
    ['\x1b[1;2P', 'shift+f1'],
    ['\x1b[3~', 'delete'],
    ['\x7f', 'backspace'],
    ['\x1b[A', 'up'],
    ['\x1b[B', 'down'],
    ['\x1b[5~', 'pageup'],
    ['\x1b[6~', 'pagedown'],
    ['\x1b[H', 'home'],
    ['\x1b[F', 'end'],
    ['\r', 'enter'],
    ['\t', 'tab'],
    ['\x1b[Z', 'shift+tab'],
    ['\x1b', 'escape'],
    [' ', 'space'],
    ['\x12', 'ctrl+r'],
    ['\x03', 'ctrl+c'],
    ['\x1bx', 'meta+x'],
    ['j', 'j'],
    ['G', 'G'],
    ['?', '?'],
    ['*', '*'],
    ['.', '.'],
    ['/', '/'],
  ];
  it.each(table)('raw %j', async (raw, pattern) => {
    const p = await press(raw);
    expect(p.raw).toBe(raw);
    expect(parseRawKey(p.raw)).toBe(pattern);
  });

  it('treats pasted text as no key', async () => {
    const p = await press('abc');
    expect(parseRawKey(p.raw)).toBeNull();
  });
});
