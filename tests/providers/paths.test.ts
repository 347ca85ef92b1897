import { describe, expect, it } from 'vitest';
import { childPath, folderName, folderPrefix, ownName, splitBucketPath, splitName } from '../../src/providers/paths.js';

describe('provider paths', () => {
  it('splits bucket paths', () => {
    expect(splitBucketPath('/bkt/x/y')).toEqual({ bucket: 'bkt', key: 'x/y' });
    expect(splitBucketPath('/')).toEqual({ bucket: null, key: '' });
    expect(splitBucketPath('/bkt')).toEqual({ bucket: 'bkt', key: '' });
  });
});

describe('exact B2 names', () => {
  it('splits and joins without collapsing any "/"', () => {
    expect(splitBucketPath('/bkt//abs/path')).toEqual({ bucket: 'bkt', key: '/abs/path' });
    expect(splitBucketPath('/bkt/dir//')).toEqual({ bucket: 'bkt', key: 'dir//' });
    expect(splitName('/bkt/dir//double')).toEqual({ folder: '/bkt/dir//', name: 'double' });
    expect(splitName('/bkt/endslash/')).toEqual({ folder: '/bkt/endslash/', name: '' });
    expect(childPath('/bkt/dir/', '/')).toBe('/bkt/dir//');
    expect(childPath('/bkt', '/')).toBe('/bkt//');
    expect(childPath('/bkt/dir', 'x')).toBe('/bkt/dir/x');
    expect(childPath('/tmp', 'x')).toBe('/tmp/x');
  });

  it('names files and folders by their own last segment, which may be empty', () => {
    expect(folderPrefix('')).toBe('');
    expect(folderPrefix('dir')).toBe('dir/');
    expect(folderPrefix('dir/')).toBe('dir/');
    expect(folderPrefix('dir//')).toBe('dir//');
    expect(folderName('/bkt/dir/')).toBe('dir');
    expect(folderName('/bkt/dir//')).toBe('');
    expect(folderName('/bkt//')).toBe('');
    expect(folderName('/tmp/x')).toBe('x');
    expect(ownName('/bkt/endslash/', false)).toBe('');
    expect(ownName('/bkt/endslash/', true)).toBe('endslash');
  });
});
