/** The queue panel's words for what the transfer engine keeps in flight (in-flight-line.ts). */
import { describe, expect, it } from 'vitest';
import { describeInFlight } from '../../../src/tui/operations/in-flight-line.js';

describe('describeInFlight', () => {
  it('says how many files and parts and what the adaptive mode does', () => {
    expect(describeInFlight({ files: 16, parts: 8, adaptive: true, phase: 'steady' })).toBe(
      '16 files × 8 parts (auto)',
    );
    expect(describeInFlight({ files: 1, parts: 1, adaptive: false, phase: 'steady' })).toBe('1 file × 1 part');
    expect(describeInFlight({ files: 32, parts: 4, adaptive: true, phase: 'probing' })).toBe(
      '32 files × 4 parts (auto, trying more)',
    );
    expect(describeInFlight({ files: 16, parts: 4, adaptive: true, phase: 'holding' })).toBe(
      '16 files × 4 parts (auto, more did not help)',
    );
  });
});
