/** Shared builders for the pane tests (not a test file itself). */
import { b2PaneLocation, localPaneLocation, type PaneLocation } from '../../../src/state/location/pane-location.js';
import { paneReducer, type PaneAction } from '../../../src/state/pane/pane-reducer.js';
import { createPaneState, type PaneState } from '../../../src/state/pane/pane-state.js';
import type { Entry } from '../../../src/state/model/entry.js';

/** A listing entry (the pane tests' name for `Entry`). */
export type TestEntry = Entry;

export function file(name: string, size = 0, mtimeMs: number | null = 0, extra: Partial<TestEntry> = {}): TestEntry {
  return { name, kind: 'file', size, mtimeMs, path: `/x/${name}`, ...extra };
}

export function dir(name: string, mtimeMs: number | null = 0): TestEntry {
  return { name, kind: 'dir', size: 0, mtimeMs, path: `/x/${name}` };
}

export const HOME = localPaneLocation('/home/me');
export const ROOT = localPaneLocation('/');
export const BUCKETS = b2PaneLocation('work', null);

export function run(pane: PaneState, ...actions: PaneAction[]): PaneState {
  return actions.reduce(paneReducer, pane);
}

/** A pane at `location` with `entries` fully loaded in one page (request 1), viewport `height`. */
export function loaded(
  entries: TestEntry[],
  options: { location?: PaneLocation; height?: number; showHidden?: boolean } = {},
): PaneState {
  const pane = createPaneState(options.location ?? HOME, {
    viewportHeight: options.height ?? 5,
    showHidden: options.showHidden ?? true,
  });
  return run(
    pane,
    { type: 'listingStarted', requestId: 1, location: options.location ?? HOME },
    { type: 'listingPage', requestId: 1, entries },
    { type: 'listingDone', requestId: 1 },
  );
}

/** Row names as shown (`..` for the parent row). */
export function names(pane: PaneState): string[] {
  return [...(pane.parentRow ? ['..'] : []), ...pane.view.map((e) => e.name)];
}

/** Name of the row under the cursor. */
export function cursorName(pane: PaneState): string | undefined {
  return names(pane)[pane.cursor];
}
