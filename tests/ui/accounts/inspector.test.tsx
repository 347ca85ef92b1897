/**
 * The key inspector component at 80×24: every fact visible, nothing wider than the terminal,
 * the key's limits stated once in full above the actions (never cut: issue 11), scrolling to the
 * end, closing with Esc, and the same without colours (NO_COLOR).
 */
import { describe, expect, it } from 'vitest';
import { CAPABILITIES } from '../../../src/state/permissions/capabilities.js';
import { displayWidth } from '../../../src/state/text/sanitize.js';
import { KeyInspectorScreen } from '../../../src/ui/accounts/KeyInspectorScreen.js';
import { renderInk, type InkHarness } from '../render-ink.js';
import { DAY, keyInfo, NOW } from '../../state/accounts/fixtures.js';

const KEY = keyInfo({
  applicationKeyId: '0041a2b3c4d5e6f0000000007',
  accountId: '1a2b3c4d5e6f',
  buckets: [
    { id: 'b1', name: 'photos-with-a-rather-long-bucket-name' },
    { id: 'b2', name: null },
  ],
  namePrefix: 'projects/alpha/',
  expiresAt: NOW + 3 * DAY,
  capabilities: ['listBuckets', 'listFiles', 'readFiles', 'writeFiles'],
});

// eslint-disable-next-line no-control-regex -- ANSI styling is what these strip and look for.
const SGR = /\x1b\[[0-9;]*m/g;
// eslint-disable-next-line no-control-regex
const COLOUR = /\x1b\[3\dm/;

async function step(h: InkHarness, key: string, until: (f: string) => boolean): Promise<string> {
  h.press(key);
  return h.waitForFrame(until);
}

describe('key inspector', () => {
  it('fits 80×24, shows the facts, scrolls to the last capability and closes with Esc', async () => {
    let closed = false;
    const h = renderInk(
      <KeyInspectorScreen
        keyInfo={KEY}
        profileName="alpha"
        source="profile"
        endpoint={null}
        now={() => NOW}
        onClose={() => (closed = true)}
      />,
    );
    const top = await h.waitForFrame((f) => f.includes('lines 1–'));
    expect(top).toMatch(/Profile\s+alpha/);
    expect(top).toMatch(/Key ID\s+0041a2b3c4d5e6f0000000007/);
    expect(top).toMatch(/Account ID\s+1a2b3c4d5e6f/);
    expect(top).toMatch(/Type\s+restricted application key/);
    expect(top).toMatch(/Buckets\s+2 buckets: photos-with-a-rather-long-bucket-name\n\s+\(deleted bucket, ID b2\)/);
    expect(top).toMatch(/Name prefix\s+projects\/alpha\//);
    expect(top).toMatch(/Expires\s+2026-05-13 00:00 UTC \(3d 00h left\)/);
    const last = CAPABILITIES.at(-1)?.name ?? '';
    expect(top).not.toContain(last);
    const limits = await step(h, 'j', (f) => f.includes('lines 2–'));
    // The limits once, whole — the bucket, the whole prefix, the expiry — wrapped, not cut.
    const said = limits
      .split('\n')
      .filter((l) => /Limits|^\s{9}\S/.test(l))
      .join(' ')
      .replace(/\s+/g, ' ');
    expect(said).toContain(
      'Limits Every ✓ works only in bucket photos-with-a-rather-long-bucket-name and a deleted bucket, only for names starting with projects/alpha/, and only until 2026-05-13 00:00 UTC.',
    );
    expect(limits).toMatch(/ ✓ F5\s+Download\s+within the limits above\n/);
    expect(limits).not.toContain('…');
    const page = await step(h, '\x1b[6~', (f) => f.includes('lines 12–'));
    expect(page).toMatch(/ ✗ F8\s+Delete\s+needs deleteFiles/);
    const bottom = await step(h, 'G', (f) => f.includes(last));
    expect(bottom).toMatch(/lines 6\d–8\d of 8\d ↑/);
    expect(bottom).toMatch(/✗ writeBucketLogging\s+change a bucket's access-logging settings/);
    for (const frame of h.frames.map((f) => f.replace(SGR, ''))) {
      const lines = frame.split('\n');
      expect(lines.length).toBeLessThanOrEqual(23);
      for (const line of lines) expect(displayWidth(line), line).toBeLessThanOrEqual(80);
    }
    h.press('\x1b');
    await h.waitForFrame(() => closed);
    h.unmount();
  });

  it('reads the same without colours', async () => {
    const h = renderInk(
      <KeyInspectorScreen
        keyInfo={KEY}
        profileName="alpha"
        source="profile"
        endpoint={null}
        now={() => NOW}
        onClose={() => undefined}
      />,
      { mono: true },
    );
    const frame = await h.waitForFrame((f) => f.includes('lines 1–'));
    expect(h.lastFrame()).not.toMatch(COLOUR);
    expect(frame).toMatch(/ ✓ F5\s+Download\s+within the limits above/);
    h.unmount();
  });
});
