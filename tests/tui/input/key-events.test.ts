import { describe, expect, it } from 'vitest';
import { splitInput } from '../../../src/tui/input/key-events.js';

describe('splitting raw input into key presses', () => {
  it('keeps an escape sequence whole', () => {
    expect(splitInput('\x1b[15~', false)).toEqual([{ kind: 'key', raw: '\x1b[15~' }]);
  });

  it('splits a run of characters typed faster than a frame into keys', () => {
    expect(splitInput('jjk', false)).toEqual([
      { kind: 'key', raw: 'j' },
      { kind: 'key', raw: 'j' },
      { kind: 'key', raw: 'k' },
    ]);
  });

  it('keeps printable runs together in a text field and splits out control keys', () => {
    expect(splitInput('new name\r', true)).toEqual([
      { kind: 'text', text: 'new name' },
      { kind: 'key', raw: '\r' },
    ]);
  });

  it('splits by code point, not UTF-16 unit', () => {
    expect(splitInput('é🎉', false).map((e) => (e.kind === 'key' ? e.raw : ''))).toEqual(['é', '🎉']);
  });
});
