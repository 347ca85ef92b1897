import { describe, expect, it } from 'vitest';
import { editLine, lineOf, stripControls } from '../../../src/state/keyboard/line-edit.js';
import { splitTypedInput, textEditForKey } from '../../../src/state/keyboard/screen-key.js';
import { k } from '../accounts/fixtures.js';

describe('text fields in state', () => {
  it('inserts at the cursor, erases and moves by code point (emoji included)', () => {
    let v = lineOf('ab');
    v = editLine(v, { type: 'left' });
    v = editLine(v, { type: 'insert', text: '😀' });
    expect(v).toEqual({ text: 'a😀b', cursor: 2 });
    v = editLine(v, { type: 'backspace' });
    expect(v).toEqual({ text: 'ab', cursor: 1 });
    v = editLine(v, { type: 'delete' });
    expect(v).toEqual({ text: 'a', cursor: 1 });
    expect(editLine(v, { type: 'home' }).cursor).toBe(0);
    expect(editLine({ text: 'abc', cursor: 0 }, { type: 'end' }).cursor).toBe(3);
    expect(editLine({ text: 'abc', cursor: 0 }, { type: 'backspace' })).toEqual({ text: 'abc', cursor: 0 });
    expect(editLine({ text: 'abc', cursor: 2 }, { type: 'clear' })).toEqual({ text: '', cursor: 0 });
  });

  it('never lets control characters or escape sequences into a field', () => {
    expect(stripControls('a\x1b[2Jb\u202ec\r\n')).toBe('a[2Jbc');
    // The zero-width joiner of an emoji sequence is not a control: a family emoji stays whole.
    expect(stripControls('\u{1F468}\u200d\u{1F469}')).toBe('\u{1F468}\u200d\u{1F469}');
    expect(textEditForKey({ pattern: null, text: '\x1b[2J' })).toBeNull();
    expect(editLine(lineOf(''), { type: 'insert', text: '\x07\x1b' })).toEqual({ text: '', cursor: 0 });
  });

  it('maps keys to edits: printable and pasted text insert, commands do not', () => {
    expect(textEditForKey(k('x'))).toEqual({ type: 'insert', text: 'x' });
    expect(textEditForKey(k('pasted-text'))).toEqual({ type: 'insert', text: 'pasted-text' });
    expect(textEditForKey(k('space'))).toEqual({ type: 'insert', text: ' ' });
    expect(textEditForKey(k('backspace'))).toEqual({ type: 'backspace' });
    expect(textEditForKey(k('ctrl+u'))).toEqual({ type: 'killBefore' });
    expect(textEditForKey(k('enter'))).toBeNull();
    expect(textEditForKey(k('f5'))).toBeNull();
    expect(textEditForKey({ pattern: 'meta+x', text: 'x' })).toBeNull();
  });

  it('splits line breaks out of typed input as Enter presses', () => {
    expect(splitTypedInput({ pattern: null, text: 'abc\rdef\n' })).toEqual([
      { pattern: null, text: 'abc' },
      { pattern: 'enter', text: '' },
      { pattern: null, text: 'def' },
      { pattern: 'enter', text: '' },
    ]);
    expect(splitTypedInput({ pattern: null, text: 'y\r' })).toEqual([
      { pattern: 'y', text: 'y' },
      { pattern: 'enter', text: '' },
    ]);
    expect(splitTypedInput({ pattern: 'enter', text: '' })).toEqual([{ pattern: 'enter', text: '' }]);
  });
});
