/**
 * Vitest setup (vitest.config.ts `setupFiles`): `toEqual` compares two Buffers (or Uint8Arrays)
 * with one `Buffer.equals` instead of walking them element by element as generic iterables. Tests
 * compare downloaded bytes with what was sent everywhere; a profile of tests/e2e/tui-demo.test.ts
 * spent a second of its CPU in that walk for a 61 KiB file. Failures still print vitest's diff.
 */
import { expect } from 'vitest';

const ADDED = Symbol.for('b2c.tests.bufferEquality');
const registry = globalThis as { [ADDED]?: boolean };

function bytesEqual(a: unknown, b: unknown): boolean | undefined {
  if (!(a instanceof Uint8Array) || !(b instanceof Uint8Array)) return undefined;
  // A Buffer and a plain Uint8Array are different types to toEqual; keep that answer vitest's own.
  if (Buffer.isBuffer(a) !== Buffer.isBuffer(b)) return undefined;
  return Buffer.from(a.buffer, a.byteOffset, a.byteLength).equals(Buffer.from(b.buffer, b.byteOffset, b.byteLength));
}

// Files share one module graph (isolate: false), so register once.
if (registry[ADDED] !== true) {
  registry[ADDED] = true;
  expect.addEqualityTesters([bytesEqual]);
}
