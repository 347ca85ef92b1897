/** The copy/move dialog's destination field: folders, new names, and hostile text refused. */
import { describe, expect, it } from 'vitest';
import { b2PaneLocation, localPaneLocation } from '../../src/state/location/pane-location.js';
import type { Entry } from '../../src/state/model/entry.js';
import { destinationText, parseDestination } from '../../src/tui/dialogs/destination.js';

const file: Entry = { name: 'sub/a.txt', path: '/home/me/sub/a.txt', kind: 'file', size: 1, mtimeMs: 0 };
const to = b2PaneLocation('work', 'bkt', 'dir/');
const from = localPaneLocation('/home/me');
const ctx = { from, to, home: '/home/me', profiles: ['work'], single: file };

describe('destination field', () => {
  it('starts as the other folder and, for one source, its own last name', () => {
    expect(destinationText(to, file)).toBe('b2://bkt/dir/a.txt');
    expect(destinationText(localPaneLocation('/tmp'), null)).toBe('/tmp/');
  });

  it('reads a folder and a new name, on the other pane’s profile', () => {
    expect(parseDestination('b2://bkt/other/new.txt', ctx)).toEqual({
      folder: b2PaneLocation('work', 'bkt', 'other/'),
      name: 'new.txt',
    });
    expect(parseDestination('b2://bkt/dir/a.txt', ctx)).toEqual({ folder: to, name: null });
    expect(parseDestination('/tmp/x/', ctx)).toEqual({ folder: localPaneLocation('/tmp/x'), name: null });
    expect(parseDestination('b2://bkt', { ...ctx, single: null })).toEqual({
      folder: b2PaneLocation('work', 'bkt', ''),
      name: null,
    });
  });

  it('refuses dot segments, empty segments, control characters and bad names', () => {
    for (const [text, problem] of [
      ['b2://bkt/../x.txt', '".."'],
      ['/tmp/./x', '"."'],
      ['b2://bkt/a//x', 'empty folder name'],
      ['b2://bkt/dir/..', 'cannot be used as a name'],
      ['/tmp/a\u001bb/x', 'control characters'],
      ['   ', 'Type where to'],
      ['b2://', 'Copy into a bucket'],
    ] as const) {
      const r = parseDestination(text, ctx);
      expect('problem' in r ? r.problem : '', text).toContain(problem);
    }
  });
});
