// Bucket limits, name prefixes, deleted buckets, expiry, local places and missing keys.
import { describe, expect, it } from 'vitest';
import {
  PERMISSION_ACTIONS,
  b2LocationFromPath,
  checkAction,
  localLocation,
} from '../../../src/state/permissions/permissions.js';
import { BACKUPS, DAY, DOCS, LOCAL, NOW, PHOTOS, at, key, keys, preset } from './permissions.fixtures.js';

describe('one bucket', () => {
  it('allows its own bucket, by id or by name', () => {
    expect(checkAction('download', at(PHOTOS, 'a.jpg'), keys.oneBucket, NOW).allowed).toBe(true);
    expect(checkAction('download', at({ name: 'photos' }, 'a.jpg'), keys.oneBucket, NOW).allowed).toBe(true);
  });

  it('matches by id when the location knows it: a new bucket with the old name is another bucket', () => {
    const d = checkAction('download', at({ id: 'b-new', name: 'photos' }, 'a.jpg'), keys.oneBucket, NOW);
    expect(d).toEqual({
      allowed: false,
      reason: 'This key is limited to bucket photos; photos is outside it.',
      missing: ['bucket:photos'],
    });
  });

  it('refuses another bucket with a sentence and bucket:NAME', () => {
    expect(checkAction('upload', at(BACKUPS, 'a.txt'), keys.oneBucket, NOW)).toEqual({
      allowed: false,
      reason: 'This key is limited to bucket photos; backups is outside it.',
      missing: ['bucket:backups'],
    });
    expect(checkAction('browse-bucket', at(BACKUPS), keys.oneBucket, NOW).missing).toEqual(['bucket:backups']);
  });

  it('reports the bucket first and a missing capability after it', () => {
    const readOnlyPhotos = key({ capabilities: preset('read-only'), buckets: [PHOTOS] });
    expect(checkAction('delete', at(BACKUPS, 'a.txt'), readOnlyPhotos, NOW)).toEqual({
      allowed: false,
      reason:
        'This key is limited to bucket photos; backups is outside it. ' +
        'Delete needs the deleteFiles capability; this key has listFiles, readFiles.',
      missing: ['bucket:backups', 'deleteFiles'],
    });
  });

  it('never creates or deletes buckets or manages keys, even holding the capability', () => {
    const d = checkAction('create-bucket', at(null), keys.oneBucket, NOW);
    expect(d).toEqual({
      allowed: false,
      reason:
        'Create bucket needs a key for all buckets with the writeBuckets capability; this key is limited to bucket photos.',
      missing: ['bucket:*', 'writeBuckets'],
    });
    const impossible = key({ capabilities: ['deleteBuckets', 'listKeys'], buckets: [PHOTOS] });
    expect(checkAction('delete-bucket', at(PHOTOS), impossible, NOW)).toEqual({
      allowed: false,
      reason: 'Delete bucket needs a key for all buckets; this key is limited to bucket photos.',
      missing: ['bucket:*'],
    });
    for (const a of ['list-keys', 'create-key', 'delete-key'] as const) {
      const r = checkAction(a, at(PHOTOS), impossible, NOW);
      expect(r.allowed).toBe(false);
      expect(r.missing[0]).toBe('bucket:*');
    }
  });

  it('lists its buckets without listBuckets (they come with the key)', () => {
    const k = key({ capabilities: ['listFiles'], buckets: [PHOTOS] });
    expect(checkAction('list', at(null), k, NOW).allowed).toBe(true);
    expect(checkAction('list-buckets', at(null), k, NOW).allowed).toBe(true);
  });
});

describe('several buckets', () => {
  it('allows each of them and names them all when refusing', () => {
    expect(checkAction('download', at(PHOTOS, 'a'), keys.severalBuckets, NOW).allowed).toBe(true);
    expect(checkAction('download', at(DOCS, 'a'), keys.severalBuckets, NOW).allowed).toBe(true);
    expect(checkAction('download', at(BACKUPS, 'a'), keys.severalBuckets, NOW)).toEqual({
      allowed: false,
      reason: 'This key is limited to buckets photos and docs; backups is outside it.',
      missing: ['bucket:backups'],
    });
  });
});

