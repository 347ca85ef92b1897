/**
 * Waiting for something the test cannot be told about (a file appearing, a process writing a
 * line): poll, with a bound so that a test that waits in vain fails with what it waited for.
 * Not a sleep for synchronisation: the check decides, the bound only turns "never" into a failure.
 */
import { setTimeout as delay } from 'node:timers/promises';

/**
 * Resolves once `check` holds; checks every `intervalMs` (default 20).
 * @throws Error naming `what` after `timeoutMs` (default 15 s)
 */
export async function until(
  check: () => boolean | Promise<boolean>,
  what: string,
  options: { timeoutMs?: number; intervalMs?: number } = {},
): Promise<void> {
  const deadline = Date.now() + (options.timeoutMs ?? 15_000);
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await delay(options.intervalMs ?? 20);
  }
}

/**
 * Resolves with the first non-undefined value of `probe`.
 * @throws as {@link until}
 */
export async function untilValue<T>(
  probe: () => T | undefined | Promise<T | undefined>,
  what: string,
  options: { timeoutMs?: number; intervalMs?: number } = {},
): Promise<T> {
  let found: T | undefined;
  await until(async () => (found = await probe()) !== undefined, what, options);
  return found as T;
}
