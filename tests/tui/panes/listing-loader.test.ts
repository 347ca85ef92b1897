/**
 * The listing loader with in-memory providers (listing is the only call it makes): first page at
 * once, later pages batched, stale requests dropped, failures become a pane error.
 */
import { describe, expect, it } from 'vitest';
import { NotFoundError } from '../../../src/providers/errors.js';
import type { Entry, Provider } from '../../../src/providers/types.js';
import { createAppState } from '../../../src/state/app/app-state.js';
import { localPaneLocation, type PaneLocation } from '../../../src/state/location/pane-location.js';
import { createTuiStore, type TuiStore } from '../../../src/tui/store/tui-store.js';
import { ListingLoader } from '../../../src/tui/panes/listing-loader.js';

function entry(dir: string, i: number): Entry {
  return { name: `f${String(i).padStart(6, '0')}`, path: `${dir}/f${i}`, kind: 'file', size: i, mtimeMs: 0 };
}

/** A provider whose `list(path)` is `pages(path)`. */
function listingProvider(pages: (path: string) => AsyncIterable<Entry[]>): Provider {
  const unused = (): never => {
    throw new Error('not used by the loader');
  };
  return {
    traits: { kind: 'local', bucketBased: false, hashKinds: ['sha1'], emptyDirectories: true, scheme: '' },
    list: (path) => pages(path),
    stat: unused,
    openRead: unused,
    write: unused,
    mkdir: unused,
    remove: unused,
  };
}

function setup(
  provider: Provider,
  flushIntervalMs = 50,
): { store: TuiStore; loader: ListingLoader; pageDispatches: () => number } {
  const store = createTuiStore(createAppState(localPaneLocation('/start'), localPaneLocation('/other')));
  let pages = 0;
  const dispatch = store.dispatch;
  store.dispatch = (a) => {
    if (a.type === 'app' && a.action.type === 'pane' && a.action.action.type === 'listingPage') pages++;
    dispatch(a);
  };
  const loader = new ListingLoader({ store, providerFor: () => Promise.resolve(provider), flushIntervalMs });
  return { store, loader, pageDispatches: () => pages };
}

describe('listing loader', () => {
  it('dispatches the first page at once and batches the rest', async () => {
    let firstSeen = -1;
    const provider = listingProvider(async function* (path) {
      for (let p = 0; p < 200; p++) {
        // Pages arrive as fast as the event loop allows, as from a local disk.
        await Promise.resolve();
        yield Array.from({ length: 500 }, (_, i) => entry(path, p * 500 + i));
      }
    });
    const { store, loader, pageDispatches } = setup(provider);
    const unsubscribe = store.subscribe(() => {
      const pane = store.getSnapshot().app.panes.left;
      if (firstSeen < 0 && pane.entries.length > 0) firstSeen = pane.entries.length;
    });
    const outcome = await loader.load('left', localPaneLocation('/big'));
    unsubscribe();
    expect(outcome).toEqual({ kind: 'done', count: 100_000 });
    expect(firstSeen).toBe(500);
    const pane = store.getSnapshot().app.panes.left;
    expect(pane.entries).toHaveLength(100_000);
    expect(pane.load).toEqual({ stage: 'loaded' });
    // 200 provider pages, far fewer dispatches (the exact number depends on the machine's speed).
    expect(pageDispatches()).toBeLessThan(200);
  });

  it('drops a listing that another one replaced', async () => {
    let release: () => void = () => undefined;
    const gate = new Promise<void>((r) => {
      release = r;
    });
    const provider = listingProvider(async function* (path) {
      if (path === '/slow') await gate;
      yield [entry(path, 1), entry(path, 2)];
    });
    const { store, loader } = setup(provider);
    const slow = loader.load('left', localPaneLocation('/slow'));
    const fast = await loader.load('left', localPaneLocation('/fast'));
    release();
    expect(await slow).toEqual({ kind: 'superseded' });
    expect(fast.kind).toBe('done');
    const pane = store.getSnapshot().app.panes.left;
    expect((pane.location as PaneLocation & { path: string }).path).toBe('/fast');
    expect(pane.entries.map((e) => e.path)).toEqual(['/fast/f1', '/fast/f2']);
  });

  it('turns a provider error into the pane error and the outcome', async () => {
    const provider = listingProvider(async function* (path) {
      await Promise.resolve();
      yield* [];
      throw new NotFoundError(`"${path}" does not exist.`, path);
    });
    const { store, loader } = setup(provider);
    const outcome = await loader.load('right', localPaneLocation('/gone'));
    expect(outcome.kind).toBe('failed');
    expect(store.getSnapshot().app.panes.right.load).toEqual({ stage: 'error', message: '"/gone" does not exist.' });
  });

  it('shows a small folder with its end in one update (one frame), after the one saying it loads', async () => {
    const provider = listingProvider(async function* (path) {
      await Promise.resolve();
      yield [entry(path, 1), entry(path, 2)];
    });
    const { store, loader } = setup(provider);
    // What a renderer draws: the changes made in one turn, together (React batches them).
    const updates: Array<{ entries: number; stage: string }> = [];
    let queued = false;
    const unsubscribe = store.subscribe(() => {
      if (queued) return;
      queued = true;
      queueMicrotask(() => {
        queued = false;
        const pane = store.getSnapshot().app.panes.left;
        updates.push({ entries: pane.entries.length, stage: pane.load.stage });
      });
    });
    expect(await loader.load('left', localPaneLocation('/small'))).toEqual({ kind: 'done', count: 2 });
    unsubscribe();
    expect(updates).toEqual([
      { entries: 0, stage: 'loading' },
      { entries: 2, stage: 'loaded' },
    ]);
  });

  it('lets the event loop turn between pages (a key press runs), however fast they come', async () => {
    const provider = listingProvider(async function* (path) {
      for (let p = 0; p < 5; p++) {
        await Promise.resolve();
        yield [entry(path, p)];
      }
    });
    const { loader } = setup(provider);
    let turns = 0;
    let listed = false;
    const tick = (): void => {
      if (listed) return;
      turns++;
      setImmediate(tick);
    };
    setImmediate(tick);
    expect(await loader.load('left', localPaneLocation('/quick'))).toEqual({ kind: 'done', count: 5 });
    listed = true;
    expect(turns).toBeGreaterThanOrEqual(5);
  });
});
