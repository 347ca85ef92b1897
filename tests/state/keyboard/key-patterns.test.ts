import { describe, expect, it } from 'vitest';
import { buildPattern, canonicalisePattern, formatKeyPattern } from '../../../src/state/keyboard/key-patterns.js';

describe('canonicalisePattern', () => {
  const table: Array<[string, string | null]> = [
    ['F5', 'f5'],
    ['f10', 'f10'],
    ['Ctrl+R', 'ctrl+r'],
    ['control+r', 'ctrl+r'],
    ['shift+F6', 'shift+f6'],
    ['Shift+Ctrl+Up', 'ctrl+shift+up'],
    ['alt+x', 'meta+x'],
    ['Esc', 'escape'],
    ['Return', 'enter'],
    ['PgDn', 'pagedown'],
    ['Ins', 'insert'],
    ['Del', 'delete'],
    ['+', '+'],
    ['meta++', 'meta++'],
    ['-', '-'],
    [' ', 'space'],
    ['G', 'G'],
    ['shift+g', 'G'],
    ['g', 'g'],
    // Not keys a terminal can send distinctly, or not keys at all.
    ['ctrl+shift+r', null],
    ['ctrl+1', null],
    ['shift+1', null],
    ['f13', null],
    ['hyper+x', null],
    ['ctrl+ctrl+x', null],
    ['ctrl+', null],
    ['', null],
    ['banana', null],
  ];
  it.each(table)('%j → %j', (input, expected) => {
    expect(canonicalisePattern(input)).toBe(expected);
  });
});

describe('buildPattern', () => {
  it('orders modifiers ctrl, meta, shift', () => {
    expect(buildPattern({ ctrl: true, meta: true, shift: true }, 'up')).toBe('ctrl+meta+shift+up');
  });
  it('refuses control characters as bases', () => {
    expect(buildPattern({ ctrl: false, meta: false, shift: false }, '\x1b')).toBeNull();
  });
});

describe('formatKeyPattern', () => {
  const table: Array<[string, string]> = [
    ['ctrl+r', 'Ctrl+R'],
    ['f5', 'F5'],
    ['shift+f6', 'Shift+F6'],
    ['up', '↑'],
    ['pageup', 'PgUp'],
    ['meta+x', 'Alt+x'],
    ['escape', 'Esc'],
    ['space', 'Space'],
    ['G', 'G'],
    ['+', '+'],
    ['meta++', 'Alt++'],
  ];
  it.each(table)('%s → %s', (pattern, shown) => {
    expect(formatKeyPattern(pattern)).toBe(shown);
  });
});
