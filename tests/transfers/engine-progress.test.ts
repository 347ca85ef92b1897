import { describe, expect, it } from 'vitest';
import { SpeedMeter, etaSeconds } from '../../src/transfers/speed-meter.js';
import { makeFixture } from './helpers/engine-fixture.js';
import { createGate, createMemoryProvider, until, type Gate } from './helpers/memory-provider.js';

describe('speed over a moving window', () => {
  it('measures a steady rate, and falls to zero during a stall', () => {
    const m = new SpeedMeter(5_000);
    for (let t = 0; t <= 10_000; t += 100) m.add(t, 1_000);
    expect(m.rate(10_000)).toBeCloseTo(10_000, -1);
    expect(m.rate(12_500)).toBeCloseTo((25 * 1_000 * 1_000) / 5_000, -2);
    expect(m.rate(20_000)).toBe(0);
  });

  it('is not known (0) until a second of progress was reported at two moments at least', () => {
    const m = new SpeedMeter(5_000);
    expect(m.rate(0)).toBe(0);
    // A job that spent 100 s hashing reports its first 4 MiB: when they moved is not known.
    m.add(100_000, 4 * 1024 * 1024);
    expect(m.rate(100_000)).toBe(0);
    expect(m.rate(100_900)).toBe(0);
    // Reports within 100 ms of each other are one moment.
    m.add(100_050, 1_000);
    expect(m.rate(100_999)).toBe(0);
    for (let t = 100_200; t <= 101_000; t += 200) m.add(t, 2_000);
    // 5 reports of 2,000 bytes after the first moment, over one second: 10,000 B/s.
    expect(m.rate(101_000)).toBeCloseTo(10_000, 6);
  });

  it('starts measuring afresh after an idle spell longer than the window', () => {
    const m = new SpeedMeter(5_000);
    for (let t = 0; t <= 2_000; t += 500) m.add(t, 500);
    expect(m.rate(2_000)).toBeCloseTo(1_000, 6);
    // Idle for a minute, then a burst: the old baseline would spread it over the idle minute.
    m.add(62_000, 1_000_000);
    expect(m.rate(62_000)).toBe(0);
    m.add(62_500, 500);
    m.add(63_000, 500);
    expect(m.rate(63_000)).toBeCloseTo(1_000, 6);
  });

  it('estimates seconds left', () => {
    expect(etaSeconds(1_000, 2_000)).toBe(1);
    expect(etaSeconds(0, 0)).toBe(0);
    expect(etaSeconds(5, 0)).toBeNull();
  });
});

