/**
 * What the permission oracle knows of one action (see oracle-actions.ts), and the small helpers
 * its fixtures and checks share: a run's fixture made with the master key, reading back what the
 * server holds, and the rules' view of a run's file.
 */
import { NotFoundError } from '../../src/providers/errors.js';
import { entryFromFile } from '../../src/providers/b2/entries.js';
import type { B2Provider } from '../../src/providers/b2/index.js';
import type { WireFile } from '../../src/providers/b2/wire-types.js';
import type { Entry, Provider } from '../../src/providers/types.js';
import type { CommandId } from '../../src/state/keyboard/commands.js';
import type { KeyInfo } from '../../src/state/model/key-info.js';
import type { PermissionAction } from '../../src/state/permissions/permission-actions.js';
import { b2LocationFromPath, checkAction, type PermissionDecision } from '../../src/state/permissions/permissions.js';
import type { HeadlessTui } from './headless-tui.js';
import { PROFILE } from './headless-tui.js';
import { type OracleKey, type Place, type World } from './oracle-world.js';

/** One run's fixture. Paths are provider paths; `target` is null at the bucket list. */
export interface Fixture {
  place: Place;
  slot: string;
  /** The run's own file at the place (its listing row), or null where there is none. */
  target: Entry | null;
  data: Buffer;
  /** A local folder of this run (uploads come from it, downloads go into it). */
  localDir: string;
  /** A key or bucket made for this run to be deleted. */
  victim: string | null;
}

/** What the product's path did. */
export type B2cOutcome = { kind: 'went-through' } | { kind: 'refused'; reason: string };

export interface ActionSpec {
  action: PermissionAction;
  /** The pane command behind it (for the function-key bar check), if any. */
  command: CommandId | null;
  setup(w: World, place: Place, slot: string, localDir: string): Promise<Fixture>;
  rule(f: Fixture, key: KeyInfo | null, now: number): PermissionDecision;
  direct(p: B2Provider, f: Fixture, w: World): Promise<void>;
  viaB2c(t: HeadlessTui, f: Fixture, key: OracleKey, w: World): Promise<B2cOutcome>;
  effect(w: World, f: Fixture, t: HeadlessTui | null): Promise<boolean>;
  /** Removes what a run made that would pile up (buckets: at most 100 per account). */
  cleanup?(w: World, f: Fixture): Promise<void>;
  /** Set up right before the run rather than in the batch (the victims count against B2's limits). */
  lazy?: boolean;
}

/** Why a file action has no b2c path at the bucket list (the keys there act on buckets). */
export const NO_FILE_AT_BUCKET_LIST =
  'no file here: at the bucket list F3, F5, F7 and F8 act on buckets (the bucket under the cursor, a new one)';

/** Thrown by `direct` where the action has no meaning (a file action at the bucket list). */
export class NotApplicable extends Error {}

export const join2 = (folder: string, name: string): string => (folder === '/' ? `/${name}` : `${folder}/${name}`);
export const b2Loc = (place: Place, prefix = place.prefix) => ({
  kind: 'b2' as const,
  profile: PROFILE,
  bucket: place.bucket,
  prefix: place.bucket === null ? '' : prefix,
});
export const ruleAt = (path: string, dir: boolean, bucketId?: string, bucketType?: string) =>
  b2LocationFromPath(path, { dir, bucketId, bucketType });

export async function readAll(p: Provider, path: string): Promise<Buffer> {
  const h = await p.openRead(path);
  const chunks: Buffer[] = [];
  for await (const c of h.stream) chunks.push(c as Buffer);
  return Buffer.concat(chunks);
}

export async function exists(p: Provider, path: string): Promise<boolean> {
  try {
    await p.stat(path);
    return true;
  } catch (e) {
    if (e instanceof NotFoundError) return false;
    throw e;
  }
}

export async function versionCount(w: World, path: string): Promise<number> {
  let n = 0;
  try {
    for await (const page of w.master.versions(path)) n += page.length;
  } catch (e) {
    if (!(e instanceof NotFoundError)) throw e;
  }
  return n;
}

export async function drain(pages: AsyncIterable<unknown[]>): Promise<number> {
  let n = 0;
  for await (const page of pages) n += page.length;
  return n;
}

/**
 * A plain fixture: the run's own file at the place (none at the bucket list). It is put straight
 * in the server's store (the record `b2_upload_file` by the master key makes, and the entry b2c's
 * provider makes of its answer): thousands of fixtures over HTTP were most of the oracle's CPU.
 * What the oracle judges — the bare operation and b2c's own path — goes over HTTP.
 */
export async function fileFixture(
  w: World,
  place: Place,
  slot: string,
  localDir: string,
  hidden = false,
): Promise<Fixture> {
  const data = Buffer.from(`oracle ${slot}`);
  if (place.bucket === null) return { place, slot, target: null, data, localDir, victim: null };
  const fileName = `${place.prefix}${slot}-t.txt`;
  const path = `/${place.bucket}/${fileName}`;
  const written = entryFromFile(
    place.bucket,
    (await w.emu.fixtures.putFile(place.bucket, fileName, data)) as unknown as WireFile,
  );
  if (hidden) await w.master.remove(path, { mode: 'hide' });
  return { place, slot, target: { ...written, hidden: hidden ? true : undefined }, data, localDir, victim: null };
}

export function bareFixture(place: Place, slot: string, localDir: string): Promise<Fixture> {
  return Promise.resolve({ place, slot, target: null, data: Buffer.from(`oracle ${slot}`), localDir, victim: null });
}

export function targetOf(f: Fixture): Entry {
  if (f.target === null) throw new NotApplicable('no file here');
  return f.target;
}

/** The rules' location of the run's file (the bucket list when there is none). */
export function fileRule(f: Fixture) {
  return f.target === null ? ruleAt('/', true) : ruleAt(f.target.path, false, f.target.bucketId, f.target.bucketType);
}

/** Bucket rows as the bucket list shows them. */
export async function bucketRows(w: World): Promise<Entry[]> {
  const rows: Entry[] = [];
  for await (const page of w.master.list('/')) rows.push(...page);
  return rows;
}

/**
 * The bucket type a listing by `key` would stamp on its rows: what the key can learn of the
 * bucket (a key that cannot look the bucket up cannot know it is public).
 */
export async function typeSeenBy(key: OracleKey, bucket: string): Promise<string | undefined> {
  try {
    return (await key.provider?.stat(`/${bucket}`))?.bucketType;
  } catch {
    return undefined;
  }
}

/** A spec for an action on the run's own file (its rule: the action on that file). */
export function fileAction(
  action: PermissionAction,
  command: CommandId | null,
  body: Pick<ActionSpec, 'direct' | 'viaB2c' | 'effect'> & { hidden?: boolean; rule?: ActionSpec['rule'] },
): ActionSpec {
  return {
    action,
    command,
    setup: (w, place, slot, localDir) => fileFixture(w, place, slot, localDir, body.hidden === true),
    rule: body.rule ?? ((f, key, now) => checkAction(action, fileRule(f), key, now)),
    direct: body.direct,
    viaB2c: body.viaB2c,
    effect: body.effect,
  };
}
