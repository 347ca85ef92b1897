/**
 * Runs the permission oracle for one key: every place × every action, each with two fresh
 * fixtures made with the master key (one for the truth, one for b2c), and records per case what
 * the rules said, what the server (and the provider's own limits) made of the bare operation, and
 * what b2c's own path did — with the server's count of 401 `unauthorized` answers to this key.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AuthError, PermissionDeniedError } from '../../src/providers/errors.js';
import { headlessTui, type HeadlessTui } from './headless-tui.js';
import { ACTION_SPECS } from './oracle-actions.js';
import { lastBar } from './oracle-drive.js';
import { NotApplicable, typeSeenBy, type ActionSpec, type Fixture } from './oracle-spec.js';
import type { OracleKey, Place, World } from './oracle-world.js';

/** What the bare operation showed: allowed, forbidden (and how), or something else went wrong. */
export type Truth = { kind: 'allowed' } | { kind: 'forbidden'; how: string } | { kind: 'error'; message: string };

/** What b2c's own path did. */
export type B2cResult = 'done' | 'refused' | 'sent 401' | `failed: ${string}`;

export interface CaseRow {
  key: string;
  place: string;
  action: string;
  rule: boolean;
  reason: string | null;
  truth: Truth;
  b2c: B2cResult;
  problem: string | null;
}

const unauthorizedOf = (w: World, k: OracleKey): number => w.emu.stats().unauthorizedByKey[k.applicationKeyId] ?? 0;

function messageOf(e: unknown): string {
  return e instanceof Error ? `${e.name}: ${e.message}` : String(e);
}

/** The bare operation, judged by what came back. */
async function truthOf(w: World, key: OracleKey, spec: ActionSpec, f: Fixture): Promise<Truth> {
  if (key.provider === null) return { kind: 'forbidden', how: `cannot sign in (${key.failure?.message ?? '?'})` };
  const before = unauthorizedOf(w, key);
  let outcome: Truth;
  try {
    await spec.direct(key.provider, f, w);
    outcome = (await spec.effect(w, f, null))
      ? { kind: 'allowed' }
      : { kind: 'error', message: 'it said yes but nothing happened' };
  } catch (e) {
    if (e instanceof NotApplicable) outcome = { kind: 'forbidden', how: `not applicable here (${e.message})` };
    else if (e instanceof PermissionDeniedError || e instanceof AuthError)
      outcome = { kind: 'forbidden', how: `refused: ${e.message}` };
    else outcome = { kind: 'error', message: messageOf(e) };
  }
  const refusals = unauthorizedOf(w, key) - before;
  if (refusals > 0)
    return outcome.kind === 'allowed'
      ? { kind: 'error', message: `worked, but after ${refusals} × 401` }
      : { kind: 'forbidden', how: `${refusals} × 401 unauthorized` };
  return outcome;
}

async function b2cOf(w: World, key: OracleKey, spec: ActionSpec, f: Fixture, t: HeadlessTui): Promise<B2cResult> {
  const before = unauthorizedOf(w, key);
  let result: B2cResult;
  try {
    const outcome = await spec.viaB2c(t, f, key, w);
    if (outcome.kind === 'refused')
      result = outcome.reason.trim() === '' ? 'failed: refused without a reason' : 'refused';
    else
      result = (await spec.effect(w, f, t))
        ? 'done'
        : `failed: ${t.store.getSnapshot().app.status?.text ?? 'no effect'}`;
  } catch (e) {
    result = `failed: ${messageOf(e)}`;
  }
  return unauthorizedOf(w, key) > before ? 'sent 401' : result;
}

function problemOf(rule: boolean, truth: Truth, b2c: B2cResult, barGreyed: boolean): string | null {
  if (truth.kind === 'error') return `the bare operation failed otherwise: ${truth.message}`;
  const allowed = truth.kind === 'allowed';
  if (rule !== allowed)
    return rule
      ? `the rules allow it, B2 refuses (${truth.kind === 'forbidden' ? truth.how : ''})`
      : 'the rules forbid it, B2 allows it';
  if (b2c === 'sent 401') return 'b2c sent a request B2 answered 401';
  if (allowed && b2c !== 'done') return `b2c did not do it: ${b2c}`;
  if (!allowed && b2c !== 'refused') return `b2c did not refuse it: ${b2c}`;
  if (allowed && barGreyed) return 'the function-key bar greys it';
  return null;
}

