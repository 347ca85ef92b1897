import { describe, expect, it } from 'vitest';
import { InvalidNameError } from '../../src/providers/errors.js';
import { mapTargetPath, unsafeNameReason } from '../../src/transfers/target-path.js';

describe('mapping listed names into a download folder', () => {
  it('joins ordinary names, including odd but harmless ones', () => {
    expect(mapTargetPath('/home/me/dl', 'a.txt', 'local')).toBe('/home/me/dl/a.txt');
    expect(mapTargetPath('/home/me/dl/', 'dir/sub/b', 'local')).toBe('/home/me/dl/dir/sub/b');
    expect(mapTargetPath('/dl', '..hidden', 'local')).toBe('/dl/..hidden');
    expect(mapTargetPath('/dl', 'a..b/...', 'local')).toBe('/dl/a..b/...');
    expect(mapTargetPath('/dl', 'ünïcødé ✓', 'local')).toBe('/dl/ünïcødé ✓');
    expect(mapTargetPath('/bkt/x', 'back\\slash', 'b2')).toBe('/bkt/x/back\\slash');
  });

  it.each([
    ['..', 'the name contains a ".." segment'],
    ['../../.bashrc', 'the name contains a ".." segment'],
    ['a/../../b', 'the name contains a ".." segment'],
    ['./x', 'the name contains a "." segment'],
    ['/etc/passwd', 'the name is an absolute path'],
    ['a//b', 'the name contains an empty path segment (// or a trailing /)'],
    ['dir/', 'the name contains an empty path segment (// or a trailing /)'],
    ['..\\..\\evil', 'the name contains a backslash'],
    ['a\\b', 'the name contains a backslash'],
    ['nul\0byte', 'the name contains a NUL character'],
    ['C:evil', 'the name starts with a drive letter'],
    ['x/c:\\windows', 'the name contains a backslash'],
    ['sub/D:', 'the name starts with a drive letter'],
    ['', 'the name is empty'],
    ['x'.repeat(256), 'a part of the name is longer than 255 bytes'],
  ])('refuses %j for a local target', (name, reason) => {
    expect(unsafeNameReason(name, 'local')).toBe(reason);
    expect(() => mapTargetPath('/dl', name, 'local')).toThrow(InvalidNameError);
    try {
      mapTargetPath('/dl', name, 'local');
    } catch (e) {
      expect((e as Error).message).toBe(`Refused "${name}": ${reason}.`);
    }
  });

  it('carries names unchanged to B2 targets, where nothing resolves them, and still refuses NUL', () => {
    expect(mapTargetPath('/bkt/p', '../other', 'b2')).toBe('/bkt/p/../other');
    expect(mapTargetPath('/bkt/p', '/abs', 'b2')).toBe('/bkt/p//abs');
    expect(mapTargetPath('/bkt/p/', '/', 'b2', { isDir: true })).toBe('/bkt/p//');
    expect(mapTargetPath('/bkt/p/x/', '', 'b2')).toBe('/bkt/p/x/');
    expect(() => mapTargetPath('/bkt/p', 'a\0', 'b2')).toThrow(InvalidNameError);
  });

  it('maps a B2 folder row (its name ends in its own "/") to a local folder, and refuses empty names by what they are', () => {
    expect(mapTargetPath('/dl', 'sub/', 'local', { isDir: true })).toBe('/dl/sub');
    expect(() => mapTargetPath('/dl', '/', 'local', { isDir: true, shown: 'dir//' })).toThrow(
      'Refused "dir//": a folder on disk cannot have an empty name (B2 makes one from "//" or a leading "/").',
    );
    expect(() => mapTargetPath('/dl', '', 'local', { shown: 'photos/' })).toThrow(
      'Refused "photos/": a file on disk cannot have a name ending in "/".',
    );
  });
});
