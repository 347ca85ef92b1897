import { describe, expect, it } from 'vitest';
import type { Entry } from '../../../src/providers/types.js';
import { b2PaneLocation, localPaneLocation } from '../../../src/state/location/pane-location.js';
import { totalsOf } from '../../../src/state/pane/pane-selectors.js';
import { lifetimeText, operationSentence } from '../../../src/state/text/operation-text.js';
import { parseTypedLocation } from '../../../src/tui/dialogs/typed-location.js';
import { NO_BREAK, wrapText } from '../../../src/state/text/wrap.js';

const f = (name: string, size: number): Entry => ({ name, path: `/${name}`, kind: 'file', size, mtimeMs: 0 });
const d = (name: string): Entry => ({ name, path: `/${name}`, kind: 'dir', size: 0, mtimeMs: 0 });

/** A sentence as a dialog draws it (a size's number and unit are joined by NO_BREAK). */
const drawn = (s: string): string => s.replaceAll(NO_BREAK, ' ');

describe('what dialogs say', () => {
  it('counts files, bytes and folders', () => {
    const t = [f('a', 1024), f('b', 512), d('c')];
    expect(drawn(operationSentence('Copy', t, totalsOf(t)))).toBe(
      'Copy 2 files (1.5 KiB) and 1 folder with everything in it',
    );
    expect(drawn(operationSentence('Delete', [f('x.pdf', 2048)], totalsOf([f('x.pdf', 2048)])))).toBe(
      'Delete x.pdf (2.0 KiB)',
    );
    expect(operationSentence('Move', [d('docs')], totalsOf([d('docs')]))).toBe(
      'Move the folder docs with everything in it',
    );
  });

  it('escapes names', () => {
    expect(drawn(operationSentence('Copy', [f('\x1b[2J', 1)], totalsOf([f('\x1b[2J', 1)])))).toBe(
      'Copy \\x1b[2J (1 B)',
    );
  });

  it('never splits a size over two lines (issue 11)', () => {
    const sentence = operationSentence('Delete', [f('name', 2)], totalsOf([f('name', 2)]));
    expect(sentence).toBe(`Delete name (2${NO_BREAK}B)`);
    expect(wrapText(sentence, 14)).toEqual(['Delete name', '(2 B)']);
  });

  it('says lifetimes in words', () => {
    expect(lifetimeText(3_600)).toBe('1 hour');
    expect(lifetimeText(604_800)).toBe('7 days');
    expect(lifetimeText(90)).toBe('90 seconds');
  });

  it('wraps at spaces and cuts words longer than a line', () => {
    expect(wrapText('one two three', 7)).toEqual(['one two', 'three']);
    expect(wrapText('abcdefghij', 4)).toEqual(['abcd', 'efgh', 'ij']);
    expect(wrapText('日本語のファイル', 6)).toEqual(['日本語', 'のファ', 'イル']);
  });
});

describe('typed locations in the picker', () => {
  const ctx = { here: localPaneLocation('/home/me/work'), home: '/home/me', profiles: ['demo'] };

  it('reads local paths: absolute, ~ and relative to the pane', () => {
    expect(parseTypedLocation('/tmp/', ctx)).toEqual({ location: localPaneLocation('/tmp') });
    expect(parseTypedLocation('~/docs', ctx)).toEqual({ location: localPaneLocation('/home/me/docs') });
    expect(parseTypedLocation('../x', ctx)).toEqual({ location: localPaneLocation('/home/me/x') });
  });

  it('reads b2:// places on the pane profile, else the first profile', () => {
    expect(parseTypedLocation('b2://photos/2024', ctx)).toEqual({
      location: b2PaneLocation('demo', 'photos', '2024/'),
    });
    expect(parseTypedLocation('b2://', { ...ctx, here: b2PaneLocation('work', 'x') })).toEqual({
      location: b2PaneLocation('work', null),
    });
  });

  it('explains what it cannot read', () => {
    expect(parseTypedLocation('b2:/x', ctx)).toHaveProperty('problem');
    expect(parseTypedLocation('b2://bad_name', ctx)).toHaveProperty('problem');
    expect(parseTypedLocation('b2://x', { ...ctx, profiles: [] })).toHaveProperty('problem');
  });
});
