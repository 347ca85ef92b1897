/**
 * The B2 provider for code that should not load it before it is used: the file manager draws its
 * first frame without compiling the provider (with mime-types for uploads' content types) and
 * imports it at the first connection (tests/e2e/tui-startup-bundle.test.ts).
 */
import type { B2Provider } from './provider.js';
import type { ConnectB2Options } from './connect.js';

/** Every B2Provider built: lets {@link isB2Provider} answer without importing the class. */
const built = new WeakSet<object>();

/** Called by B2Provider's constructor. */
export function rememberB2Provider(provider: B2Provider): void {
  built.add(provider);
}

/** `value instanceof B2Provider`, without loading the provider's code. */
export function isB2Provider(value: unknown): value is B2Provider {
  return typeof value === 'object' && value !== null && built.has(value);
}

/** `connectB2` (./connect.ts), importing the provider's code on the first call. */
export async function connectB2Lazily(options: ConnectB2Options): Promise<B2Provider> {
  const { connectB2 } = await import('./connect.js');
  return connectB2(options);
}
