import { describe, expect, it } from 'vitest';
import {
  b2PaneLocation,
  childLocation,
  formatLocation,
  isRootLocation,
  localPaneLocation,
  parentLocation,
  providerPath,
  sameLocation,
} from '../../../src/state/location/pane-location.js';

describe('pane locations', () => {
  it('normalises B2 prefixes to folder keys', () => {
    expect(b2PaneLocation('p', 'b', 'x/y')).toEqual({ kind: 'b2', profile: 'p', bucket: 'b', prefix: 'x/y/' });
    expect(b2PaneLocation('p', 'b', '')).toMatchObject({ prefix: '' });
    expect(b2PaneLocation('p', null, 'ignored')).toMatchObject({ prefix: '' });
  });

  it('knows the roots', () => {
    expect(isRootLocation(localPaneLocation('/'))).toBe(true);
    expect(isRootLocation(localPaneLocation('/home'))).toBe(false);
    expect(isRootLocation(b2PaneLocation('p', null))).toBe(true);
    expect(isRootLocation(b2PaneLocation('p', 'b'))).toBe(false);
  });

  it('walks up with the key of the row we came from', () => {
    expect(parentLocation(localPaneLocation('/home/me'))).toEqual({
      location: localPaneLocation('/home'),
      fromKey: 'me/',
    });
    expect(parentLocation(localPaneLocation('/home'))).toEqual({ location: localPaneLocation('/'), fromKey: 'home/' });
    expect(parentLocation(localPaneLocation('/'))).toBeNull();
    expect(parentLocation(b2PaneLocation('p', 'b', 'x/y/'))).toEqual({
      location: b2PaneLocation('p', 'b', 'x/'),
      fromKey: 'y/',
    });
    expect(parentLocation(b2PaneLocation('p', 'b', 'x/'))).toEqual({
      location: b2PaneLocation('p', 'b'),
      fromKey: 'x/',
    });
    expect(parentLocation(b2PaneLocation('p', 'b'))).toEqual({ location: b2PaneLocation('p', null), fromKey: 'b' });
    expect(parentLocation(b2PaneLocation('p', null))).toBeNull();
  });

  it('walks down', () => {
    expect(childLocation(localPaneLocation('/'), 'etc')).toEqual(localPaneLocation('/etc'));
    expect(childLocation(localPaneLocation('/home'), 'me')).toEqual(localPaneLocation('/home/me'));
    expect(childLocation(b2PaneLocation('p', null), 'b')).toEqual(b2PaneLocation('p', 'b'));
    expect(childLocation(b2PaneLocation('p', 'b', 'x/'), 'y')).toEqual(b2PaneLocation('p', 'b', 'x/y/'));
  });

  it('maps to provider paths and header titles', () => {
    expect(providerPath(b2PaneLocation('p', null))).toBe('/');
    expect(providerPath(b2PaneLocation('p', 'b'))).toBe('/b');
    // A B2 folder's provider path carries its exact prefix, final `/` included.
    expect(providerPath(b2PaneLocation('p', 'b', 'x/y/'))).toBe('/b/x/y/');
    expect(providerPath(b2PaneLocation('p', 'b', 'x//'))).toBe('/b/x//');
    expect(providerPath(b2PaneLocation('p', 'b', '/'))).toBe('/b//');
    expect(providerPath(localPaneLocation('/tmp'))).toBe('/tmp');
    expect(formatLocation(b2PaneLocation('p', 'b', 'x/'))).toBe('b2://b/x/');
    expect(formatLocation(b2PaneLocation('p', null))).toBe('b2://');
  });

  it('compares locations', () => {
    expect(sameLocation(b2PaneLocation('p', 'b', 'x'), b2PaneLocation('p', 'b', 'x/'))).toBe(true);
    expect(sameLocation(b2PaneLocation('p', 'b'), b2PaneLocation('q', 'b'))).toBe(false);
    expect(sameLocation(localPaneLocation('/b'), b2PaneLocation('p', 'b'))).toBe(false);
  });
});
