import { describe, expect, it } from 'vitest';
import { SizeParseError, parseSize } from '../../src/config/index.js';

describe('parseSize', () => {
  it.each([
    ['64MiB', 67_108_864],
    ['100M', 104_857_600],
    ['5MB', 5_000_000],
    ['100 MB', 100_000_000],
    ['1048576', 1_048_576],
    ['512B', 512],
    ['1k', 1024],
    ['1KB', 1000],
    ['1.5GiB', 1_610_612_736],
    ['2gb', 2_000_000_000],
    ['1T', 1_099_511_627_776],
    ['.5K', 512],
    ['  7 mib ', 7_340_032],
    ['0', 0],
  ])('%s → %d bytes', (text, bytes) => {
    expect(parseSize(text)).toBe(bytes);
  });

  it.each(['', 'MB', '-5MB', '5 XB', '5MiBs', '1e6', 'ten', '5,5MB', '99999999999T'])('rejects %j', (text) => {
    expect(() => parseSize(text)).toThrow(SizeParseError);
  });

  it('explains the accepted forms', () => {
    expect(() => parseSize('5 XB')).toThrow(
      '"XB" is not a size unit: use B, K/KiB/KB, M/MiB/MB, G/GiB/GB or T/TiB/TB.',
    );
    expect(() => parseSize('lots')).toThrow('like 64MiB, 100M or 5MB');
  });
});
