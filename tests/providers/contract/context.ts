/**
 * The shared state of one contract run: the fixture from `setup` (available once beforeAll ran)
 * and a generator of fresh, unique folders under the fixture's root, one per test.
 */
import { randomBytes } from 'node:crypto';
import type { Provider, WriteOptions } from '../../../src/providers/types.js';

/** What a provider's test file hands the contract suite. */
export interface ContractFixture {
  provider: Provider;
  /** Provider path under which the suite may create anything (B2: `/bucket/some-prefix`). */
  root: string;
  /** Removes whatever the suite left (called once, after every test). */
  cleanup(): Promise<void>;
}

/** Knobs for providers whose limits differ. */
export interface ContractOptions {
  /** Bytes in the "large" file test; default 3 MiB + 17 (odd on purpose). */
  largeSize?: number;
  /** Merged into every write the suite makes (e.g. B2 `partSize` to force the large-file API). */
  writeOptions?: Partial<WriteOptions>;
}

/** Read by the contract's `it` blocks; `provider`/`root` throw if setup has not run. */
export interface ContractContext {
  readonly provider: Provider;
  readonly root: string;
  readonly options: Required<Pick<ContractOptions, 'largeSize'>> & ContractOptions;
  /** A fresh folder path under root for one test (not created: writes create parents). */
  dir(label: string): string;
  /** Writes options for the suite: `extra` merged over `options.writeOptions`. */
  writeOpts(extra: Partial<WriteOptions> & { size: number }): WriteOptions;
}

/** Builds the context; `attach` is called from beforeAll with the fixture. */
export function makeContext(options: ContractOptions): {
  ctx: ContractContext;
  attach: (f: ContractFixture | null) => void;
} {
  let fixture: ContractFixture | null = null;
  let counter = 0;
  const run = randomBytes(3).toString('hex');
  const need = (): ContractFixture => {
    if (fixture === null) throw new Error('The contract fixture is not set up (did setup() fail?).');
    return fixture;
  };
  const ctx: ContractContext = {
    get provider() {
      return need().provider;
    },
    get root() {
      return need().root;
    },
    options: { largeSize: 3 * 1024 * 1024 + 17, ...options },
    dir(label: string): string {
      counter += 1;
      const root = need().root.replace(/\/+$/, '');
      return `${root}/${label}-${run}-${counter}`;
    },
    writeOpts(extra) {
      return { ...options.writeOptions, ...extra };
    },
  };
  return { ctx, attach: (f) => (fixture = f) };
}

/** A ready context over an existing provider and root, for provider-specific test files. */
export function contextFor(provider: Provider, root: string, options: ContractOptions = {}): ContractContext {
  const { ctx, attach } = makeContext(options);
  attach({ provider, root, cleanup: () => Promise.resolve() });
  return ctx;
}
