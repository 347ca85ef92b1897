/**
 * Permissions in the TUI against the built-in B2 server (real HTTP on 127.0.0.1): function keys
 * greyed for what the pane's key forbids, the rule's reason when pressed anyway and nothing else,
 * and delete modes greyed one by one inside the delete dialog.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { DEMO_BUCKETS } from '../../../src/emulator/index.js';
import { connectB2 } from '../../../src/providers/b2/index.js';
import { b2PaneLocation } from '../../../src/state/location/pane-location.js';
import { KEYS } from '../../e2e/pty-harness.js';
import { startTui, type TuiFixture } from './tui-fixture.js';

// Greying is a text attribute (dim); chalk only emits attributes when colour is supported, which
// it cannot detect under the test runner. Set before Ink loads (hoisted above the imports).
vi.hoisted(() => {
  process.env.FORCE_COLOR = '1';
});

let f: TuiFixture | null = null;
afterEach(async () => {
  await f?.close();
  f = null;
});

// eslint-disable-next-line no-control-regex
const TOKEN = /\x1b\[([0-9;]*)m|[^\x1b]/gu;

/** True when the first character of `label` on the function-key bar (last line) is drawn dim. */
function isDim(raw: string, label: string): boolean {
  const lines = raw.split('\n');
  const bar = lines[lines.length - 1] ?? '';
  let dim = false;
  let text = '';
  const dimAt: boolean[] = [];
  for (const m of bar.matchAll(TOKEN)) {
    if (m[1] !== undefined) {
      for (const p of m[1] === '' ? ['0'] : m[1].split(';')) {
        if (p === '2') dim = true;
        else if (p === '0' || p === '22') dim = false;
      }
    } else {
      text += m[0];
      dimAt.push(dim);
    }
  }
  const at = text.indexOf(label);
  expect(at).toBeGreaterThanOrEqual(0);
  return dimAt[at + 1] === true;
}

const photos = (profile: string) => () => b2PaneLocation(profile, DEMO_BUCKETS.photos);

describe('greying by the pane key', () => {
  it('F8 for the no-delete key: the delete dialog offers Hide, the two delete ways greyed with their reasons', async () => {
    f = await startTui({ b2: true, right: photos('demo-no-delete'), active: 'right' });
    await f.see('README.txt', '[demo/no-delete]');
    f.h.press(KEYS.end);
    const raw = f.h.lastFrame() ?? '';
    // Some way to delete is allowed (hide), so F8 is not greyed.
    expect(isDim(raw, '8Delete')).toBe(false);
    f.h.press(KEYS.f8);
    const frame = await f.see(
      'How:',
      '(•) Hide',
      'Delete this version — not allowed with this key',
      'Delete all versions — not allowed with this key',
    );
    expect(frame).not.toContain('Hide — not allowed');
    f.h.press(KEYS.down);
    await f.see('Not allowed: Delete needs the deleteFiles capability');
    f.h.press(KEYS.enter);
    await f.see('Delete needs the deleteFiles capability');
    expect(f.store.getSnapshot().dialog?.kind).toBe('delete');
  });

  it('greys F8 for the read-only key (no way to delete) and says why when it is pressed, doing nothing else', async () => {
    // Wide enough for the whole reason on the one-line status line (at 80 columns it ends in "…").
    f = await startTui({
      b2: true,
      right: photos('demo-read-only'),
      active: 'right',
      size: { columns: 160, rows: 24 },
    });
    await f.see('README.txt', '[demo/read-only]');
    f.h.press(KEYS.end);
    expect(isDim(f.h.lastFrame() ?? '', '8Delete')).toBe(true);
    expect(isDim(f.h.lastFrame() ?? '', '5Copy')).toBe(false);
    f.h.press(KEYS.f8);
    const frame = await f.see('Hide needs the writeFiles capability', 'Delete needs the deleteFiles capability');
    expect(frame).not.toContain('How:');
    expect(f.store.getSnapshot().app.mode.kind).toBe('normal');
    // The Delete key (not only F8) is refused the same way.
    f.h.press(KEYS.down, KEYS.delete);
    await f.see('Hide needs the writeFiles capability');
  });

  it('enables F8 for the master key', async () => {
    f = await startTui({ b2: true, right: photos('demo'), active: 'right' });
    await f.see('README.txt');
    expect(isDim(f.h.lastFrame() ?? '', '8Delete')).toBe(false);
  });

  it('refuses copying into a read-only pane with the reason, before any request', async () => {
    f = await startTui({ b2: true, right: photos('demo-read-only') });
    await f.see('README.txt', 'a.txt');
    f.h.press(KEYS.end, KEYS.f5);
    await f.see('needs the writeFiles capability');
    expect(f.store.getSnapshot().dialog).toBeNull();
  });

  it('shows each delete mode the key forbids greyed, with its reason', async () => {
    // A key that may delete versions but not write (so it cannot hide).
    let keyId = '';
    let key = '';
    f = await startTui({
      b2: true,
      right: photos('no-write'),
      active: 'right',
      profiles: (emu) => [
        {
          name: 'no-write',
          label: 'no-write key',
          source: 'profile',
          endpoint: () => emu?.endpoint ?? null,
          connect: async () => {
            if (!emu) throw new Error('no server');
            const master = await connectB2({
              applicationKeyId: emu.masterKeyId,
              applicationKey: emu.masterKey,
              endpoint: emu.endpoint,
            });
            const made = await master.keys.createKey({
              keyName: 'no-write',
              capabilities: ['listBuckets', 'listFiles', 'readFiles', 'deleteFiles'],
            });
            keyId = made.applicationKeyId;
            key = made.applicationKey;
            return connectB2({ applicationKeyId: keyId, applicationKey: key, endpoint: emu.endpoint });
          },
        },
      ],
    });
    await f.see('README.txt', 'no-write key');
    f.h.press(KEYS.end, KEYS.f8);
    const frame = await f.see('How:', 'Hide — not allowed with this key', 'Delete this version');
    // The first allowed mode is chosen; moving onto Hide shows why it is refused.
    expect(frame).toContain('(•) Delete this version');
    f.h.press(KEYS.up);
    await f.see('Not allowed: Hide needs the writeFiles capability');
    f.h.press(KEYS.enter);
    await f.see('Hide needs the writeFiles capability');
    expect(f.store.getSnapshot().dialog?.kind).toBe('delete');
  });
});
