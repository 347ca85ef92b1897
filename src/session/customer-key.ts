/**
 * The SSE-C customer key as users give it (docs/b2-api.md §9.3): base64 of 32 bytes, in a file
 * (`b2c cp --sse-c-key-file`) or in `B2C_SSE_C_KEY` (`b2c cp` and the file manager). Imports
 * nothing, so the file manager can read the variable before any B2 code is loaded.
 */

/** Environment variable holding an SSE-C customer key (base64 of 32 bytes): `b2c cp` and the file manager read it. */
export const SSE_C_KEY_ENV = 'B2C_SSE_C_KEY';

/** An SSE-C customer key from its base64 text (surrounding whitespace ignored), or null unless it is exactly 32 bytes. */
export function parseCustomerKey(text: string): Buffer | null {
  const trimmed = text.trim();
  const key = /^[A-Za-z0-9+/]+={0,2}$/.test(trimmed) ? Buffer.from(trimmed, 'base64') : Buffer.alloc(0);
  return key.length === 32 ? key : null;
}
