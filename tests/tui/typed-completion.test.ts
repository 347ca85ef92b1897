/** Tab completion in the location picker: where it lists and what the name becomes (pure). */
import { describe, expect, it } from 'vitest';
import { b2PaneLocation, localPaneLocation } from '../../src/state/location/pane-location.js';
import { completeName, completionTarget } from '../../src/tui/dialogs/typed-completion.js';

const local = { here: localPaneLocation('/work/x'), home: '/home/me', profiles: ['work'] };
const names = [
  { name: 'docs', folder: true },
  { name: 'documents', folder: true },
  { name: 'dog.txt', folder: false },
  { name: '.dotfile', folder: false },
  { name: 'zeta', folder: true },
];

describe('completionTarget', () => {
  it('lists the pane folder, a typed folder, home, a bucket folder or the buckets', () => {
    expect(completionTarget('do', local)).toEqual({ location: localPaneLocation('/work/x'), head: '', tail: 'do' });
    expect(completionTarget('/usr/lo', local)).toEqual({
      location: localPaneLocation('/usr'),
      head: '/usr/',
      tail: 'lo',
    });
    expect(completionTarget('~/Do', local)).toEqual({
      location: localPaneLocation('/home/me'),
      head: '~/',
      tail: 'Do',
    });
    expect(completionTarget('sub/a', local)).toMatchObject({ location: localPaneLocation('/work/x/sub'), tail: 'a' });
    expect(completionTarget('b2://photos/2024/su', local)).toEqual({
      location: b2PaneLocation('work', 'photos', '2024/'),
      head: 'b2://photos/2024/',
      tail: 'su',
    });
    expect(completionTarget('b2://ph', { ...local, here: b2PaneLocation('home', 'x') })).toEqual({
      location: b2PaneLocation('home', null),
      head: 'b2://',
      tail: 'ph',
    });
    expect(completionTarget('b2://ph', { ...local, profiles: [] })).toEqual({
      problem: 'There is no B2 account profile to complete that with.',
    });
  });
});

describe('completeName', () => {
  it('extends to the common start and lists every match', () => {
    expect(completeName('d', names)).toEqual({ tail: 'do', candidates: ['docs/', 'documents/', 'dog.txt'] });
    expect(completeName('docu', names)).toEqual({ tail: 'documents/', candidates: ['documents/'] });
    expect(completeName('dog', names)).toEqual({ tail: 'dog.txt', candidates: ['dog.txt'] });
    expect(completeName('q', names)).toEqual({ tail: null, candidates: [] });
  });

  it('offers dotfiles only to a name typed with a dot', () => {
    expect(completeName('', names).candidates).not.toContain('.dotfile');
    expect(completeName('.', names)).toEqual({ tail: '.dotfile', candidates: ['.dotfile'] });
  });
});
