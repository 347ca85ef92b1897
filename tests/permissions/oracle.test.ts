/**
 * The permission oracle (issue 9): for every key under test × every place × every action of the
 * permission table, ask the rules "allowed here?", then do the action twice against the built-in
 * server — bare, through the provider without the rules (what B2 and the provider's own limits
 * say is the truth), and through b2c's own path with its rules — each on a fresh fixture made with
 * the master key. Allowed ⇔ the bare operation works ⇔ b2c does it; forbidden ⇔ the bare operation
 * is refused ⇔ b2c refuses it, with a reason, before anything B2 would answer 401 (the server
 * counts those per key). There is no expectation table: the server is the oracle; its own
 * enforcement is checked against B2's documented rules in tests/emulator/enforcement.test.ts.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PERMISSION_ACTIONS } from '../../src/state/permissions/permissions.js';
import { ACTION_SPECS } from './oracle-actions.js';
import { matrixText } from './oracle-matrix.js';
import { runKey, type CaseRow } from './oracle-run.js';
import { startWorld, type World } from './oracle-world.js';

let w: World;
let rows: CaseRow[] = [];
let seconds = 0;

beforeAll(async () => {
  const started = Date.now();
  w = await startWorld();
  const perKey = await Promise.all(w.keys.map((k, i) => runKey(w, k, i)));
  rows = perKey.flat();
  seconds = (Date.now() - started) / 1000;
  // A bound, not a timing: ~25 s on a quiet 2-core machine, several times that when the machine
  // is shared; only a hang should reach it.
}, 600_000);
afterAll(() => w?.close());

describe('permission oracle', () => {
  it('covers at least 15 keys × 6 places × every action of the permission table', () => {
    expect(new Set(ACTION_SPECS.map((s) => s.action))).toEqual(new Set(PERMISSION_ACTIONS));
    expect(new Set(rows.map((r) => r.key)).size).toBeGreaterThanOrEqual(15);
    expect(new Set(rows.map((r) => r.place)).size).toBeGreaterThanOrEqual(6);
    expect(rows.length).toBe(w.keys.length * w.places.length * PERMISSION_ACTIONS.length);
    // Both verdicts occur for every action somewhere, so no action is judged only one way.
    for (const action of PERMISSION_ACTIONS) {
      const of = rows.filter((r) => r.action === action);
      expect(
        of.some((r) => r.rule),
        `${action} allowed somewhere`,
      ).toBe(true);
      expect(
        of.some((r) => !r.rule),
        `${action} forbidden somewhere`,
      ).toBe(true);
    }
  });

  it('the rules say exactly what B2 allows, b2c does what is allowed and sends nothing B2 refuses', () => {
    const bad = rows.filter((r) => r.problem !== null);
    if (bad.length > 0) console.log(matrixText(rows));
    expect(bad.map((r) => `${r.key} · ${r.place} · ${r.action}: ${r.problem ?? ''}`)).toEqual([]);
    expect(w.emu.stats().unauthorizedByEndpoint).toBeDefined();
    console.log(`permission oracle: ${rows.length} cases in ${seconds.toFixed(1)} s`);
  });
});
