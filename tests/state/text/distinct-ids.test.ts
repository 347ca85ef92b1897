import { describe, expect, it } from 'vitest';
import { distinctId, sharedEnds } from '../../../src/state/text/distinct-ids.js';

// Three versions of one name as the built-in server and B2 shape them: they differ in the middle.
const IDS = [
  '4_z15e4ad38e28564ce4ce4d75a_f100000000000012_d20261202_m135429_c004_v0402000_t0001',
  '4_z15e4ad38e28564ce4ce4d75a_f100000000000011_d20261202_m135429_c004_v0402000_t0001',
  '4_z15e4ad38e28564ce4ce4d75a_f100000000000010_d20261202_m135429_c004_v0402000_t0001',
];

describe('distinct IDs', () => {
  it('finds the start and end the IDs share', () => {
    expect(sharedEnds(IDS)).toEqual({ prefix: 43, suffix: 38 });
    expect(sharedEnds(['abc', 'abc'])).toEqual({ prefix: 3, suffix: 0 });
    expect(sharedEnds([])).toEqual({ prefix: 0, suffix: 0 });
  });

  it('shows where the IDs differ, so the rows do not look alike', () => {
    const ends = sharedEnds(IDS);
    const shown = IDS.map((id) => distinctId(id, 30, ends));
    expect(new Set(shown).size).toBe(3);
    for (const s of shown) expect(s).toHaveLength(30);
    expect(shown[0]).toBe('…0012_d20261202_m135429_c004_…');
  });

  it('whole when it fits; cut in the middle when nothing differs', () => {
    expect(distinctId('4_zabc', 30, { prefix: 0, suffix: 0 })).toBe('4_zabc');
    const one = IDS[0] ?? '';
    const cut = distinctId(one, 30, sharedEnds([one]));
    expect(cut).toHaveLength(30);
    expect(cut.startsWith('4_z15e4')).toBe(true);
    expect(cut.endsWith('_t0001')).toBe(true);
  });

  it('uses the room at the end when the difference is there', () => {
    expect(distinctId('aaaaaaaaaaaaaaaaaaaaX', 10, { prefix: 20, suffix: 0 })).toBe('…aaaaaaaaX');
    expect(distinctId('Xaaaaaaaaaaaaaaaaaaaa', 10, { prefix: 0, suffix: 20 })).toBe('Xaaaaaaaa…');
  });
});