describe('transfer engine: progress aggregation', () => {
  it('publishes per-job and total bytes, speed and ETA a few times per second, never per chunk', async () => {
    const local = createMemoryProvider({ kind: 'local' });
    const b2 = createMemoryProvider({ kind: 'b2', chunkSize: 100 });
    const f = makeFixture({ concurrency: 2, publishIntervalMs: 250 }, { local, b2 });
    local.put('/s/a', Buffer.alloc(2_000, 1));
    local.put('/s/b', Buffer.alloc(2_000, 2));
    // Each write waits at every chunk until the test opens the current gate; `waiting` counts
    // the writes parked at the current gate.
    let tick: Gate = createGate();
    let waiting = 0;
    f.b2.hooks.onWriteChunk = async () => {
      waiting++;
      await tick.promise;
    };
    const release = async (): Promise<void> => {
      const g = tick;
      tick = createGate();
      waiting = 0;
      g.open();
      await until(() => waiting === 2, 'both writes at the next chunk');
    };

    f.engine.submit({
      operation: 'copy',
      from: 'local',
      to: 'b2',
      conflict: 'overwrite',
      items: [{ source: '/s', targetDir: '/k' }],
    });
    await until(() => waiting === 2, 'both writes started');
    const publishedAt: number[] = [];
    f.engine.store.subscribe(() => publishedAt.push(f.clock.now()));
    const t0 = f.clock.now();
    await release();
    // Half a second of progress: too little to tell a speed, so none is shown yet.
    for (let i = 0; i < 5; i++) {
      f.clock.advance(100);
      await release();
    }
    // 12 chunks of progress arrived in 500 ms, but the store was published only on its 250 ms beat.
    expect(publishedAt).toEqual([t0, t0 + 250, t0 + 500]);
    f.engine.publishNow();
    expect(f.engine.store.getSnapshot().totals).toMatchObject({ bytesDone: 1_200, speed: 0, etaSeconds: null });
    for (let i = 0; i < 5; i++) {
      f.clock.advance(100);
      await release();
    }
    f.engine.publishNow();
    // One second after the first chunks: 2 × 100 bytes every 100 ms since then.
    const snap = f.engine.store.getSnapshot();
    expect(snap.totals).toMatchObject({
      files: 2,
      filesDone: 0,
      bytesTotal: 4_000,
      bytesDone: 2_200,
      speed: 2_000,
      etaSeconds: 1,
    });
    const running = snap.jobs.filter((j) => j.kind === 'upload');
    expect(running.map((j) => [j.state, j.bytesDone, j.speed])).toEqual([
      ['running', 1_100, 1_000],
      ['running', 1_100, 1_000],
    ]);
    expect(f.engine.totals.getSnapshot().totals.bytesDone).toBe(2_200);

    // A stall: no bytes for 10 s. The ticking publisher shows the speed falling to 0.
    f.clock.advance(10_000);
    expect(f.engine.store.getSnapshot().totals).toMatchObject({ speed: 0, etaSeconds: null });

    f.b2.hooks.onWriteChunk = undefined;
    tick.open();
    await f.engine.whenIdle();
    expect(f.engine.store.getSnapshot().totals).toMatchObject({ filesDone: 2, bytesDone: 4_000, etaSeconds: 0 });
  });

  it('clearFinished empties the list and the totals; failed jobs stay unless asked', async () => {
    const f = makeFixture();
    f.local.put('/s/ok', 'ok');
    f.local.put('/s/bad', 'bad');
    f.b2.hooks.beforeWrite = (p) => {
      if (p.endsWith('bad')) throw new Error('boom');
    };
    f.engine.submit({
      operation: 'copy',
      from: 'local',
      to: 'b2',
      conflict: 'overwrite',
      items: [{ source: '/s', targetDir: '/k' }],
    });
    await f.engine.whenIdle();
    f.engine.clearFinished();
    f.engine.publishNow();
    let snap = f.engine.store.getSnapshot();
    expect(snap.jobs.map((j) => [j.kind, j.state])).toEqual([['upload', 'failed']]);
    expect(snap.jobs[0]?.failure).toMatchObject({
      kind: 'internal',
      message: 'Unexpected error (a bug in b2c).',
      detail: 'boom',
    });
    expect(snap.totals).toMatchObject({ files: 1, filesFailed: 1, filesDone: 0 });
    f.engine.clearFinished(true);
    f.engine.publishNow();
    snap = f.engine.store.getSnapshot();
    expect(snap.jobs).toEqual([]);
    expect(snap.groups).toEqual([]);
    expect(snap.totals).toMatchObject({ files: 0, bytesTotal: 0, bytesDone: 0 });
  });

  it('keeps at most keepFinished finished jobs listed while the totals count them all', async () => {
    const f = makeFixture({ keepFinished: 3 });
    for (let i = 0; i < 10; i++) f.local.put(`/s/${i}`, 'xx');
    f.engine.submit({
      operation: 'copy',
      from: 'local',
      to: 'b2',
      conflict: 'overwrite',
      items: [{ source: '/s', targetDir: '/k' }],
    });
    await f.engine.whenIdle();
    f.engine.publishNow();
    const snap = f.engine.store.getSnapshot();
    expect(snap.jobs).toHaveLength(3);
    expect(snap.totals).toMatchObject({ files: 10, filesDone: 10, bytesDone: 20 });
    f.engine.clearFinished();
    f.engine.publishNow();
    expect(f.engine.store.getSnapshot().totals).toMatchObject({ files: 0, filesDone: 0, bytesDone: 0 });
  });
});
