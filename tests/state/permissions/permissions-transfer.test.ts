// Two-location actions (copy, move, rename), the function-key bar view and the key summary.
import { describe, expect, it } from 'vitest';
import {
  PERMISSION_ACTIONS,
  checkTransfer,
  permissionsForLocation,
  summarizeKey,
} from '../../../src/state/permissions/permissions.js';
import type { PermissionAction } from '../../../src/state/permissions/permissions.js';
import { BACKUPS, DOCS, LOCAL, NOW, PHOTOS, at, key, keys, preset } from './permissions.fixtures.js';

describe('checkTransfer', () => {
  const same = (k: typeof keys.master | null) => ({ source: k, destination: k });

  it('allows local to local with no key at all', () => {
    expect(checkTransfer('move', LOCAL, { kind: 'local', path: '/tmp/b' }, same(null), NOW).allowed).toBe(true);
  });

  it('upload direction: the B2 destination needs writeFiles', () => {
    expect(checkTransfer('copy', LOCAL, at(PHOTOS, 'a.txt'), same(keys.readOnly), NOW)).toEqual({
      allowed: false,
      reason: 'Copy needs the writeFiles capability at the destination; this key has listFiles, readFiles.',
      missing: ['writeFiles'],
    });
  });

  it('download direction: the B2 source needs readFiles', () => {
    expect(checkTransfer('copy', at(PHOTOS, 'a.txt'), LOCAL, same(keys.writeOnly), NOW)).toEqual({
      allowed: false,
      reason: 'Copy needs the readFiles capability on the source; this key has writeFiles.',
      missing: ['readFiles'],
    });
  });

  it('server-side copy across buckets the key reaches', () => {
    expect(checkTransfer('copy', at(PHOTOS, 'a'), at(DOCS, 'a'), same(keys.severalBuckets), NOW).allowed).toBe(true);
    expect(checkTransfer('copy', at(PHOTOS, 'a'), at(BACKUPS, 'a'), same(keys.severalBuckets), NOW)).toEqual({
      allowed: false,
      reason: 'This key is limited to buckets photos and docs; backups is outside it.',
      missing: ['bucket:backups'],
    });
  });

  it('checks each end with its own pane key', () => {
    const readPhotos = key({ capabilities: preset('read-only'), buckets: [PHOTOS] });
    const writeBackups = key({ capabilities: preset('write-only'), buckets: [BACKUPS] });
    expect(
      checkTransfer('copy', at(PHOTOS, 'a'), at(BACKUPS, 'a'), { source: readPhotos, destination: writeBackups }, NOW)
        .allowed,
    ).toBe(true);
    expect(
      checkTransfer('copy', at(PHOTOS, 'a'), at(BACKUPS, 'a'), { source: writeBackups, destination: readPhotos }, NOW)
        .missing,
    ).toEqual(['bucket:photos', 'listFiles', 'readFiles', 'bucket:backups', 'writeFiles']);
  });

  it('move hides the source: a no-delete key can move, a read-only one cannot', () => {
    expect(checkTransfer('move', at(PHOTOS, 'a'), at(PHOTOS, 'b/a'), same(keys.noDelete), NOW).allowed).toBe(true);
    expect(checkTransfer('move', at(PHOTOS, 'a'), LOCAL, same(keys.readOnly), NOW)).toEqual({
      allowed: false,
      reason: 'Move needs the writeFiles capability on the source; this key has listFiles, readFiles.',
      missing: ['writeFiles'],
    });
    const both = checkTransfer('move', at(PHOTOS, 'a'), at(PHOTOS, 'b'), same(keys.readOnly), NOW);
    expect(both.missing).toEqual(['writeFiles']);
    expect(both.reason).toContain('on the source');
    expect(both.reason).toContain('at the destination');
  });

  it('rename checks the new name against the prefix', () => {
    expect(
      checkTransfer('rename', at(PHOTOS, 'projects/a/x'), at(PHOTOS, 'projects/a/y'), same(keys.prefix), NOW).allowed,
    ).toBe(true);
    expect(
      checkTransfer('rename', at(PHOTOS, 'projects/a/x'), at(PHOTOS, 'projects/b/x'), same(keys.prefix), NOW),
    ).toEqual({
      allowed: false,
      reason: 'This key only reaches names starting with projects/a/; the destination is outside it.',
      missing: ['prefix:projects/b/x'],
    });
  });

  it('an expired key on either end refuses, once', () => {
    expect(checkTransfer('copy', LOCAL, at(PHOTOS, 'a'), same(keys.expired), NOW)).toEqual({
      allowed: false,
      reason: 'This key expired on 2026-05-01.',
      missing: [],
    });
    expect(checkTransfer('copy', at(PHOTOS, 'a'), at(DOCS, 'a'), same(keys.expired), NOW).reason).toBe(
      'This key expired on 2026-05-01.',
    );
  });

  it('a B2 end with no key, or the bucket list as destination, is refused', () => {
    expect(checkTransfer('copy', LOCAL, at(PHOTOS, 'a'), same(null), NOW).reason).toBe(
      'Copy needs a B2 application key; none is signed in here.',
    );
    expect(checkTransfer('copy', LOCAL, at(null), same(keys.master), NOW).reason).toBe(
      'Copy works inside a bucket; open a bucket first.',
    );
  });
});

