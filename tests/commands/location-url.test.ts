import { describe, expect, it } from 'vitest';
import { formatLocation, LocationSyntaxError, parseLocation } from '../../src/commands/location-url.js';

describe('parseLocation', () => {
  it('parses b2:// URLs into bucket, key and provider path', () => {
    expect(parseLocation('b2://photos/2024/cat.jpg', '/x')).toMatchObject({
      kind: 'b2',
      bucket: 'photos',
      key: '2024/cat.jpg',
      path: '/photos/2024/cat.jpg',
    });
    expect(parseLocation('b2://photos', '/x')).toMatchObject({ bucket: 'photos', key: '', path: '/photos' });
    // The key is exact: the provider path keeps the final `/` (a folder prefix) and empty segments.
    expect(parseLocation('b2://photos/dir/', '/x')).toMatchObject({
      key: 'dir/',
      path: '/photos/dir/',
      trailingSlash: true,
    });
    expect(parseLocation('b2://photos/dir//double', '/x')).toMatchObject({
      key: 'dir//double',
      path: '/photos/dir//double',
      trailingSlash: false,
    });
    expect(parseLocation('b2://photos//abs/path', '/x')).toMatchObject({ key: '/abs/path', path: '/photos//abs/path' });
    expect(parseLocation('b2://', '/x')).toMatchObject({ bucket: null, path: '/' });
  });

  it('resolves local paths against cwd', () => {
    expect(parseLocation('a/b.txt', '/home/me')).toMatchObject({ kind: 'local', path: '/home/me/a/b.txt' });
    expect(parseLocation('/etc/../tmp/', '/home/me')).toMatchObject({
      kind: 'local',
      path: '/tmp',
      trailingSlash: true,
    });
  });

  it('refuses malformed locations', () => {
    expect(() => parseLocation('b2:/photos', '/')).toThrow(LocationSyntaxError);
    expect(() => parseLocation('b2://bad_bucket/x', '/')).toThrow(/not a valid bucket name/);
    expect(() => parseLocation('', '/')).toThrow(LocationSyntaxError);
  });

  it('formats back', () => {
    expect(formatLocation('b2', '/photos/a')).toBe('b2://photos/a');
    expect(formatLocation('local', '/tmp/a')).toBe('/tmp/a');
  });
});
