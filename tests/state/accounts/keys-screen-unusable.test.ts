// The inspector's page for a key B2 refuses to sign in with.
import { describe, expect, it } from 'vitest';
import { lineText } from '../../../src/state/accounts/keys-screen-lines.js';
import {
  keysUnavailableLines,
  unusableKeyLines,
  type UnusableKey,
} from '../../../src/state/accounts/keys-screen-unusable.js';

const NOW = Date.UTC(2026, 4, 10, 12);
const base: UnusableKey = {
  profile: 'work',
  source: 'profile',
  applicationKeyId: '004abc',
  endpoint: null,
  reason: 'This application key has expired; create a new one.',
  now: NOW,
};

const text = (k: UnusableKey): string[] => unusableKeyLines(k).map(lineText);

describe('a key that cannot sign in', () => {
  it('shows what the profile holds, why B2 refuses, and the expiry when known', () => {
    const lines = text({ ...base, expiresAt: NOW - 86_400_000 });
    expect(lines.slice(0, 6)).toEqual([
      'Profile      work',
      'Key ID       004abc',
      'Endpoint     https://api.backblazeb2.com',
      'State        ✗ B2 refuses to sign in with this key',
      'Why          This application key has expired; create a new one.',
      'Expires      expired 2026-05-09 12:00 UTC (1d 00h ago)',
    ]);
    expect(lines).toContain(' ✗ nothing: every action needs a key that signs in.');
    for (const l of [...lines, ...keysUnavailableLines(base).map(lineText)]) expect(l.length).toBeLessThanOrEqual(80);
  });

  it('says "expired" without a date when B2 said so but the date is not known, and nothing when it did not', () => {
    expect(text(base)).toContain('Expires      expired (B2 says so; the date is not known here)');
    expect(
      text({ ...base, reason: 'B2 does not know this application key ID: it was deleted or mistyped.' }).some((l) =>
        l.startsWith('Expires'),
      ),
    ).toBe(false);
  });

  it('escapes control characters from the outside', () => {
    const shown = text({ ...base, profile: 'a\x1b[31mb', reason: 'no\x07' }).join('\n');
    expect(shown.includes('\x1b') || shown.includes('\x07')).toBe(false);
  });
});
