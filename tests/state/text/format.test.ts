import { describe, expect, it } from 'vitest';
import {
  formatCount,
  formatDate,
  formatDuration,
  formatEta,
  formatPercent,
  formatSize,
  formatSpeed,
} from '../../../src/state/text/format.js';

describe('formatSize', () => {
  const table: Array<[number, string]> = [
    [0, '0 B'],
    [1, '1 B'],
    [1023, '1023 B'],
    [1024, '1.0 KiB'],
    [1536, '1.5 KiB'],
    [10 * 1024 * 1024, '10.0 MiB'],
    [1024 * 1024 - 1, '1.0 MiB'], // would round to 1024.0 KiB
    [5.5 * 1024 ** 3, '5.5 GiB'],
    [2 * 1024 ** 4, '2.0 TiB'],
    [3 * 1024 ** 5, '3.0 PiB'],
    [2 ** 70, '1024.0 EiB'],
  ];
  it.each(table)('%d → %s', (bytes, shown) => {
    expect(formatSize(bytes)).toBe(shown);
  });
  it('refuses nonsense', () => {
    expect(() => formatSize(-1)).toThrow(RangeError);
    expect(() => formatSize(Number.NaN)).toThrow(RangeError);
  });
});

describe('formatDate', () => {
  const now = Date.UTC(2026, 10, 28, 15, 4);
  it('shows the time for dates in the current year', () => {
    expect(formatDate(Date.UTC(2026, 10, 28, 15, 4), now, { utc: true })).toBe('Nov 28 15:04');
    expect(formatDate(Date.UTC(2026, 0, 3, 9, 5), now, { utc: true })).toBe('Jan  3 09:05');
  });
  it('shows the year for other years, in the same 12 columns', () => {
    expect(formatDate(Date.UTC(2025, 10, 28, 15, 4), now, { utc: true })).toBe('Nov 28  2025');
    expect(formatDate(Date.UTC(2027, 1, 1), now, { utc: true })).toBe('Feb  1  2027');
    expect(formatDate(Date.UTC(1999, 11, 31), now, { utc: true })).toHaveLength(12);
  });
  it('uses local time by default', () => {
    const local = new Date(2026, 5, 7, 8, 9).getTime();
    expect(formatDate(local, new Date(2026, 0, 1).getTime())).toBe('Jun  7 08:09');
  });
  it('is blank for unknown dates', () => {
    expect(formatDate(null, now)).toBe('');
  });
});

describe('formatDuration and formatEta', () => {
  const table: Array<[number, string]> = [
    [0, '0s'],
    [45.9, '45s'],
    [60, '1m 00s'],
    [185, '3m 05s'],
    [3720, '1h 02m'],
    [2 * 86_400 + 3 * 3600 + 59, '2d 03h'],
  ];
  it.each(table)('%d s → %s', (s, shown) => {
    expect(formatDuration(s)).toBe(shown);
  });
  it('refuses negative durations', () => {
    expect(() => formatDuration(-1)).toThrow(RangeError);
  });
  it('estimates time left, rounding up', () => {
    expect(formatEta(1000, 100)).toBe('10s');
    expect(formatEta(1001, 100)).toBe('11s');
    expect(formatEta(185 * 1024, 1024)).toBe('3m 05s');
    expect(formatEta(0, 100)).toBe('0s');
  });
  it('admits when it cannot know', () => {
    expect(formatEta(1000, 0)).toBe('—');
    expect(formatEta(1000, Number.NaN)).toBe('—');
    expect(formatEta(Infinity, 10)).toBe('—');
  });
});

describe('speeds, counts and percentages', () => {
  it('formats speeds', () => {
    expect(formatSpeed(1.5 * 1024 * 1024)).toBe('1.5 MiB/s');
    expect(formatSpeed(10)).toBe('10 B/s');
  });
  it('groups thousands', () => {
    expect(formatCount(0)).toBe('0');
    expect(formatCount(999)).toBe('999');
    expect(formatCount(12_345)).toBe('12,345');
    expect(formatCount(1_000_000)).toBe('1,000,000');
    expect(formatCount(-4321.9)).toBe('-4,321');
  });
  it('floors percentages so 100% means done', () => {
    expect(formatPercent(999, 1000)).toBe('99%');
    expect(formatPercent(1000, 1000)).toBe('100%');
    expect(formatPercent(0, 0)).toBe('100%');
    expect(formatPercent(5, 10)).toBe('50%');
  });
});
