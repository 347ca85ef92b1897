/**
 * The engine's adaptive mode (src/transfers/in-flight.ts) wired in: while throughput rises it
 * starts more files at once than configured, the queue snapshot says so, and with the mode off
 * the configured number holds. Time is a fake clock; each window the test finishes the writes
 * that run, so the bytes moved per window grow with the files in flight, as on a distant link.
 */
import { describe, expect, it } from 'vitest';
import { WINDOW_MS } from '../../src/transfers/in-flight.js';
import { makeFixture, type Fixture } from './helpers/engine-fixture.js';
import { until } from './helpers/memory-provider.js';

/** 60 files of 1 KB held at their write; each window releases every write that runs. */
async function run(f: Fixture, windows: number): Promise<number[]> {
  for (let i = 0; i < 60; i++) f.local.put(`/src/f${String(i).padStart(2, '0')}.bin`, Buffer.alloc(1000, i));
  const held: Array<() => void> = [];
  f.b2.hooks.beforeWrite = () => new Promise<void>((resolve) => held.push(resolve));
  f.engine.submit({
    operation: 'copy',
    from: 'local',
    to: 'b2',
    conflict: 'overwrite',
    items: [{ source: '/src', targetDir: '/bkt' }],
  });
  const running: number[] = [];
  for (let w = 0; w < windows; w++) {
    await until(() => held.length > 0 && held.length === f.b2.activeWrites, 'writes to start');
    running.push(held.length);
    f.clock.advance(WINDOW_MS);
    for (const release of held.splice(0)) release();
    await until(() => f.b2.activeWrites === 0 || held.length > 0, 'writes to end');
  }
  for (;;) {
    for (const release of held.splice(0)) release();
    if (
      f
        .latest()
        .filter((j) => j.kind === 'upload')
        .every((j) => j.state === 'done')
    )
      break;
    await new Promise((r) => setImmediate(r));
  }
  return running;
}

describe('adaptive mode in the engine', () => {
  it('raises files at once while each raise moves more, and shows it in the snapshot', async () => {
    const f = makeFixture({ concurrency: 2 });
    const running = await run(f, 4);
    expect(running[0]).toBe(2);
    expect(Math.max(...running)).toBeGreaterThan(2);
    f.engine.publishNow();
    expect(f.engine.store.getSnapshot().inFlight).toMatchObject({ adaptive: true });
    expect(f.engine.store.getSnapshot().inFlight.files).toBeGreaterThan(2);
    await f.engine.whenIdle();
    expect(f.b2.files.size).toBe(60);
  });

  it('with the mode off, the configured number holds', async () => {
    const f = makeFixture({ concurrency: 2, adaptive: false });
    const running = await run(f, 4);
    expect(running).toEqual([2, 2, 2, 2]);
    f.engine.publishNow();
    expect(f.engine.store.getSnapshot().inFlight).toEqual({ files: 2, parts: 4, adaptive: false, phase: 'steady' });
  });
});
