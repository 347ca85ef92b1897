/**
 * B2C_SSE_C_KEY for the file manager (src/tui/providers/sse-c-key.ts): a key reads and writes
 * SSE-C, and the status line says a key is in use without ever showing it; a value that is not a
 * key is named as such and not used.
 */
import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { customerKeyFromEnv } from '../../../src/tui/providers/sse-c-key.js';

describe('B2C_SSE_C_KEY in the file manager', () => {
  it('a key of 32 bytes reads and writes SSE-C; the status never shows it', () => {
    const key = randomBytes(32);
    const got = customerKeyFromEnv({ B2C_SSE_C_KEY: ` ${key.toString('base64')}\n` });
    expect(got.options.encryption?.write).toBe('SSE-C');
    expect(got.options.encryption?.customerKey?.equals(key)).toBe(true);
    expect(got.status?.tone).toBe('info');
    expect(got.status?.text).not.toContain(key.toString('base64').slice(0, 8));
  });

  it('no variable: nothing; a value that is not a key: a warning, and no key', () => {
    expect(customerKeyFromEnv({})).toEqual({ options: {} });
    expect(customerKeyFromEnv({ B2C_SSE_C_KEY: '' })).toEqual({ options: {} });
    for (const bad of [randomBytes(16).toString('base64'), 'not base64!', 'secret-passphrase-words']) {
      const got = customerKeyFromEnv({ B2C_SSE_C_KEY: bad });
      expect(got.options).toEqual({});
      expect(got.status?.tone).toBe('warning');
      expect(got.status?.text).toContain('is not an SSE-C key');
      expect(got.status?.text).not.toContain(bad);
    }
  });
});
