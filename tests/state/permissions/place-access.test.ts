// Where a pane may stand before anything is asked of B2: list, stand without rows, or not go.
import { describe, expect, it } from 'vitest';
import { placeAccess } from '../../../src/state/permissions/place-access.js';
import { LOCAL, NOW, PHOTOS, at, key, keys } from './permissions.fixtures.js';

describe('placeAccess', () => {
  it('lists where the key may list, and always on the local disk or without a key yet', () => {
    expect(placeAccess(at(PHOTOS, 'docs/'), keys.readOnly, NOW)).toEqual({ kind: 'list' });
    expect(placeAccess(LOCAL, keys.writeOnly, NOW)).toEqual({ kind: 'list' });
    expect(placeAccess(at(PHOTOS, ''), null, NOW)).toEqual({ kind: 'list' });
  });

  it('stands without rows where the key may write but not list', () => {
    expect(placeAccess(at(PHOTOS, 'drop/'), keys.writeOnly, NOW)).toEqual({
      kind: 'unlisted',
      note: 'This key may upload here but not list.',
      may: 'May upload, make folders; not list',
    });
  });

  it('refuses where it may neither list nor write, and the bucket list without listBuckets', () => {
    expect(placeAccess(at(PHOTOS, ''), key({ capabilities: ['listBuckets', 'readFiles'] }), NOW)).toEqual({
      kind: 'refused',
      reason: 'List needs the listFiles capability; this key has readFiles.',
    });
    expect(placeAccess(at(null), key({ capabilities: ['writeFiles'] }), NOW).kind).toBe('refused');
  });

  it('outside a name prefix nothing is allowed, listing included', () => {
    expect(placeAccess(at(PHOTOS, 'docs/'), keys.prefix, NOW)).toEqual({
      kind: 'refused',
      reason: 'This key only reaches names starting with projects/a/; this folder is outside it.',
    });
  });
});