function allowedSet(r: Record<PermissionAction, { allowed: boolean }>): PermissionAction[] {
  return PERMISSION_ACTIONS.filter((a) => r[a].allowed);
}

describe('permissionsForLocation (function-key bar)', () => {
  it('answers every action', () => {
    expect(Object.keys(permissionsForLocation(at(PHOTOS, 'docs/'), keys.master, NOW)).sort()).toEqual(
      [...PERMISSION_ACTIONS].sort(),
    );
  });

  it('greys out what a read-only key cannot do in a folder, with the reason', () => {
    const r = permissionsForLocation(at(PHOTOS, 'docs/'), keys.readOnly, NOW);
    expect(allowedSet(r)).toEqual([
      'browse-bucket',
      'list-buckets',
      'list',
      'download',
      'view',
      'copy',
      'show-versions',
      'info',
      'look-up',
    ]);
    expect(r.delete.reason).toBe('Delete needs the deleteFiles capability; this key has listFiles, readFiles.');
  });

  it('for a prefix key, the bucket root is browsable but nothing can be changed there', () => {
    const root = permissionsForLocation(at(PHOTOS, ''), keys.prefix, NOW);
    expect(root.list.allowed).toBe(true);
    expect(root.upload.missing).toEqual(['prefix:']);
    expect(root.mkdir.allowed).toBe(false);
    expect(root.rename.allowed).toBe(false);
    const inside = permissionsForLocation(at(PHOTOS, 'projects/a'), keys.prefix, NOW);
    for (const a of [
      'list',
      'download',
      'upload',
      'mkdir',
      'rename',
      'move',
      'delete',
      'hide',
      'share-link',
    ] as const) {
      expect(inside[a].allowed).toBe(true);
    }
    expect(inside['create-bucket'].missing).toEqual(['bucket:*', 'writeBuckets']);
  });

  it('on the bucket list, opening a bucket depends on listFiles, file actions need a bucket', () => {
    const r = permissionsForLocation(at(null), keys.readOnly, NOW);
    expect(r['browse-bucket'].allowed).toBe(true);
    expect(r.list.allowed).toBe(true);
    expect(r.upload.reason).toBe('Upload works inside a bucket; open a bucket first.');
    expect(permissionsForLocation(at(null), keys.writeOnly, NOW)['browse-bucket'].missing).toEqual(['listFiles']);
  });

  it('on the local disk, file actions are on and B2-only ones off', () => {
    const r = permissionsForLocation(LOCAL, null, NOW);
    expect(r.delete.allowed).toBe(true);
    expect(r['share-link'].allowed).toBe(false);
  });
});

describe('summarizeKey', () => {
  it('read-only: what it can and cannot do, with the missing capability', () => {
    const s = summarizeKey(keys.readOnly, NOW);
    expect(s).toMatchObject({ expired: false, expiresOn: null, scope: null });
    const del = s.actions.find((a) => a.action === 'delete');
    expect(del).toEqual({
      action: 'delete',
      label: 'Delete',
      allowed: false,
      reason: 'Delete needs the deleteFiles capability; this key has listFiles, readFiles.',
      missing: ['deleteFiles'],
      limitedTo: null,
    });
    expect(s.actions.find((a) => a.action === 'download')?.allowed).toBe(true);
    // Copy is summarised as B2 to B2: it needs readFiles and writeFiles.
    expect(s.actions.find((a) => a.action === 'copy')?.missing).toEqual(['writeFiles']);
    expect(s.actions.map((a) => a.action)).toEqual([...PERMISSION_ACTIONS]);
  });

  it('notes bucket and prefix limits on what is allowed', () => {
    const s = summarizeKey(keys.prefix, NOW);
    expect(s.scope).toBe('bucket photos, names starting with projects/a/');
    expect(s.actions.find((a) => a.action === 'download')?.limitedTo).toBe(
      'only in bucket photos, only for names starting with projects/a/',
    );
    expect(s.actions.find((a) => a.action === 'list-buckets')?.limitedTo).toBe('only bucket photos');
    expect(s.actions.find((a) => a.action === 'create-bucket')?.missing).toEqual(['bucket:*', 'writeBuckets']);
    expect(summarizeKey(keys.severalBuckets, NOW).scope).toBe('buckets photos and docs');
  });

  it('an expired key can do nothing', () => {
    const s = summarizeKey(keys.expired, NOW);
    expect(s.expired).toBe(true);
    expect(s.expiresOn).toBe('2026-05-01');
    expect(s.actions.every((a) => !a.allowed && a.reason === 'This key expired on 2026-05-01.')).toBe(true);
  });

  it('the master key can do everything, unlimited', () => {
    const s = summarizeKey(keys.master, NOW);
    expect(s.actions.every((a) => a.allowed && a.limitedTo === null)).toBe(true);
  });
});
