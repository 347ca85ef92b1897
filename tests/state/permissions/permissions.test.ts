// Every action against keys that differ only in capabilities (no bucket or prefix limit).
import { describe, expect, it } from 'vitest';
import type { KeyInfo } from '../../../src/state/model/key-info.js';
import type { B2Location, PermissionAction } from '../../../src/state/permissions/permissions.js';
import { ACTIONS, PERMISSION_ACTIONS, actionLabel, checkAction } from '../../../src/state/permissions/permissions.js';
import { NOW, PHOTOS, at, key, keys } from './permissions.fixtures.js';

/** The thing each action is asked about in this file: a file, a folder, the bucket or the bucket list. */
function targetFor(action: PermissionAction): B2Location {
  const special: Partial<Record<PermissionAction, B2Location>> = {
    'browse-bucket': at(PHOTOS),
    'delete-bucket': at(PHOTOS),
    'update-bucket': at(PHOTOS),
    list: at(PHOTOS, 'docs/'),
    'list-buckets': at(null),
    mkdir: at(PHOTOS, 'docs/new/'),
  };
  return special[action] ?? at(PHOTOS, 'docs/report.pdf');
}

/** `true` = allowed; otherwise the exact `missing` list. */
type Expected = Record<PermissionAction, true | string[]>;

const ALL_ALLOWED = Object.fromEntries(PERMISSION_ACTIONS.map((a) => [a, true])) as Expected;

const ACCOUNT_DENIED: Partial<Expected> = {
  'list-keys': ['listKeys'],
  'create-key': ['writeKeys'],
  'delete-key': ['deleteKeys'],
  'create-bucket': ['writeBuckets'],
  'delete-bucket': ['deleteBuckets'],
  'update-bucket': ['writeBuckets'],
};

const matrix: Array<[string, KeyInfo, Expected]> = [
  ['master', keys.master, ALL_ALLOWED],
  [
    'read-only',
    keys.readOnly,
    {
      ...ALL_ALLOWED,
      ...ACCOUNT_DENIED,
      upload: ['writeFiles'],
      edit: ['writeFiles'],
      move: ['writeFiles'],
      rename: ['writeFiles'],
      mkdir: ['writeFiles'],
      hide: ['writeFiles'],
      unhide: ['deleteFiles'],
      delete: ['deleteFiles'],
      'delete-all-versions': ['deleteFiles'],
      'delete-known-version': ['deleteFiles'],
      'share-link': ['shareFiles'],
    },
  ],
  [
    'no-delete',
    keys.noDelete,
    {
      ...ALL_ALLOWED,
      ...ACCOUNT_DENIED,
      unhide: ['deleteFiles'],
      delete: ['deleteFiles'],
      'delete-all-versions': ['deleteFiles'],
      'delete-known-version': ['deleteFiles'],
    },
  ],
  ['read-write', keys.readWrite, { ...ALL_ALLOWED, ...ACCOUNT_DENIED }],
  [
    'write-only',
    keys.writeOnly,
    {
      ...ALL_ALLOWED,
      ...ACCOUNT_DENIED,
      'browse-bucket': ['listFiles'],
      list: ['listFiles'],
      download: ['readFiles'],
      view: ['readFiles'],
      edit: ['readFiles', 'listFiles'],
      copy: ['listFiles', 'readFiles'],
      move: ['listFiles', 'readFiles'],
      rename: ['listFiles', 'readFiles'],
      unhide: ['listFiles', 'deleteFiles'],
      delete: ['listFiles', 'deleteFiles'],
      'delete-all-versions': ['listFiles', 'deleteFiles'],
      // Named by its ID: nothing to list (docs/b2-api.md §2.1).
      'delete-known-version': ['deleteFiles'],
      'share-link': ['shareFiles'],
      'show-versions': ['listFiles'],
      info: ['listFiles'],
      'look-up': ['listFiles'],
    },
  ],
  [
    'unknown extra capabilities (they grant nothing)',
    keys.unknownExtra,
    {
      ...ALL_ALLOWED,
      ...ACCOUNT_DENIED,
      'share-link': ['shareFiles'],
      unhide: ['deleteFiles'],
      delete: ['deleteFiles'],
      'delete-all-versions': ['deleteFiles'],
      'delete-known-version': ['deleteFiles'],
    },
  ],
];

