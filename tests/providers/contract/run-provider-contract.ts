/**
 * The one provider contract suite: every Provider implementation must pass it.
 *
 * Usage, from a provider's own test file:
 * ```ts
 * runProviderContract('b2', async () => ({ provider, root: '/bucket/prefix', cleanup }));
 * ```
 * `setup` runs once (beforeAll); every test works in its own fresh folder under `root`, so tests do
 * not depend on each other or on the order they run in. `cleanup` runs once at the end, after
 * `provider.close()` when the provider has one. Optional features (copy, move, versions, unhide,
 * shareLink) are tested only when the provider has them, and show as skipped otherwise.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeContext, type ContractFixture, type ContractOptions } from './context.js';
import { failureContract } from './failures.js';
import { listingContract } from './listing.js';
import { optionalContract } from './optional.js';
import { readWriteContract } from './read-write.js';

export type { ContractFixture, ContractOptions } from './context.js';

/** Registers the contract suite as `describe('provider contract: NAME')`. */
export function runProviderContract(
  name: string,
  setup: () => Promise<ContractFixture>,
  options: ContractOptions = {},
): void {
  describe(`provider contract: ${name}`, () => {
    const { ctx, attach } = makeContext(options);
    let fixture: ContractFixture | null = null;

    beforeAll(async () => {
      fixture = await setup();
      attach(fixture);
    });

    afterAll(async () => {
      if (fixture === null) return;
      await fixture.provider.close?.();
      await fixture.cleanup();
    });

    it('declares consistent traits', () => {
      const { traits } = ctx.provider;
      expect(['local', 'b2']).toContain(traits.kind);
      expect(Array.isArray(traits.hashKinds)).toBe(true);
      expect(typeof traits.emptyDirectories).toBe('boolean');
      expect(typeof traits.scheme).toBe('string');
    });

    readWriteContract(ctx);
    failureContract(ctx);
    listingContract(ctx);
    optionalContract(ctx);
  });
}