describe('deleted bucket (name null)', () => {
  it('refuses everything by name and says the bucket was deleted', () => {
    expect(checkAction('browse-bucket', at(PHOTOS), keys.deletedBucket, NOW)).toEqual({
      allowed: false,
      reason: 'This key is limited to a deleted bucket; photos is outside it.',
      missing: ['bucket:photos'],
    });
  });

  it('mentions the deleted one beside live ones', () => {
    const k = key({ capabilities: preset('read-only'), buckets: [PHOTOS, { id: 'b-gone', name: null }] });
    expect(checkAction('download', at(BACKUPS, 'x'), k, NOW).reason).toBe(
      'This key is limited to bucket photos and a deleted bucket; backups is outside it.',
    );
    expect(checkAction('download', at(PHOTOS, 'x'), k, NOW).allowed).toBe(true);
  });
});

describe('name prefix projects/a/', () => {
  const k = keys.prefix;
  it('allows names inside it', () => {
    for (const a of [
      'download',
      'upload',
      'hide',
      'delete',
      'share-link',
      'show-versions',
      'info',
      'rename',
      'copy',
      'move',
    ] as const) {
      expect(checkAction(a, at(PHOTOS, 'projects/a/x.txt'), k, NOW)).toEqual({
        allowed: true,
        reason: null,
        missing: [],
      });
    }
  });

  it('refuses a file outside it with prefix:NAME', () => {
    expect(checkAction('download', at(PHOTOS, 'projects/b/x.txt'), k, NOW)).toEqual({
      allowed: false,
      reason: 'This key only reaches names starting with projects/a/; this file is outside it.',
      missing: ['prefix:projects/b/x.txt'],
    });
  });

  it('lets the user walk down towards the prefix but not beside it', () => {
    const browsable = (folder: string): boolean => checkAction('list', at(PHOTOS, folder), k, NOW).allowed;
    expect(browsable('')).toBe(true); // bucket root: on the way down
    expect(browsable('projects/')).toBe(true); // on the way down
    expect(browsable('projects')).toBe(true); // a list key is always a folder
    expect(browsable('projects/a/')).toBe(true); // the prefix itself
    expect(browsable('projects/a/deep/')).toBe(true); // inside
    expect(browsable('proj/')).toBe(false);
    expect(browsable('other/')).toBe(false);
    expect(checkAction('list', at(PHOTOS, 'projects/b/'), k, NOW)).toEqual({
      allowed: false,
      reason: 'This key only reaches names starting with projects/a/; this folder is outside it.',
      missing: ['prefix:projects/b/'],
    });
    expect(checkAction('browse-bucket', at(PHOTOS), k, NOW).allowed).toBe(true);
  });

  it('does not let the user act on a folder on the way down', () => {
    expect(checkAction('delete', at(PHOTOS, 'projects/'), k, NOW).missing).toEqual(['prefix:projects/']);
    expect(checkAction('share-link', at(PHOTOS, ''), k, NOW).missing).toEqual(['prefix:']);
    expect(checkAction('share-link', at(PHOTOS, 'projects/a/'), k, NOW).allowed).toBe(true);
  });

  it('checks the .bzEmpty placeholder that Make folder writes', () => {
    expect(checkAction('mkdir', at(PHOTOS, 'projects/a/new/'), k, NOW).allowed).toBe(true);
    expect(checkAction('mkdir', at(PHOTOS, 'projects/a'), k, NOW).allowed).toBe(true); // writes projects/a/.bzEmpty
    expect(checkAction('mkdir', at(PHOTOS, 'projects/new/'), k, NOW)).toEqual({
      allowed: false,
      reason: 'This key only reaches names starting with projects/a/; this folder is outside it.',
      missing: ['prefix:projects/new/.bzEmpty'],
    });
  });

  it('with a prefix not ending in "/", refuses a rename whose folder reaches outside it', () => {
    const loose = key({ capabilities: preset('read-write'), buckets: [PHOTOS], namePrefix: 'projects/a' });
    expect(checkAction('download', at(PHOTOS, 'projects/a1.txt'), loose, NOW).allowed).toBe(true);
    expect(checkAction('rename', at(PHOTOS, 'projects/a1.txt'), loose, NOW)).toEqual({
      allowed: false,
      reason: 'This key only reaches names starting with projects/a; a new name in this folder could fall outside it.',
      missing: ['prefix:projects/'],
    });
    expect(checkAction('list', at(PHOTOS, 'projects/'), loose, NOW).allowed).toBe(true);
    expect(checkAction('list', at(PHOTOS, 'projects/abc/'), loose, NOW).allowed).toBe(true);
    expect(checkAction('list', at(PHOTOS, 'projects/b/'), loose, NOW).allowed).toBe(false);
  });

  it('checks the bucket before the prefix', () => {
    expect(checkAction('download', at(BACKUPS, 'projects/a/x'), k, NOW).missing).toEqual(['bucket:backups']);
  });
});

