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

  it('still refuses traversal and NUL on B2 targets', () => {
    expect(() => mapTargetPath('/bkt/p', '../other', 'b2')).toThrow(InvalidNameError);
    expect(() => mapTargetPath('/bkt/p', 'a\0', 'b2')).toThrow(InvalidNameError);
    expect(() => mapTargetPath('/bkt/p', '/abs', 'b2')).toThrow(InvalidNameError);
  });
});
