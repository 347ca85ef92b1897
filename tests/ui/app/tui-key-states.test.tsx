/**
 * The key inspector (I) and the keys screen (K) open and explain on any key state (issue 9): a key
 * B2 refuses to sign in with (expired, deleted) and a key that may only manage keys.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { RunningEmulator } from '../../../src/emulator/index.js';
import { connectB2 } from '../../../src/providers/b2/index.js';
import { b2PaneLocation } from '../../../src/state/location/pane-location.js';
import type { ProfileSpec } from '../../../src/tui/providers/provider-registry.js';
import { KEYS } from '../../e2e/pty-harness.js';
import { startTui, type TuiFixture } from './tui-fixture.js';

let f: TuiFixture | null = null;
afterEach(async () => {
  await f?.close();
  f = null;
});

const WIDE = { columns: 100, rows: 30 };

/** A profile whose key the master key makes (and, with `deleteFirst`, deletes) when it first connects. */
function madeKey(
  name: string,
  capabilities: string[],
  deleteFirst = false,
): (emu: RunningEmulator | null) => ProfileSpec[] {
  let keyId: string | null = null;
  return (emu) => [
    {
      name,
      label: name,
      source: 'profile',
      endpoint: () => emu?.endpoint ?? null,
      knownKey: () => (keyId === null ? null : { applicationKeyId: keyId }),
      connect: async () => {
        if (!emu) throw new Error('no server');
        const master = await connectB2({
          applicationKeyId: emu.masterKeyId,
          applicationKey: emu.masterKey,
          endpoint: emu.endpoint,
        });
        const made = await master.keys.createKey({ keyName: name, capabilities });
        keyId = made.applicationKeyId;
        if (deleteFirst) await master.keys.deleteKey(made.applicationKeyId);
        return connectB2({
          applicationKeyId: made.applicationKeyId,
          applicationKey: made.applicationKey,
          endpoint: emu.endpoint,
        });
      },
    },
  ];
}

describe('I and K on any key state', () => {
  it('expired: I shows the expiry and that B2 refuses the key; K says why keys cannot be listed', async () => {
    f = await startTui({ b2: true, right: () => b2PaneLocation('demo-expired', null), active: 'right', size: WIDE });
    await f.see('This application key has expired');
    f.h.press('I');
    const inspector = await f.see(
      'Key inspector',
      'B2 refuses to sign in with this key',
      'This application key has expired; create a new one.',
    );
    expect(inspector).toMatch(/Expires\s+expired \d{4}-\d\d-\d\d \d\d:\d\d UTC \(1d 00h ago\)/);
    expect(inspector).toContain(f.emu?.demoKeys.find((k) => k.name === 'expired')?.applicationKeyId ?? 'missing');
    f.h.press(KEYS.escape);
    await f.see('10Quit');
    f.h.press('K');
    await f.see(
      'Application keys',
      'The keys cannot be listed: B2 refuses to sign in with this key.',
      'This application key has expired',
    );
    f.h.press(KEYS.escape);
    await f.see('10Quit');
    expect(f.emu?.stats().unauthorized).toBe(0);
  });

  it('deleted: I and K open and say B2 no longer knows the key', async () => {
    f = await startTui({
      b2: true,
      right: () => b2PaneLocation('gone', null),
      active: 'right',
      size: WIDE,
      profiles: madeKey('gone', ['listBuckets', 'listFiles'], true),
    });
    await f.see('deleted or mistyped');
    f.h.press('I');
    await f.see('Key inspector', 'B2 refuses to sign in with this key', 'it was deleted or mistyped');
    f.h.press(KEYS.escape);
    await f.see('10Quit');
    f.h.press('K');
    await f.see('The keys cannot be listed', 'deleted or mistyped');
  });

  it('key management only: the pane says why it lists nothing, I shows the key, K lists the keys', async () => {
    f = await startTui({
      b2: true,
      right: () => b2PaneLocation('admin', null),
      active: 'right',
      size: WIDE,
      profiles: madeKey('admin', ['listKeys', 'writeKeys', 'deleteKeys']),
    });
    await f.see('List buckets needs the listBuckets capability');
    f.h.press('I');
    await f.see('Key inspector', 'Key ID');
    f.h.press(KEYS.escape);
    await f.see('10Quit');
    f.h.press('K');
    await f.see('no-delete', 'read-only', 'admin');
    expect(f.emu?.stats().unauthorized).toBe(0);
  });
});
