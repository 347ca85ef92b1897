/**
 * The adaptive mode (src/transfers/in-flight.ts) as a pure function of time and bytes moved:
 * it doubles files while files wait, else parts while a big file runs, keeps a raise that paid
 * and undoes one that did not (then holds), never passes its limits, and does nothing when off.
 */
import { describe, expect, it } from 'vitest';
import { GAIN, HOLD_MS, InFlightTuner, WINDOW_MS } from '../../src/transfers/in-flight.js';

const limits = { files: 4, parts: 4, maxFiles: 64, maxParts: 32, adaptive: true };

/** Drives a tuner: each window moves `rate(files, parts)` bytes per second. */
function drive(
  t: InFlightTuner,
  windows: number,
  rate: (files: number, parts: number) => number,
  demand = { filesWaiting: true, bigFileRunning: false },
): void {
  let now = 0;
  let moved = 0;
  t.tick(now, { bytesMoved: moved, ...demand });
  for (let i = 0; i < windows; i++) {
    moved += rate(t.files, t.parts) * (WINDOW_MS / 1000);
    now += WINDOW_MS;
    t.tick(now, { bytesMoved: moved, ...demand });
  }
}

describe('InFlightTuner', () => {
  it('doubles files while each raise pays, up to the limit', () => {
    const t = new InFlightTuner(limits);
    drive(t, 12, (files) => files * 1000); // every file in flight adds throughput
    expect(t.files).toBe(64);
    expect(t.parts).toBe(4);
  });

  it('undoes a raise that did not pay and holds before probing again', () => {
    const t = new InFlightTuner(limits);
    // Throughput grows up to 16 files, then no more.
    drive(t, 6, (files) => Math.min(files, 16) * 1000);
    expect(t.files).toBe(16);
    expect(t.view().phase).toBe('holding');
  });

  it('probes again after the hold', () => {
    const t = new InFlightTuner(limits);
    let now = 0;
    let moved = 0;
    const step = (ms: number, rate: number): void => {
      moved += (rate * ms) / 1000;
      now += ms;
      t.tick(now, { bytesMoved: moved, filesWaiting: true, bigFileRunning: false });
    };
    t.tick(0, { bytesMoved: 0, filesWaiting: true, bigFileRunning: false });
    step(WINDOW_MS, 1000); // baseline, raise to 8
    step(WINDOW_MS, 1000); // no gain: back to 4, hold
    expect([t.files, t.view().phase]).toEqual([4, 'holding']);
    step(HOLD_MS / 2, 1000);
    expect(t.files).toBe(4);
    step(HOLD_MS, 1000); // hold over: a new probe
    expect([t.files, t.view().phase]).toEqual([8, 'probing']);
  });

  it('raises parts, not files, when no file waits but a big one runs', () => {
    const t = new InFlightTuner(limits);
    drive(t, 10, (_files, parts) => parts * 1000, { filesWaiting: false, bigFileRunning: true });
    expect([t.files, t.parts]).toEqual([4, 32]);
  });

  it('needs at least the GAIN to keep a raise', () => {
    const t = new InFlightTuner(limits);
    drive(t, 2, (files) => (files === 4 ? 1000 : 1000 * GAIN * 0.99));
    expect(t.files).toBe(4);
  });

  it('does nothing when off, with nothing to grow for, or with nothing moving', () => {
    const off = new InFlightTuner({ ...limits, adaptive: false });
    drive(off, 10, (files) => files * 1000);
    expect([off.files, off.parts]).toEqual([4, 4]);
    const idle = new InFlightTuner(limits);
    drive(idle, 10, (files) => files * 1000, { filesWaiting: false, bigFileRunning: false });
    expect([idle.files, idle.parts]).toEqual([4, 4]);
    const stalled = new InFlightTuner(limits);
    drive(stalled, 10, () => 0);
    expect(stalled.files).toBe(4);
  });

  it('set() replaces both numbers and starts over', () => {
    const t = new InFlightTuner(limits);
    drive(t, 3, (files) => files * 1000);
    t.set(2, 3);
    expect(t.view()).toEqual({ files: 2, parts: 3, adaptive: true, phase: 'steady' });
  });
});
