/**
 * Hints follow the user's key overrides: the status line, a dialog's footer and the queue panel
 * name the rebound keys, and the rebound keys do what the hints say.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_KEYMAP } from '../../../src/state/keyboard/keymap.js';
import { applyOverrides } from '../../../src/state/keyboard/keymap-overrides.js';
import { KEYS } from '../../e2e/pty-harness.js';
import { startTui, type TuiFixture } from './tui-fixture.js';

let f: TuiFixture | null = null;
afterEach(async () => {
  await f?.close();
  f = null;
});

describe('hints after a rebinding', () => {
  it('name the keys the overrides give', async () => {
    const keymap = applyOverrides(DEFAULT_KEYMAP, { help: ['f12'], 'dialog:confirm': ['ctrl+o'], queueCancel: ['z'] });
    f = await startTui({ keymap });
    const panes = await f.see('a.txt', 'F12 help · Tab other pane');
    expect(panes).not.toContain('F1 help');
    f.h.press('\x1b[18~'); // F7
    await f.see('Make folder', 'Ctrl+O: make it · Esc: cancel');
    f.h.press('made-here');
    await f.see('made-here');
    f.h.press('\x0f'); // Ctrl+O, the rebound confirm
    await f.see('Made folder made-here.');
    expect(existsSync(join(f.dir, 'made-here'))).toBe(true);
    f.h.press('t');
    await f.see('Transfer queue', 'z cancel · R retry');
    f.h.press(KEYS.escape);
    await f.see('a.txt', 'Made folder made-here.');
    // Moving on clears the message: the hint shows again, with the rebound key.
    f.h.press(KEYS.down);
    await f.see('a.txt', 'F12 help');
  });
});
