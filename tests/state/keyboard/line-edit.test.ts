import { describe, expect, it } from 'vitest';
import { editLine, lineEditForKey, lineOf, type LineEdit } from '../../../src/state/keyboard/line-edit.js';

function apply(text: string, ...edits: LineEdit[]) {
  return edits.reduce(editLine, lineOf(text));
}

describe('line editing', () => {
  it('inserts at the cursor and moves it past the insertion', () => {
    expect(apply('ac', { type: 'left' }, { type: 'insert', text: 'b' })).toEqual({ text: 'abc', cursor: 2 });
  });

  it('backspace and delete remove one code point, never half an emoji', () => {
    expect(apply('a🎉b', { type: 'left' }, { type: 'backspace' })).toEqual({ text: 'ab', cursor: 1 });
    expect(apply('a🎉b', { type: 'home' }, { type: 'right' }, { type: 'delete' })).toEqual({ text: 'ab', cursor: 1 });
  });

  it('Ctrl+U deletes before the cursor, Ctrl+W the word before it', () => {
    expect(apply('photos/2024', { type: 'killWord' })).toEqual({ text: 'photos/', cursor: 7 });
    expect(apply('one two', { type: 'killWord' })).toEqual({ text: 'one ', cursor: 4 });
    expect(apply('abc', { type: 'left' }, { type: 'killBefore' })).toEqual({ text: 'c', cursor: 0 });
  });

  it('returns the same state when nothing changes', () => {
    const s = lineOf('');
    expect(editLine(s, { type: 'backspace' })).toBe(s);
    expect(editLine(s, { type: 'left' })).toBe(s);
  });

  it('maps keys to edits and drops control characters from pasted text', () => {
    expect(lineEditForKey('backspace', '\x7f')).toEqual({ type: 'backspace' });
    expect(lineEditForKey('ctrl+u', '\x15')).toEqual({ type: 'killBefore' });
    expect(lineEditForKey('x', 'x')).toEqual({ type: 'insert', text: 'x' });
    expect(lineEditForKey('space', ' ')).toEqual({ type: 'insert', text: ' ' });
    expect(lineEditForKey(null, 'ab\x07c')).toEqual({ type: 'insert', text: 'abc' });
    expect(lineEditForKey('f5', '\x1b[15~')).toBeNull();
    expect(lineEditForKey(null, '\x1b[99~')).toBeNull();
  });
});
