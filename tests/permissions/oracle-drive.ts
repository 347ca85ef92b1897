/**
 * Driving the headless TUI for the oracle: a place with the run's row under the cursor, a pane
 * command with its dialog confirmed, F9 to a place — and what the function-key bar said.
 */
import type { CommandId } from '../../src/state/keyboard/commands.js';
import type { PermissionDecision } from '../../src/state/permissions/permissions.js';
import type { HeadlessTui } from './headless-tui.js';
import { PROFILE } from './headless-tui.js';
import { b2Loc, bucketRows, type B2cOutcome, type Fixture } from './oracle-spec.js';
import type { OracleKey, Place, World } from './oracle-world.js';

/** The function-key bar's decision for the command `press` ran last in `t`, and forgets it. */
export function lastBar(t: HeadlessTui): PermissionDecision | undefined {
  const d = barSeen.get(t);
  barSeen.delete(t);
  return d;
}

export const barSeen = new WeakMap<HeadlessTui, PermissionDecision | undefined>();

/** The right pane at the place showing the run's file (or the buckets at the bucket list), cursor on it, active. */
export async function atPlace(t: HeadlessTui, f: Fixture, w: World, _key: OracleKey): Promise<void> {
  t.reset();
  if (f.target === null) {
    const rows = await bucketRows(w);
    t.place('right', b2Loc(f.place), rows, rows[0]?.name);
  } else {
    t.place('right', b2Loc(f.place), [f.target], f.target.name, f.target.hidden === true);
  }
  t.place('left', { kind: 'local', path: f.localDir }, []);
  t.activate('right');
}

/** After a command: refused when no dialog opened and the status line says why; else confirm the dialog. */
export function refusedNow(t: HeadlessTui): B2cOutcome | null {
  const s = t.store.getSnapshot();
  if (s.dialog === null && s.app.status?.tone !== 'info' && s.app.status !== null)
    return { kind: 'refused', reason: s.app.status.text };
  if (s.dialog === null && s.app.status === null)
    return { kind: 'refused', reason: '(nothing happened and nothing was said)' };
  return null;
}

/** Confirms the open dialog; a greyed choice leaves it open with the reason in the status line. */
export function confirm(t: HeadlessTui): B2cOutcome | null {
  const before = t.store.getSnapshot().dialog;
  t.run('confirm');
  const s = t.store.getSnapshot();
  if (s.dialog !== null && s.dialog === before && s.app.status?.tone === 'error')
    return { kind: 'refused', reason: s.app.status.text };
  return null;
}

/** Moves the dialog's highlighted choice to `value`. */
export function choose(t: HeadlessTui, value: unknown): void {
  const d = t.store.getSnapshot().dialog;
  if (d === null || !('choices' in d)) return;
  const want = d.choices.findIndex((c) => c.value === value);
  for (let i = d.choice; i < want; i++) t.run('nextField');
}

/** Runs a pane command, confirms its dialog (choosing `value` first), waits for the effects. */
export async function press(t: HeadlessTui, cmd: CommandId, value?: unknown, typed?: string): Promise<B2cOutcome> {
  barSeen.set(t, t.bar().get(cmd));
  t.run(cmd);
  const early = refusedNow(t);
  if (early !== null) return early;
  if (typed !== undefined) t.type(`\x15${typed}`);
  if (value !== undefined) choose(t, value);
  const greyed = confirm(t);
  if (greyed !== null) return greyed;
  // A delete that cannot be undone asks for `yes`, typed (src/tui/dialogs/confirm-delete.ts).
  if (t.store.getSnapshot().dialog?.kind === 'confirmDelete') {
    t.type('yes');
    const refused = confirm(t);
    if (refused !== null) return refused;
  }
  await t.settle();
  return { kind: 'went-through' };
}

export function statusOf(t: HeadlessTui): string {
  return t.store.getSnapshot().app.status?.text ?? '';
}

/** Opens a place as a user would: F9 and its path, or up from a bucket root to the bucket list. */
export async function goTo(t: HeadlessTui, place: Place, w: World): Promise<B2cOutcome> {
  t.reset();
  t.activate('right');
  if (place.bucket === null) {
    t.place('right', b2Loc({ name: '', bucket: Object.keys(w.bucketIds)[0] ?? '', prefix: '' }), []);
    t.run('parent');
  } else {
    t.place('right', { kind: 'b2', profile: PROFILE, bucket: 'oracle-elsewhere', prefix: '' }, []);
    t.run('locationPicker');
    t.type(`\x15b2://${place.bucket}/${place.prefix}`);
    t.run('confirm');
  }
  await t.settle();
  const pane = t.store.getSnapshot().app.panes.right;
  const there =
    pane.location.kind === 'b2' && pane.location.bucket === place.bucket && pane.location.prefix === place.prefix;
  if (there && pane.load.stage === 'loaded') return { kind: 'went-through' };
  return { kind: 'refused', reason: pane.load.stage === 'unlisted' ? pane.load.note : statusOf(t) };
}

/** The bucket an action at `place` opens (the first demo bucket from the bucket list). */
export const bucketOf = (place: Place): string => place.bucket ?? 'demo-photos';

export const listedThere = (_w: World, f: Fixture, t: HeadlessTui | null): Promise<boolean> => {
  if (t === null) return Promise.resolve(true);
  const pane = t.store.getSnapshot().app.panes.right;
  return Promise.resolve(
    pane.load.stage === 'loaded' && pane.location.kind === 'b2' && pane.location.bucket === bucketOf(f.place),
  );
};
