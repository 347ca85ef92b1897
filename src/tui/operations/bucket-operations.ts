/**
 * Bucket administration from the bucket list (issue 12, item 9): create (F7), delete an empty
 * one (F8), make public or private. Each is one B2 call (docs/b2-api.md §4.6) on the pane's
 * provider; the result goes to the status line and the bucket list is listed again with the
 * cursor on the bucket. None throws (errors become messages). Reached through DirectOperations.
 */
import { NotEmptyError } from '../../providers/errors.js';
import type { B2Provider } from '../../providers/b2/index.js';
import { isB2Provider } from '../../providers/b2/lazy.js';
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
  if (!isB2Provider(p)) throw new Error('This account cannot manage buckets.');
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

/** Where a bucket call acts: the pane showing the bucket list, its account, the bucket's name. */
export interface BucketPlace {
  side: PaneSide;
  profile: string;
  name: string;
}

/**
 * One bucket call: says what it is doing, makes the call, says it is done and lists the buckets
 * again with the cursor on the bucket; a failure goes to the status line in `failure`'s words.
 */
async function bucketCall(
  d: BucketDeps,
  at: BucketPlace,
  words: { doing: string; done: string },
  call: (b2: B2Provider) => Promise<unknown>,
  failure: (e: unknown) => string = errorText,
): Promise<void> {
  setStatus(d, words.doing, 'info');
  try {
    await call(await b2Of(d, at.profile));
    setStatus(d, words.done, 'info');
    await refreshBucketList(d, at.profile, at.side, at.name);
  } catch (e) {
    setStatus(d, failure(e), 'error');
  }
}

/** Creates bucket `at.name` of `type`. */
export function createBucket(d: BucketDeps, at: BucketPlace, type: BucketType): Promise<void> {
  const words = { doing: `Creating bucket ${at.name}…`, done: `Created the ${typeWord(type)} bucket ${at.name}.` };
  return bucketCall(d, at, words, (b2) => b2.createBucket(at.name, type));
}

/** Deletes bucket `at.name`; B2 refuses one that is not empty, and the status line says so. */
export function deleteBucket(d: BucketDeps, at: BucketPlace): Promise<void> {
  const words = { doing: `Deleting bucket ${at.name}…`, done: `Deleted bucket ${at.name}.` };
  return bucketCall(
    d,
    at,
    words,
    (b2) => b2.deleteBucket(at.name),
    (e) =>
      e instanceof NotEmptyError
        ? `Bucket ${at.name} is not empty: hidden versions and unfinished uploads count.`
        : errorText(e),
  );
}

/** Makes bucket `at.name` public or private. */
export function setBucketType(d: BucketDeps, at: BucketPlace, type: BucketType): Promise<void> {
  const words = {
    doing: `Making bucket ${at.name} ${typeWord(type)}…`,
    done: `Bucket ${at.name} is now ${typeWord(type)}.`,
  };
  return bucketCall(d, at, words, (b2) => b2.setBucketType(at.name, type));
}
