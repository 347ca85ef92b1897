/** Builds an engine over in-memory providers with a fake clock, for logic tests. */
import { createTransferEngine, type TransferEngine } from '../../../src/transfers/engine.js';
import type { EngineOptions } from '../../../src/transfers/options.js';
import type { JobView } from '../../../src/transfers/types.js';
import { createFakeClock, type FakeClock } from './fake-clock.js';
import { createMemoryProvider, type MemoryProvider } from './memory-provider.js';

export interface Fixture {
  engine: TransferEngine;
  clock: FakeClock;
  local: MemoryProvider;
  b2: MemoryProvider;
  /** Every job event, in order. */
  events: JobView[];
  /** The latest view of each job (from events, so independent of publish timing). */
  latest(): JobView[];
  byTarget(path: string): JobView | undefined;
  bySource(path: string): JobView | undefined;
}

export function makeFixture(
  options: Partial<EngineOptions> = {},
  providers?: { local?: MemoryProvider; b2?: MemoryProvider },
): Fixture {
  const clock = createFakeClock();
  const local = providers?.local ?? createMemoryProvider({ kind: 'local', knowsSha1: false });
  const b2 = providers?.b2 ?? createMemoryProvider({ kind: 'b2', withCopy: true });
  const engine = createTransferEngine({
    providers: (ref) => {
      if (ref === 'local') return local;
      if (ref === 'b2') return b2;
      throw new Error(`unknown provider ${ref}`);
    },
    clock,
    autoRetries: 0,
    ...options,
  });
  const events: JobView[] = [];
  engine.on('job', (j) => events.push(j));
  const latest = (): JobView[] => {
    const m = new Map<string, JobView>();
    for (const e of events) m.set(e.id, e);
    return [...m.values()];
  };
  return {
    engine,
    clock,
    local,
    b2,
    events,
    latest,
    byTarget: (path) => latest().find((j) => j.target?.path === path && j.kind !== 'scan'),
    bySource: (path) => latest().find((j) => j.source?.path === path && j.kind !== 'scan'),
  };
}
