import { describe, expect, it } from 'vitest';
import { formatB2Url, parseB2Url } from '../../../src/state/location/b2-url.js';

describe('the one b2:// parser', () => {
  it('splits bucket and exact key, any case of the scheme', () => {
    expect(parseB2Url('b2://')).toEqual({ bucket: null, key: '' });
    expect(parseB2Url('B2://photos')).toEqual({ bucket: 'photos', key: '' });
    expect(parseB2Url('b2://photos/dir//x/')).toEqual({ bucket: 'photos', key: 'dir//x/' });
    expect(parseB2Url('b2://b//abs/path')).toEqual({ bucket: 'b', key: '/abs/path' });
  });

  it('says what is wrong, and leaves local paths alone', () => {
    expect(parseB2Url('b2:/photos')).toEqual({ problem: 'malformed' });
    expect(parseB2Url('b2://pho_tos/x')).toEqual({ problem: 'bucket-name', bucket: 'pho_tos' });
    expect(parseB2Url('/home/me')).toBeNull();
    expect(parseB2Url('b2photos')).toBeNull();
  });

  it('formats provider paths back', () => {
    expect(formatB2Url('b2', '/photos/a')).toBe('b2://photos/a');
    expect(formatB2Url('local', '/tmp/a')).toBe('/tmp/a');
  });
});
