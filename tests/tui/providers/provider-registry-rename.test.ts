/**
 * A profile renamed in P (issue 11, bug 5): the registry keeps its connection under the new name,
 * in the same place of the order, and a reference to the old name (work already queued) still
 * leads to it. The local provider stands in for the profile's provider.
 */
import { describe, expect, it } from 'vitest';
import { createLocalProvider } from '../../../src/providers/local/index.js';
import { ProviderRegistry, type ProfileSpec } from '../../../src/tui/providers/provider-registry.js';

const local = createLocalProvider();

function spec(name: string, connects: { count: number }): ProfileSpec {
  return {
    name,
    label: name,
    source: 'profile',
    endpoint: () => null,
    connect: () => {
      connects.count++;
      return Promise.resolve(local);
    },
  };
}

describe('renaming a profile in the registry', () => {
  it('moves the connection to the new name and keeps the old reference working', async () => {
    const connects = { count: 0 };
    const registry = new ProviderRegistry(local, [
      spec('home', connects),
      spec('work', connects),
      spec('zoo', connects),
    ]);
    const provider = await registry.provider('b2:work');
    registry.renameProfile('work', spec('office', connects));
    expect(registry.profiles().map((p) => p.name)).toEqual(['home', 'office', 'zoo']);
    expect(registry.connected('office')).toBe(provider);
    expect(registry.connected('work')).toBeNull();
    expect(registry.getSnapshot()).toHaveProperty('office.state', 'ready');
    expect(registry.getSnapshot()).not.toHaveProperty('work');
    expect(await registry.provider('b2:work')).toBe(provider);
    expect(await registry.provider('b2:office')).toBe(provider);
    expect(connects.count).toBe(1);
  });
});

describe('closing the registry', () => {
  it('stops a sign-in still under way (quitting then need not wait for the network)', async () => {
    let signal: AbortSignal | undefined;
    const registry = new ProviderRegistry(local, [
      {
        name: 'slow',
        label: 'slow',
        source: 'profile',
        endpoint: () => null,
        connect: (options) => {
          signal = options?.signal;
          return new Promise((_, reject) =>
            options?.signal?.addEventListener('abort', () => reject(new Error('stopped'))),
          );
        },
      },
    ]);
    const connecting = registry.provider('b2:slow');
    expect(signal?.aborted).toBe(false);
    await registry.close();
    expect(signal?.aborted).toBe(true);
    await expect(connecting).rejects.toThrow('stopped');
  });
});
