// Public buckets: anyone may download; a server-side copy from one still needs the key's scope.
import { describe, expect, it } from 'vitest';
import { checkAction, checkTransfer, localLocation } from '../../../src/state/permissions/permissions.js';
import { NOW, PHOTOS, at, key, keys } from './permissions.fixtures.js';

const PUBLIC = { ...PHOTOS, type: 'allPublic' };

describe('a bucket known to be public', () => {
  it('lets any key download from it, whatever its capabilities, buckets or prefix', () => {
    expect(checkAction('download', at(PUBLIC, 'docs/a.txt'), keys.writeOnly, NOW).allowed).toBe(true);
    expect(checkAction('download', at(PUBLIC, 'docs/a.txt'), keys.prefix, NOW).allowed).toBe(true);
    expect(
      checkTransfer(
        'copy',
        at(PUBLIC, 'a.txt'),
        localLocation('/tmp/a.txt'),
        { source: keys.writeOnly, destination: null },
        NOW,
      ).allowed,
    ).toBe(true);
    // Only when the type is known: the same bucket without it needs readFiles.
    expect(checkAction('download', at(PHOTOS, 'docs/a.txt'), keys.writeOnly, NOW).missing).toEqual(['readFiles']);
  });

  it('a server-side copy from it needs no readFiles, but still the source in the key scope and its listing', () => {
    const lister = key({ capabilities: ['listBuckets', 'listFiles', 'writeFiles'] });
    expect(
      checkTransfer('copy', at(PUBLIC, 'a.txt'), at(PHOTOS, 'b.txt'), { source: lister, destination: lister }, NOW)
        .allowed,
    ).toBe(true);
    expect(
      checkTransfer(
        'copy',
        at(PUBLIC, 'docs/a.txt'),
        at(PHOTOS, 'projects/a/b.txt'),
        { source: keys.prefix, destination: keys.prefix },
        NOW,
      ).missing,
    ).toEqual(['prefix:docs/a.txt']);
    expect(
      checkTransfer(
        'copy',
        at(PUBLIC, 'a.txt'),
        at(PHOTOS, 'b.txt'),
        { source: keys.writeOnly, destination: keys.writeOnly },
        NOW,
      ).missing,
    ).toEqual(['listFiles']);
  });

  it('changes nothing for writing', () => {
    expect(checkAction('upload', at(PUBLIC, 'a.txt'), keys.readOnly, NOW).missing).toEqual(['writeFiles']);
  });
});
