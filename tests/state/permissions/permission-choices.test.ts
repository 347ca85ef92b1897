// The choices behind a command (delete ways, share lifetimes, look-up for conflict policies).
import { describe, expect, it } from 'vitest';
import { anyChoice, deleteActions, shareLifetimeDecision } from '../../../src/state/permissions/permission-choices.js';
import { checkAction } from '../../../src/state/permissions/permissions.js';
import { DAY, NOW, PHOTOS, at, key, keys } from './permissions.fixtures.js';

describe('look-up: listFiles or readFiles', () => {
  it('is allowed with either capability and refused with neither, naming both', () => {
    expect(
      checkAction('look-up', at(PHOTOS, 'a.txt'), key({ capabilities: ['listBuckets', 'listFiles'] }), NOW).allowed,
    ).toBe(true);
    expect(
      checkAction('look-up', at(PHOTOS, 'a.txt'), key({ capabilities: ['listBuckets', 'readFiles'] }), NOW).allowed,
    ).toBe(true);
    expect(checkAction('look-up', at(PHOTOS, 'a.txt'), keys.writeOnly, NOW)).toEqual({
      allowed: false,
      reason: 'Look up names needs the listFiles or readFiles capability; this key has writeFiles.',
      missing: ['listFiles'],
    });
  });

  it('stays inside the key prefix', () => {
    expect(checkAction('look-up', at(PHOTOS, 'projects/a/x.txt'), keys.prefix, NOW).allowed).toBe(true);
    expect(checkAction('look-up', at(PHOTOS, 'docs/x.txt'), keys.prefix, NOW).missing).toEqual(['prefix:docs/x.txt']);
  });
});

describe('a command is allowed when any of its choices is', () => {
  it('Delete on B2 for a key that may hide but not delete', () => {
    const decisions = deleteActions(true).map((a) => checkAction(a, at(PHOTOS, 'a.txt'), keys.noDelete, NOW));
    expect(decisions.map((d) => d.allowed)).toEqual([true, false, false]);
    expect(anyChoice('Delete', decisions).allowed).toBe(true);
  });

  it('when none is, every distinct reason is given', () => {
    const decisions = deleteActions(true).map((a) => checkAction(a, at(PHOTOS, 'a.txt'), keys.readOnly, NOW));
    const d = anyChoice('Delete', decisions);
    expect(d.allowed).toBe(false);
    expect(d.reason).toBe(
      'Delete: no way is allowed here. Hide needs the writeFiles capability; this key has listFiles, readFiles. ' +
        'Delete needs the deleteFiles capability; this key has listFiles, readFiles. ' +
        'Delete all versions needs the deleteFiles capability; this key has listFiles, readFiles.',
    );
    expect(d.missing).toEqual(['writeFiles', 'deleteFiles']);
  });

  it('a reason about the place, not the key, is given once', () => {
    const decisions = deleteActions(true).map((a) => checkAction(a, at(null), keys.master, NOW));
    expect(anyChoice('Delete', decisions).reason).toBe('Hide works inside a bucket; open a bucket first.');
    expect(anyChoice('Delete', decisions, checkAction('delete', at(null), keys.master, NOW)).reason).toBe(
      'Delete works inside a bucket; open a bucket first.',
    );
  });

  it('one shared reason is given once, without the prefix', () => {
    const decisions = deleteActions(true).map((a) => checkAction(a, at(PHOTOS, 'docs/a.txt'), keys.prefix, NOW));
    expect(anyChoice('Delete', decisions).reason).toBe(
      'This key only reaches names starting with projects/a/; this file is outside it.',
    );
  });
});

describe('share-link lifetimes', () => {
  it('1 s to 7 days for a key that never expires', () => {
    expect(shareLifetimeDecision(604_800, keys.master, NOW).allowed).toBe(true);
    expect(shareLifetimeDecision(604_801, keys.master, NOW).reason).toBe(
      'Share links last from 1 second to 7 days on B2.',
    );
    expect(shareLifetimeDecision(0, keys.master, NOW).allowed).toBe(false);
  });

  it('not past the key expiry', () => {
    const soon = key({ capabilities: ['shareFiles'], expiresAt: NOW + 2 * 3_600_000 });
    expect(shareLifetimeDecision(3_600, soon, NOW).allowed).toBe(true);
    expect(shareLifetimeDecision(7_200, soon, NOW).allowed).toBe(true);
    expect(shareLifetimeDecision(86_400, soon, NOW).reason).toBe(
      'This key expires on 2026-05-10 (in 2h 00m), and a link it makes stops working then: choose a shorter time.',
    );
    expect(shareLifetimeDecision(86_400, key({ expiresAt: NOW + 2 * DAY }), NOW).allowed).toBe(true);
  });
});
