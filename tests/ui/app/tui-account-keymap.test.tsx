/**
 * The accounts screens obey the user's key overrides: the TUI's keyboard owner hands them the
 * app's keymap (overrides applied), not the built-in one.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { DEMO_BUCKETS } from '../../../src/emulator/index.js';
import { DEFAULT_KEYMAP } from '../../../src/state/keyboard/keymap.js';
import { applyOverrides } from '../../../src/state/keyboard/keymap-overrides.js';
import { b2PaneLocation } from '../../../src/state/location/pane-location.js';
import { KEYS } from '../../e2e/pty-harness.js';
import { startTui, type TuiFixture } from './tui-fixture.js';

let f: TuiFixture | null = null;
afterEach(async () => {
  await f?.close();
  f = null;
});

describe('key overrides in the accounts screens', () => {
  it('closes the key inspector with the key the override gives it', async () => {
    const keymap = applyOverrides(DEFAULT_KEYMAP, { 'inspector:cancel': ['x'] });
    f = await startTui({
      b2: true,
      right: () => b2PaneLocation('demo-no-delete', DEMO_BUCKETS.photos),
      active: 'right',
      keymap,
    });
    await f.see('README.txt');
    f.h.press('I');
    await f.see('Key inspector', 'demo/no-delete');
    f.h.press(KEYS.pageDown);
    await f.see('Key inspector', '✗');
    // x does nothing in the inspector with the built-in keys; overridden, it closes it.
    f.h.press('x');
    const frame = await f.see('README.txt', '10Quit');
    expect(frame).not.toContain('Key inspector');
  });
});
