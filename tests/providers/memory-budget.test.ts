/**
 * The shared memory bound of buffering writes (src/providers/memory-budget.ts) and the limited
 * runner of parts and ranges (src/providers/run-limited.ts).
 */
import { describe, expect, it } from 'vitest';
import { MemoryBudget } from '../../src/providers/memory-budget.js';
import { runLimited } from '../../src/providers/run-limited.js';
import { until } from '../support/poll.js';

describe('MemoryBudget', () => {
  it('grants while there is room, then first come first served as room frees', async () => {
    const b = new MemoryBudget(100);
    const r1 = await b.reserve(60);
    const order: string[] = [];
    const big = b.reserve(80).then((r) => (order.push('big'), r));
    const small = b.reserve(10).then((r) => (order.push('small'), r));
    await Promise.resolve();
    expect([b.reserved, order]).toEqual([60, []]); // the small one does not jump the queue
    r1();
    const rBig = await big;
    expect(b.reserved).toBe(90); // 80 + 10: both fit now
    await small;
    expect(order).toEqual(['big', 'small']);
    rBig();
    rBig(); // twice is harmless
    expect(b.reserved).toBe(10);
  });

  it('clamps a reservation to the capacity; atLeast raises it', async () => {
    const b = new MemoryBudget(50);
    const r = await b.reserve(500);
    expect(b.reserved).toBe(50);
    r();
    b.atLeast(200);
    const r2 = await b.reserve(150);
    expect(b.reserved).toBe(150);
    r2();
  });

  it('a cancelled wait leaves the queue and rejects with CancelledError', async () => {
    const b = new MemoryBudget(10);
    const hold = await b.reserve(10);
    const c = new AbortController();
    const waiting = b.reserve(5, c.signal, '/b/x');
    c.abort();
    await expect(waiting).rejects.toMatchObject({ kind: 'cancelled' });
    hold();
    expect(b.reserved).toBe(0);
  });
});

describe('runLimited', () => {
  it('runs every task, never more at once than the limit, which may change while running', async () => {
    let limit = 2;
    let running = 0;
    let peak = 0;
    const done: number[] = [];
    await runLimited(
      20,
      () => limit,
      async (i) => {
        running++;
        peak = Math.max(peak, running);
        if (i === 5) limit = 5;
        await new Promise((r) => setImmediate(r));
        running--;
        done.push(i);
      },
    );
    expect(done.sort((a, b) => a - b)).toEqual(Array.from({ length: 20 }, (_, i) => i));
    expect(peak).toBe(5);
  });

  it('a raised limit is used while the running tasks go on, not only when one ends', async () => {
    let limit = 2;
    const started: number[] = [];
    let release = (): void => undefined;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const run = runLimited(
      6,
      () => limit,
      async (i) => {
        started.push(i);
        await gate;
      },
    );
    await until(() => started.length === 2, 'the first two tasks');
    limit = 4;
    await until(() => started.length === 4, 'two more tasks after the raise, none having ended');
    release();
    await run;
    expect(started).toEqual([0, 1, 2, 3, 4, 5]);
  });

  it('the first failure stops the others (their signal fires) and is thrown once they ended', async () => {
    const aborted: number[] = [];
    const started: number[] = [];
    const run = runLimited(
      10,
      () => 3,
      async (i, signal) => {
        started.push(i);
        if (i === 1) throw new Error('part 1 failed');
        await new Promise<void>((resolve) =>
          signal.addEventListener('abort', () => (aborted.push(i), resolve()), { once: true }),
        );
      },
    );
    await expect(run).rejects.toThrow('part 1 failed');
    expect(started).toEqual([0, 1, 2]);
    expect(aborted.sort()).toEqual([0, 2]);
  });
});
