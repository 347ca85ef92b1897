/**
 * The demo's files are seeded once the gate opens (src/emulator/demo/seeding-gate.ts): when the
 * first bucket list has been answered, when a call needs the files, or a while after the start —
 * not while b2c --demo signs in. That every call after the bucket list finds every file is
 * tests/emulator/demo-seeding.test.ts.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { SEED_AFTER_MS, SeedingGate } from '../../src/emulator/demo/seeding-gate.js';

afterEach(() => {
  vi.useRealTimers();
});

/** A seed that counts its calls and ends when told. */
function countingSeed(): { seed: () => Promise<void>; calls: () => number; finish: () => void } {
  let calls = 0;
  let finish = (): void => undefined;
  const ended = new Promise<void>((resolve) => {
    finish = resolve;
  });
  return {
    seed: () => {
      calls++;
      return ended;
    },
    calls: () => calls,
    finish: () => finish(),
  };
}

/** `promise`, with whether it has settled yet. */
function watched(promise: Promise<void>): { promise: Promise<void>; settled: () => boolean } {
  let settled = false;
  const watching = promise.then(() => {
    settled = true;
  });
  return { promise: watching, settled: () => settled };
}

/** One turn of the event loop: what was started has had its chance to run. */
function nextTurn(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

describe('the seeding gate', () => {
  it('seeds once, when opened, and done() settles when the seed ends', async () => {
    const s = countingSeed();
    const gate = new SeedingGate(s.seed, 60_000);
    await Promise.resolve();
    expect(s.calls()).toBe(0);
    gate.open();
    gate.open();
    const done = watched(gate.done());
    await nextTurn();
    expect([s.calls(), done.settled()]).toEqual([1, false]);
    s.finish();
    await done.promise;
    expect(s.calls()).toBe(1);
  });

  it('opens by itself a while after the start', async () => {
    vi.useFakeTimers();
    const s = countingSeed();
    new SeedingGate(s.seed);
    await vi.advanceTimersByTimeAsync(SEED_AFTER_MS - 1);
    expect(s.calls()).toBe(0);
    await vi.advanceTimersByTimeAsync(1);
    expect(s.calls()).toBe(1);
  });
});

describe('a dropped seeding gate (a server closing with its store in memory)', () => {
  it('never seeds when dropped before it opened', async () => {
    const s = countingSeed();
    const gate = new SeedingGate(s.seed, 60_000);
    await gate.drop();
    gate.open();
    await gate.done();
    await nextTurn();
    expect(s.calls()).toBe(0);
  });

  it('waits for a seed that has started', async () => {
    const s = countingSeed();
    const gate = new SeedingGate(s.seed, 60_000);
    gate.open();
    const drop = watched(gate.drop());
    await nextTurn();
    expect([s.calls(), drop.settled()]).toEqual([1, false]);
    s.finish();
    await drop.promise;
    expect(drop.settled()).toBe(true);
  });
});
