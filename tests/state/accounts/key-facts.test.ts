import { describe, expect, it } from 'vitest';
import { CAPABILITIES } from '../../../src/state/permissions/capabilities.js';
import { actionKey, keyFacts, REAL_B2_ENDPOINT } from '../../../src/state/accounts/keys-screen-facts.js';
import { describeExpiry, keyFactLines, lineText } from '../../../src/state/accounts/keys-screen-lines.js';
import { wrapFactLines } from '../../../src/state/accounts/fact-line-wrap.js';
import { DAY, keyInfo, NOW } from './fixtures.js';

const text = (facts: ReturnType<typeof keyFacts>): string => keyFactLines(facts).map(lineText).join('\n');

describe('key facts', () => {
  it('a read-only key: Delete refused with the key to press and the capability it needs', () => {
    const facts = keyFacts({
      keyInfo: keyInfo({ capabilities: ['listBuckets', 'listFiles', 'readFiles'] }),
      profileName: 'work',
      source: 'profile',
      endpoint: null,
      now: NOW,
    });
    expect(facts.endpoint).toBe(REAL_B2_ENDPOINT);
    const del = facts.actions.find((a) => a.action === 'delete');
    expect(del).toMatchObject({ key: 'F8', allowed: false, missing: ['deleteFiles'], brief: 'needs deleteFiles' });
    expect(text(facts)).toMatch(/^ ✗ F8\s+Delete\s+needs deleteFiles$/m);
    expect(facts.capabilities.find((c) => c.name === 'deleteFiles')).toMatchObject({
      held: false,
      group: 'files',
      usedBy: ['Unhide', 'Delete', 'Delete all versions', 'Delete a version by ID'],
    });
    expect(facts.capabilities.map((c) => c.name)).toEqual(CAPABILITIES.map((c) => c.name));
  });

  it('marks deleted buckets, shows the prefix and how long the key has left', () => {
    const facts = keyFacts({
      keyInfo: keyInfo({
        buckets: [
          { id: 'b1', name: 'photos' },
          { id: 'b9', name: null },
        ],
        namePrefix: 'a/',
        expiresAt: NOW + 2 * DAY + 3_600_000,
        capabilities: ['listFiles'],
      }),
      profileName: null,
      source: 'env',
      endpoint: 'http://127.0.0.1:9',
      now: NOW,
    });
    const t = text(facts);
    expect(t).toMatch(/Buckets\s+2 buckets: photos\n\s+\(deleted bucket, ID b9\)/);
    expect(t).toMatch(/Name prefix\s+a\//);
    expect(t).toMatch(/Expires\s+2026-05-12 01:00 UTC \(2d 01h left\)/);
    expect(t).toMatch(/Profile\s+none: from B2_APPLICATION_KEY_ID/);
    expect(facts.buckets).toEqual([
      { id: 'b1', name: 'photos', deleted: false },
      { id: 'b9', name: null, deleted: true },
    ]);
    expect(facts.actions.find((a) => a.action === 'list')?.brief).toBe(
      'only in bucket photos and a deleted bucket, only for names starting with a/',
    );
  });

  it('an expired key: every action refused as expired', () => {
    const facts = keyFacts({
      keyInfo: keyInfo({ expiresAt: NOW - DAY, capabilities: ['listFiles'] }),
      profileName: 'old',
      source: 'profile',
      endpoint: null,
      now: NOW,
    });
    expect(facts.expired).toBe(true);
    expect(facts.actions.every((a) => !a.allowed && a.brief === 'key expired')).toBe(true);
    expect(describeExpiry(facts).text).toBe('expired 2026-05-09 00:00 UTC (1d 00h ago)');
  });

  it('keeps capabilities b2c does not know, under Other', () => {
    const facts = keyFacts({
      keyInfo: keyInfo({ capabilities: ['readFiles', 'teleportFiles'] }),
      profileName: 'x',
      source: 'wizard',
      endpoint: null,
      now: NOW,
    });
    expect(facts.capabilities.at(-1)).toMatchObject({
      name: 'teleportFiles',
      group: 'other',
      held: true,
      known: false,
    });
    expect(text(facts)).toMatch(/ Other\n\s+✓ teleportFiles/);
  });

  it('escapes control characters from outside (bucket names, prefix, endpoint) in every line', () => {
    const facts = keyFacts({
      keyInfo: keyInfo({ buckets: [{ id: 'b1', name: 'evil\x1b]0;owned\x07' }], namePrefix: 'p\x1b[2J/' }),
      profileName: 'n\u202eame',
      source: 'profile',
      endpoint: 'http://x\x1b[31m',
      now: NOW,
    });
    const t = text(facts);
    // eslint-disable-next-line no-control-regex
    expect(t).not.toMatch(/[\x00-\x08\x0b-\x1f\u202e]/);
    expect(t).toContain('evil\\x1b]0;owned\\x07');
    expect(t).toContain('p\\x1b[2J/');
  });

  it('names the key of each action from the keymap', () => {
    expect(actionKey('copy')).toBe('F5');
    expect(actionKey('browse-bucket')).toBe('Enter');
    expect(actionKey('share-link')).toBe('L');
    // In the bucket list F7 creates a bucket and F8 deletes one (issue 12).
    expect(actionKey('create-bucket')).toBe('F7');
    expect(actionKey('delete-bucket')).toBe('F8');
    expect(actionKey('look-up')).toBeNull();
  });

  it('the TUI states the limits once above the actions and wraps every line under its text, cutting nothing', () => {
    const facts = keyFacts({
      keyInfo: keyInfo({
        buckets: [{ id: 'b1', name: 'photos' }],
        namePrefix: 'clients/acme/2026/',
        expiresAt: NOW + 2 * DAY,
        capabilities: ['listBuckets', 'listFiles', 'readFiles'],
      }),
      profileName: 'p',
      source: 'profile',
      endpoint: null,
      now: NOW,
    });
    const lines = wrapFactLines(keyFactLines(facts, { limitsAbove: true }), 60).map(lineText);
    const at = lines.findIndex((l) => l.startsWith(' Limits'));
    expect(lines.slice(at, at + 3)).toEqual([
      ' Limits  Every ✓ works only in bucket photos, only for names',
      '         starting with clients/acme/2026/, and only until',
      '         2026-05-12 00:00 UTC.',
    ]);
    expect(lines).toContainEqual(expect.stringMatching(/^ ✓ F5\s+Download\s+within the limits above$/));
    expect(lines).toContainEqual(expect.stringMatching(/^ ✓\s+List buckets\s+only bucket photos$/));
    for (const l of lines) expect(l.length).toBeLessThanOrEqual(60);
    // The text for scripts keeps one line per action, each naming its limits in full.
    expect(text(facts)).toMatch(
      /^ ✓ F5\s+Download\s+only in bucket photos, only for names starting with clients\/acme\/2026\/$/m,
    );
    expect(text(facts)).not.toContain('Limits');
  });
});
