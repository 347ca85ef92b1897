/**
 * A new folder and a rename are reported once the pane shows them (src/tui/operations/
 * direct-operations.ts): the refresh that lands on them also drops a filter hiding them, so a
 * filter the user types after the message must not be undone by a refresh still to come.
 */
import { describe, expect, it } from 'vitest';
import type { TuiCore } from '../../../src/tui/core.js';
import { DirectOperations } from '../../../src/tui/operations/direct-operations.js';
import { storeUntil, useLocalTuiCores } from '../../support/local-core.js';

const newCore = useLocalTuiCores('b2c-direct-order-');

/** A core on a temp folder holding `a.txt`, its left pane listed. */
async function listedCore(): Promise<TuiCore> {
  const c = await newCore();
  c.start(17);
  await storeUntil(c.store, () => c.store.getSnapshot().app.panes.left.load.stage === 'loaded');
  return c;
}

/** The left pane's entry names at the moment the status line first says `text`. */
async function namesWhenSaid(c: TuiCore, text: string, operation: () => Promise<void>): Promise<string[]> {
  let names: string[] | null = null;
  const unsubscribe = c.store.subscribe(() => {
    const s = c.store.getSnapshot().app;
    if (names === null && s.status?.text === text) names = s.panes.left.entries.map((e) => e.name);
  });
  await operation();
  unsubscribe();
  return names ?? [];
}

describe('direct operations report once the pane shows the result', () => {
  it('a new folder', async () => {
    const c = await listedCore();
    const direct = new DirectOperations(c.store, c.registry, c.navigator);
    const location = c.store.getSnapshot().app.panes.left.location;
    const names = await namesWhenSaid(c, 'Made folder fresh.', () => direct.mkdir('left', location, 'fresh'));
    expect(names).toContain('fresh');
  });

  it('a rename on the local disk', async () => {
    const c = await listedCore();
    const direct = new DirectOperations(c.store, c.registry, c.navigator);
    const pane = c.store.getSnapshot().app.panes.left;
    const entry = pane.entries.find((e) => e.name === 'a.txt');
    expect(entry).toBeDefined();
    const names = await namesWhenSaid(c, 'Renamed a.txt to b.txt.', () =>
      direct.renameInPlace('left', pane.location, entry!, 'b.txt'),
    );
    expect(names).toContain('b.txt');
  });
});
