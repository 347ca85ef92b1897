import { describe, expect, it } from 'vitest';
import { deleteChoices } from '../../../src/tui/dialogs/choices.js';
import { b2PaneLocation } from '../../../src/state/location/pane-location.js';
import type { Entry } from '../../../src/state/model/entry.js';

const file = (name: string): Entry => ({ name, path: `/photos/${name}`, kind: 'file', size: 3, mtimeMs: 0 });

describe('the B2 delete modes speak of one file as one file', () => {
  const at = b2PaneLocation('demo', 'photos');

  it('one file: "the file" and "the name"', () => {
    const details = deleteChoices(at, [file('a.txt')], null, 0).map((c) => c.detail);
    expect(details[1]).toContain('the newest version of the file for good');
    expect(details[2]).toContain('every version of the name for good');
    expect(details.join(' ')).not.toMatch(/each (file|name)/);
  });

  it('several files or a folder: "each file" and "each name"', () => {
    const folder: Entry = { name: 'docs', path: '/photos/docs/', kind: 'dir', size: 0, mtimeMs: null };
    for (const targets of [[file('a.txt'), file('b.txt')], [folder]]) {
      const details = deleteChoices(at, targets, null, 0).map((c) => c.detail);
      expect(details[1]).toContain('of each file for good');
      expect(details[2]).toContain('of each name for good');
    }
  });
});
