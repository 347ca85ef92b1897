/**
 * The core's start (src/tui/core.ts): run-tui.tsx starts it before Ink's first render, with the
 * panes' height, so that the first frame already shows both panes loading at their size instead
 * of being followed at once by a frame for each.
 */
import { describe, expect, it } from 'vitest';
import { storeUntil, useLocalTuiCores } from '../support/local-core.js';

const newCore = useLocalTuiCores('b2c-core-start-');

describe('the core start', () => {
  it('puts both panes at their height and loading as it returns, then lists them', async () => {
    const core = await newCore();
    core.start(17);
    const panes = core.store.getSnapshot().app.panes;
    for (const pane of [panes.left, panes.right]) {
      expect(pane.viewportHeight).toBe(17);
      expect(pane.load.stage).toBe('loading');
    }
    const store = core.store;
    await storeUntil(store, () =>
      (['left', 'right'] as const).every((s) => store.getSnapshot().app.panes[s].load.stage === 'loaded'),
    );
    expect(store.getSnapshot().app.panes.left.entries.map((e) => e.name)).toContain('a.txt');
  });
});
