/**
 * Bucket administration from the bucket list (issue 12, item 9): create (F7), delete an empty
 * one (F8), make public or private. Each is one B2 call (docs/b2-api.md §4.6) on the pane's
 * provider; the result goes to the status line and the bucket list is listed again with the
 * cursor on the bucket. None throws (errors become messages). Reached through DirectOperations.
 */
import { NotEmptyError } from '../../providers/errors.js';
import { B2Provider } from '../../providers/b2/index.js';
import type { PaneSide } from '../../state/app/app-state.js';
import { b2PaneLocation, sameLocation } from '../../state/location/pane-location.js';
import { errorText } from '../../error-text.js';
import type { Navigator } from '../panes/navigator.js';
import type { ProviderRegistry } from '../providers/provider-registry.js';
import type { TuiStore } from '../store/tui-store.js';

/** What the bucket operations work with (DirectOperations hands over its own). */
export interface BucketDeps {
  store: TuiStore;
  registry: ProviderRegistry;
  navigator: Navigator;
}

function setStatus(d: BucketDeps, text: string, tone: 'info' | 'error'): void {
  d.store.dispatch({ type: 'app', action: { type: 'setStatus', text, tone } });
}

/** A bucket's type as the dialogs offer it. */
export type BucketType = 'allPrivate' | 'allPublic';

/** "private" / "public", for messages. */
export function typeWord(type: BucketType): string {
  return type === 'allPublic' ? 'public' : 'private';
}

async function b2Of(d: BucketDeps, profile: string): Promise<B2Provider> {
  const p = await d.registry.providerFor(b2PaneLocation(profile, null));
  if (!(p instanceof B2Provider)) throw new Error('This account cannot manage buckets.');
  return p;
}

/** Lists the bucket list of `profile` again in every pane showing it, the cursor of `side` on `focus`. */
async function refreshBucketList(d: BucketDeps, profile: string, side: PaneSide, focus: string): Promise<void> {
  const at = b2PaneLocation(profile, null);
  const panes = d.store.getSnapshot().app.panes;
  await Promise.all(
    (['left', 'right'] as const)
      .filter((s) => sameLocation(panes[s].location, at))
      .map((s) => d.navigator.refresh(s, s === side ? focus : undefined)),
  );
}

/** Creates bucket `name` of `type` in the account of `profile`. */
export async function createBucket(
  d: BucketDeps,
  side: PaneSide,
  profile: string,
  name: string,
  type: BucketType,
): Promise<void> {
  setStatus(d, `Creating bucket ${name}…`, 'info');
  try {
    await (await b2Of(d, profile)).createBucket(name, type);
    setStatus(d, `Created the ${typeWord(type)} bucket ${name}.`, 'info');
    await refreshBucketList(d, profile, side, name);
  } catch (e) {
    setStatus(d, errorText(e), 'error');
  }
}

/** Deletes bucket `name`; B2 refuses one that is not empty, and the status line says so. */
export async function deleteBucket(d: BucketDeps, side: PaneSide, profile: string, name: string): Promise<void> {
  setStatus(d, `Deleting bucket ${name}…`, 'info');
  try {
    await (await b2Of(d, profile)).deleteBucket(name);
    setStatus(d, `Deleted bucket ${name}.`, 'info');
    await refreshBucketList(d, profile, side, name);
  } catch (e) {
    const text =
      e instanceof NotEmptyError
        ? `Bucket ${name} is not empty, so B2 did not delete it: ${e.message} Delete what it holds first.`
        : errorText(e);
    setStatus(d, text, 'error');
  }
}

/** Makes bucket `name` public or private. */
export async function setBucketType(
  d: BucketDeps,
  side: PaneSide,
  profile: string,
  name: string,
  type: BucketType,
): Promise<void> {
  setStatus(d, `Making bucket ${name} ${typeWord(type)}…`, 'info');
  try {
    await (await b2Of(d, profile)).setBucketType(name, type);
    setStatus(d, `Bucket ${name} is now ${typeWord(type)}.`, 'info');
    await refreshBucketList(d, profile, side, name);
  } catch (e) {
    setStatus(d, errorText(e), 'error');
  }
}
