import { describe, expect, it } from 'vitest';
import { baseName, joinPath, parentPath, splitBucketPath } from '../../src/providers/paths.js';

describe('provider paths', () => {
  it('joins, splits and walks up', () => {
    expect(joinPath('/a/', 'b', 'c')).toBe('/a/b/c');
    expect(joinPath('', 'x')).toBe('/x');
    expect(parentPath('/a/b')).toBe('/a');
    expect(parentPath('/a')).toBe('/');
    expect(parentPath('/')).toBe('/');
    expect(baseName('/a/b/')).toBe('b');
    expect(splitBucketPath('/bkt/x/y')).toEqual({ bucket: 'bkt', key: 'x/y' });
    expect(splitBucketPath('/')).toEqual({ bucket: null, key: '' });
    expect(splitBucketPath('/bkt')).toEqual({ bucket: 'bkt', key: '' });
  });
});
