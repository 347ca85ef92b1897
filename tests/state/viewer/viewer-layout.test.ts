/**
 * The pager's layout from bytes (src/state/viewer): rows are sanitised (an escape sequence in the
 * file shows as text), wrapping and hex, moves that read only the blocks they need, and search.
 */
import { describe, expect, it } from 'vitest';
import { attempt, type ByteSource } from '../../../src/state/viewer/byte-source.js';
import { findBytes, needleOf } from '../../../src/state/viewer/find-bytes.js';
import { hexRow, looksBinary } from '../../../src/state/viewer/hex-rows.js';
import { prevTextRow, textRowsFrom, type ViewRow } from '../../../src/state/viewer/text-rows.js';
import { movedTop } from '../../../src/state/viewer/viewer-moves.js';
import { createViewerState, parseGoto } from '../../../src/state/viewer/viewer-state.js';

/** `data` cut in blocks of `blockSize`, with only the blocks in `loaded` (default: all) present. */
function source(data: string | Uint8Array, blockSize = 16, loaded?: Set<number>): ByteSource {
  const bytes = typeof data === 'string' ? new TextEncoder().encode(data) : data;
  return {
    size: bytes.length,
    blockSize,
    block: (i) =>
      loaded === undefined || loaded.has(i) ? bytes.subarray(i * blockSize, (i + 1) * blockSize) : undefined,
  };
}

const text = (rows: ViewRow[]): string[] => rows.map((r) => r.segments.map((s) => s.text).join(''));

describe('text rows', () => {
  it('shows control characters and escape sequences escaped, tabs as spaces, CRLF as a line end', () => {
    const src = source(new Uint8Array([...new TextEncoder().encode('a\x1b[2Jb\r\n\tc\x07\n'), 0xff]));
    expect(text(textRowsFrom(src, 0, 10, { width: 40, wrap: false }))).toEqual([
      'a\\x1b[2Jb',
      '        c\\x07',
      '\\xff',
    ]);
  });

  it('cuts long lines without wrapping and wraps them with it', () => {
    const src = source('abcdefghij\nxy\n');
    expect(text(textRowsFrom(src, 0, 10, { width: 4, wrap: false }))).toEqual(['abcd', 'xy']);
    expect(text(textRowsFrom(src, 0, 10, { width: 4, wrap: true }))).toEqual(['abcd', 'efgh', 'ij', 'xy']);
  });

  it('scrolls unwrapped lines sideways: a tab or wide character cut by the left edge shows as blanks', () => {
    const src = source('abcdefghij\nxy\n\tT\n漢字z\n');
    const at = (left: number): string[] => text(textRowsFrom(src, 0, 10, { width: 4, wrap: false, left }));
    expect(at(3)).toEqual(['defg', '', '    ', ' z']);
    expect(at(8)).toEqual(['ij', '', 'T', '']);
    // Wrapping ignores the column: a wrapped line already fits.
    expect(text(textRowsFrom(src, 0, 1, { width: 4, wrap: true, left: 3 }))).toEqual(['abcd']);
  });

  it('steps back row by row to exactly where stepping forward went', () => {
    const src = source('one\ntwo two two two\n\nfour\n');
    for (const wrap of [false, true]) {
      const layout = { width: 5, wrap };
      const starts = textRowsFrom(src, 0, 20, layout).map((r) => r.start);
      for (let i = starts.length - 1; i > 0; i--) expect(prevTextRow(src, starts[i] ?? 0, layout)).toBe(starts[i - 1]);
    }
  });
});

describe('moves', () => {
  it('End reads the tail only: the blocks in the middle are never asked for', () => {
    const lines = Array.from({ length: 100 }, (_, i) => `line ${i + 1}\n`).join('');
    const blocks = Math.ceil(lines.length / 16);
    const loaded = new Set<number>([0]);
    const src = source(lines, 16, loaded);
    const state = createViewerState('t', src.size, false);
    const size = { rows: 3, cols: 20 };
    let r = attempt(() => movedTop(src, state, size, 'end'));
    while (!r.ok) {
      loaded.add(Math.floor(r.offset / 16));
      r = attempt(() => movedTop(src, state, size, 'end'));
    }
    expect(text(textRowsFrom(src, r.ok ? r.value : 0, 3, { width: 20, wrap: false }))).toEqual([
      'line 98',
      'line 99',
      'line 100',
    ]);
    expect(Math.min(...[...loaded].filter((b) => b > 0))).toBeGreaterThan(blocks - 4);
  });

  it('does not scroll past the last screen', () => {
    const src = source('a\nb\nc\n');
    const state = createViewerState('t', src.size, false);
    expect(movedTop(src, state, { rows: 3, cols: 10 }, 'down')).toBe(0);
    expect(movedTop(src, state, { rows: 2, cols: 10 }, 'pageDown')).toBe(2);
  });
});

describe('hex, binary, search, go to', () => {
  it('draws 16 bytes a row with printable ASCII beside them', () => {
    const src = source(new Uint8Array([0x41, 0x00, 0x1b, 0x7a]));
    expect(text([hexRow(src, 0)])[0]).toBe(`00000000  41 00 1b 7a${' '.repeat(38)}|A..z            |`);
  });

  it('takes a NUL or many control bytes for binary, text with escapes for text', () => {
    expect(looksBinary(new Uint8Array([0x61, 0x00]))).toBe(true);
    expect(looksBinary(new TextEncoder().encode('plain \x1b[1m text\n'))).toBe(false);
  });

  it('finds forward and backward, ASCII case ignored unless the text has capitals', () => {
    const hay = new TextEncoder().encode('Error error ERROR');
    expect(findBytes(hay, needleOf('error'), 1, false)).toBe(6);
    expect(findBytes(hay, needleOf('error'), 12, true)).toBe(6);
    expect(findBytes(hay, needleOf('ERROR'), 0, false)).toBe(12);
  });

  it('reads a line number or a percentage', () => {
    expect(parseGoto('120')).toEqual({ line: 120 });
    expect(parseGoto(' 50% ')).toEqual({ percent: 50 });
    expect(parseGoto('x')).toBeNull();
  });
});