describe('expired key', () => {
  it('refuses every action on B2 with the expiry date and nothing else', () => {
    for (const a of PERMISSION_ACTIONS) {
      expect(checkAction(a, at(PHOTOS, 'a.txt'), keys.expired, NOW)).toEqual({
        allowed: false,
        reason: 'This key expired on 2026-05-01.',
        missing: [],
      });
    }
  });

  it('still works at the very millisecond of expiry and not one after', () => {
    const k = key({ capabilities: preset('read-only'), expiresAt: NOW });
    expect(checkAction('download', at(PHOTOS, 'a'), k, NOW).allowed).toBe(true);
    expect(checkAction('download', at(PHOTOS, 'a'), k, NOW + 1).allowed).toBe(false);
    const later = key({ capabilities: preset('read-only'), expiresAt: NOW + DAY });
    expect(checkAction('download', at(PHOTOS, 'a'), later, NOW).allowed).toBe(true);
  });
});

describe('local places', () => {
  const localActions = ['list', 'download', 'upload', 'copy', 'move', 'rename', 'mkdir', 'delete', 'info'] as const;

  it('allows what exists on disk, whatever the key (the OS decides at run time)', () => {
    for (const k of [null, keys.readOnly, keys.expired, keys.writeOnly]) {
      for (const a of localActions)
        expect(checkAction(a, LOCAL, k, NOW)).toEqual({ allowed: true, reason: null, missing: [] });
    }
  });

  it('refuses B2-only actions with a plain reason', () => {
    expect(checkAction('share-link', localLocation('/tmp/x'), null, NOW)).toEqual({
      allowed: false,
      reason: 'Share link works only on B2; this is the local disk.',
      missing: [],
    });
    for (const a of [
      'browse-bucket',
      'hide',
      'unhide',
      'delete-all-versions',
      'show-versions',
      'delete-bucket',
    ] as const) {
      expect(checkAction(a, LOCAL, keys.master, NOW).allowed).toBe(false);
    }
  });

  it('answers account actions from the key, wherever the pane is', () => {
    expect(checkAction('list-keys', LOCAL, keys.master, NOW).allowed).toBe(true);
    expect(checkAction('create-key', LOCAL, null, NOW).reason).toBe(
      'Create key needs a B2 application key; none is signed in here.',
    );
  });
});

describe('places that need something first', () => {
  it('refuses B2 with no key signed in', () => {
    expect(checkAction('download', at(PHOTOS, 'a'), null, NOW)).toEqual({
      allowed: false,
      reason: 'Download needs a B2 application key; none is signed in here.',
      missing: [],
    });
  });

  it('asks to open a bucket for file actions on the bucket list', () => {
    expect(checkAction('upload', at(null), keys.master, NOW)).toEqual({
      allowed: false,
      reason: 'Upload works inside a bucket; open a bucket first.',
      missing: [],
    });
  });
});

describe('b2LocationFromPath', () => {
  it('splits provider paths and marks folders with a trailing slash', () => {
    expect(b2LocationFromPath('/', { dir: true })).toEqual({ kind: 'b2', bucket: null, key: '' });
    expect(b2LocationFromPath('/photos', { dir: true, bucketId: 'b-photos' })).toEqual(at(PHOTOS, ''));
    expect(b2LocationFromPath('/photos/projects/a', { dir: true })).toEqual(at({ name: 'photos' }, 'projects/a/'));
    expect(b2LocationFromPath('/photos/projects/a.txt', { dir: false })).toEqual(
      at({ name: 'photos' }, 'projects/a.txt'),
    );
  });
});
