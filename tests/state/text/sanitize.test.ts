import { describe, expect, it } from 'vitest';
import { displayWidth, fitToWidth, sanitizeForTerminal, truncateToWidth } from '../../../src/state/text/sanitize.js';

describe('sanitizeForTerminal', () => {
  const hostile: Array<[string, string, string]> = [
    ['window-title OSC', 'a\x1b]0;evil\x07b', 'a\\x1b]0;evil\\x07b'],
    ['clear screen', '\x1b[2Jx', '\\x1b[2Jx'],
    ['colour', '\x1b[31mred\x1b[0m', '\\x1b[31mred\\x1b[0m'],
    ['newline', 'two\nlines', 'two\\nlines'],
    ['carriage return', 'over\rwrite', 'over\\rwrite'],
    ['tab', 'a\tb', 'a\\tb'],
    ['NUL and BEL', '\x00\x07', '\\x00\\x07'],
    ['DEL', 'a\x7f', 'a\\x7f'],
    ['C1 CSI', 'a\u009b2J', 'a\\x9b2J'],
    ['C1 NEL', 'a\u0085', 'a\\x85'],
    ['right-to-left override', 'evil\u202etxt.exe', 'evil\\u202etxt.exe'],
    ['bidi embeddings', '\u202a\u202b\u202c\u202d', '\\u202a\\u202b\\u202c\\u202d'],
    ['bidi isolates', '\u2066\u2067\u2068\u2069', '\\u2066\\u2067\\u2068\\u2069'],
    ['line separator', 'a\u2028b', 'a\\u2028b'],
    ['lone surrogate', 'a\ud800b', 'a\\ud800b'],
  ];
  it.each(hostile)('%s', (_name, input, shown) => {
    const out = sanitizeForTerminal(input);
    expect(out).toBe(shown);
    // Nothing a terminal acts on survives.
    // eslint-disable-next-line no-control-regex -- looking for control characters is the point.
    expect(out).not.toMatch(/[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/);
  });

  it('returns clean strings as they are, including the same object', () => {
    const s = 'Ünïcødé 日本語 😀 file (1).txt';
    expect(sanitizeForTerminal(s)).toBe(s);
  });

  it('keeps a literal backslash readable', () => {
    expect(sanitizeForTerminal('C:\\dir\\file')).toBe('C:\\dir\\file');
  });

  it('keeps emoji sequences that use joiners intact', () => {
    const family = '👨\u200d👩\u200d👧';
    expect(sanitizeForTerminal(family)).toBe(family);
  });
});

describe('display width', () => {
  it('counts wide characters and emoji as two columns', () => {
    expect(displayWidth('abc')).toBe(3);
    expect(displayWidth('日本語')).toBe(6);
    expect(displayWidth('😀')).toBe(2);
    expect(displayWidth('e\u0301')).toBe(1);
    expect(displayWidth('')).toBe(0);
  });

  it('truncates at the end with an ellipsis, never splitting a wide character', () => {
    expect(truncateToWidth('abcdef', 4)).toBe('abc…');
    expect(truncateToWidth('abc', 3)).toBe('abc');
    expect(truncateToWidth('日本語テキスト', 6)).toBe('日本…');
    expect(displayWidth(truncateToWidth('日本語テキスト', 6))).toBe(5);
    expect(truncateToWidth('😀😀😀', 4)).toBe('😀…');
    expect(truncateToWidth('abc', 0)).toBe('');
    expect(truncateToWidth('abcdef', 1)).toBe('…');
  });

  it('never splits a grapheme cluster', () => {
    expect(truncateToWidth('e\u0301e\u0301e\u0301e\u0301', 3)).toBe('e\u0301e\u0301…');
  });

  it('truncates in the middle to keep extensions', () => {
    expect(truncateToWidth('holiday-photo-0001.jpeg', 11, { position: 'middle' })).toBe('holid….jpeg');
    expect(displayWidth(truncateToWidth('holiday-photo-0001.jpeg', 11, { position: 'middle' }))).toBe(11);
  });

  it('cuts a path folders first, keeping the last name whole while it fits', () => {
    const cut = (s: string): string => truncateToWidth(s, 17, { position: 'path' });
    expect(cut('server1/latest.tar.gz')).toBe('se…/latest.tar.gz');
    expect(cut('server1/2024-01-01.tar.gz')).toBe('…/2024-01….tar.gz');
    expect(cut('a/b/very-long-folder-name/')).toBe('…/very-lo…r-name/');
    // No folder: as `middle`; what fits is left alone.
    expect(cut('plain-very-long-file-name.txt')).toBe('plain-ve…name.txt');
    expect(cut('docs/sub/')).toBe('docs/sub/');
    for (const s of ['server1/latest.tar.gz', 'server1/2024-01-01.tar.gz', 'a/b/very-long-folder-name/'])
      expect(displayWidth(cut(s))).toBe(17);
  });

  it('keeps escaped names within their column', () => {
    const shown = sanitizeForTerminal('\x1b[2J\x1b[2J\x1b[2J');
    expect(fitToWidth(shown, 10)).toBe('\\x1b[2J\\x…');
  });

  it('pads to an exact width, left or right aligned', () => {
    expect(fitToWidth('ab', 5)).toBe('ab   ');
    expect(fitToWidth('12', 5, 'right')).toBe('   12');
    expect(fitToWidth('日本語', 5)).toBe('日本…');
    expect(fitToWidth('日本語', 4)).toBe('日… ');
    expect(displayWidth(fitToWidth('日本語', 5))).toBe(5);
    expect(fitToWidth('abcdefgh', 5, 'left', { ellipsis: '~' })).toBe('abcd~');
  });
});