async function fixtureFor(w: World, spec: ActionSpec, place: Place, slot: string, root: string): Promise<Fixture> {
  return spec.setup(w, place, slot, join(root, slot));
}

/**
 * Deletes a run's fixture once its case is judged. Fixtures are made a few cases ahead rather
 * than all at once, and go when done: with every case's files kept to the end, each place would
 * hold a thousand names and every listing the oracle makes (and b2c's refresh after each action)
 * would carry them all — most of the oracle's time went into those listings. What an action made
 * (a copy, a folder) stays: only allowed cases make them.
 */
async function removeFixture(w: World, f: Fixture): Promise<void> {
  if (f.target?.fileId === undefined) return;
  // Gone already where the action was a delete or a move. Straight in the store, as it was made.
  await w.emu.fixtures.deleteVersion(f.target.fileId);
}

/** How many cases of one key have their fixtures made ahead of the case being run. */
const SETUP_AHEAD = 8;

/** Every place × action for `key` (index `ki`, for unique names). */
export async function runKey(w: World, key: OracleKey, ki: number): Promise<CaseRow[]> {
  const root = await mkdtemp(join(tmpdir(), 'b2c-oracle-'));
  const t = await headlessTui(key.provider, key.failure, root);
  const cases = w.places.flatMap((place, pi) =>
    ACTION_SPECS.map((spec, ai) => ({ place, spec, slot: `k${ki}p${pi}a${ai}` })),
  );
  // Fixtures are made a few cases ahead (victims of bucket and key cases right before their run).
  const fixtureOf = (i: number): Promise<{ truth: Fixture; b2c: Fixture }> | null => {
    const c = cases[i];
    if (c === undefined || c.spec.lazy === true || key.provider === null) return null;
    const made = (async () => ({
      truth: await fixtureFor(w, c.spec, c.place, `${c.slot}g`, root),
      b2c: await fixtureFor(w, c.spec, c.place, `${c.slot}b`, root),
    }))();
    made.catch(() => undefined); // awaited (and so reported) when its case runs
    return made;
  };
  const ahead = cases.map((_c, i) => (i < SETUP_AHEAD ? fixtureOf(i) : null));
  // Asked once per bucket: no case changes the places' buckets (the bucket actions make, delete
  // and retype victims of their own), so the answer holds for the key's whole run.
  const typeByBucket = new Map<string, Promise<string | undefined>>();
  const seenType = (bucket: string): Promise<string | undefined> => {
    let type = typeByBucket.get(bucket);
    if (type === undefined) typeByBucket.set(bucket, (type = typeSeenBy(key, bucket)));
    return type;
  };
  const rows: CaseRow[] = [];
  try {
    for (const [i, c] of cases.entries()) {
      ahead[i + SETUP_AHEAD] = fixtureOf(i + SETUP_AHEAD);
      const pair = (await ahead[i]) ?? {
        truth: await fixtureFor(w, c.spec, c.place, `${c.slot}g`, root),
        b2c: await fixtureFor(w, c.spec, c.place, `${c.slot}b`, root),
      };
      // The file's row carries its bucket's type as far as this key can know it (as its listing would).
      const bucketType = c.place.bucket === null ? undefined : await seenType(c.place.bucket);
      for (const f of [pair.truth, pair.b2c]) if (f.target !== null) f.target = { ...f.target, bucketType };
      const now = Date.now();
      const rule = c.spec.rule(pair.b2c, key.keyInfo, now);
      const truth = await truthOf(w, key, c.spec, pair.truth);
      const b2c = await b2cOf(w, key, c.spec, pair.b2c, t);
      const seen = lastBar(t);
      const bar = c.spec.command === null ? undefined : seen;
      rows.push({
        key: key.name,
        place: c.place.name,
        action: c.spec.action,
        rule: rule.allowed,
        reason: rule.reason,
        truth,
        b2c,
        problem: problemOf(rule.allowed, truth, b2c, bar?.allowed === false),
      });
      await c.spec.cleanup?.(w, pair.truth);
      await c.spec.cleanup?.(w, pair.b2c);
      for (const run of [pair.truth, pair.b2c]) await removeFixture(w, run);
    }
  } finally {
    await t.close();
    await rm(root, { recursive: true, force: true });
  }
  return rows;
}