describe.each(matrix)('capabilities: %s key', (_name, keyInfo, expected) => {
  it.each(PERMISSION_ACTIONS.map((a) => [a]))('%s', (action) => {
    const d = checkAction(action, targetFor(action), keyInfo, NOW);
    const want = expected[action];
    if (want === true) {
      expect(d).toEqual({ allowed: true, reason: null, missing: [] });
      return;
    }
    expect(d.allowed).toBe(false);
    expect(d.missing).toEqual(want);
    // The sentence names the action and every missing capability.
    expect(d.reason).toContain(`${actionLabel(action)} needs the `);
    for (const m of want) expect(d.reason).toContain(m);
  });
});

describe('reason sentences', () => {
  it('names the missing capability and the related ones the key has', () => {
    const k = key({ capabilities: ['listBuckets', 'listFiles', 'readFiles', 'writeFiles'] });
    expect(checkAction('delete', at(PHOTOS, 'a.txt'), k, NOW).reason).toBe(
      'Delete needs the deleteFiles capability; this key has listFiles, readFiles, writeFiles.',
    );
  });

  it('lists several missing capabilities with "and"', () => {
    expect(checkAction('unhide', at(PHOTOS, 'a.txt'), keys.writeOnly, NOW).reason).toBe(
      'Unhide needs the listFiles and deleteFiles capabilities; this key has writeFiles.',
    );
  });

  it('says when the key has nothing in that group', () => {
    expect(checkAction('list-keys', at(null), keys.readOnly, NOW).reason).toBe(
      'List keys needs the listKeys capability; this key has no key-management capabilities.',
    );
    expect(checkAction('create-bucket', at(null), keys.readOnly, NOW).reason).toBe(
      'Create bucket needs the writeBuckets capability; this key has listBuckets.',
    );
  });

  it('leaves unknown capability names out of a files sentence but never breaks on them', () => {
    expect(checkAction('share-link', at(PHOTOS, 'a.txt'), keys.unknownExtra, NOW).reason).toBe(
      'Share link needs the shareFiles capability; this key has listFiles, readFiles, writeFiles.',
    );
  });

  it('a key for all buckets without listBuckets can neither list buckets nor find one by its name', () => {
    const d = checkAction('list', at(null), keys.noListBuckets, NOW);
    expect(d.missing).toEqual(['listBuckets']);
    expect(d.reason).toBe('List buckets needs the listBuckets capability; this key has no bucket capabilities.');
    // Every call inside a bucket names it by ID, which only b2_list_buckets gives such a key.
    expect(checkAction('list', at(PHOTOS, 'docs/'), keys.noListBuckets, NOW).missing).toEqual(['listBuckets']);
    expect(checkAction('upload', at(PHOTOS, 'docs/a'), keys.noListBuckets, NOW).reason).toBe(
      'Upload needs the listBuckets capability; this key has no bucket capabilities.',
    );
    // A download goes by the bucket's name; a key limited to the bucket knows its ID.
    expect(checkAction('download', at(PHOTOS, 'docs/a'), keys.noListBuckets, NOW).allowed).toBe(true);
    expect(
      checkAction('upload', at(PHOTOS, 'docs/a'), key({ capabilities: ['writeFiles'], buckets: [PHOTOS] }), NOW)
        .allowed,
    ).toBe(true);
  });
});

describe('the action table', () => {
  it('has one row per action with a label, a description and known capabilities', () => {
    expect(new Set(PERMISSION_ACTIONS).size).toBe(ACTIONS.length);
    for (const a of ACTIONS) {
      expect(a.label.length).toBeGreaterThan(0);
      expect(a.description).toMatch(/\.$/);
    }
    expect(actionLabel('share-link')).toBe('Share link');
    expect(actionLabel('delete')).toBe('Delete');
    expect(actionLabel('copy')).toBe('Copy');
  });

  it('documents the move decision: the source is hidden (writeFiles), never deleted', () => {
    const move = ACTIONS.find((a) => a.id === 'move');
    expect(move?.needs).toEqual(['listFiles', 'readFiles', 'writeFiles']);
    expect(move?.needs).not.toContain('deleteFiles');
    expect(checkAction('move', at(PHOTOS, 'a.txt'), keys.noDelete, NOW).allowed).toBe(true);
  });
});
