/**
 * `cp --sse-b2` and the SSE-C customer key (`--sse-c-key-file PATH`, else `B2C_SSE_C_KEY`): both
 * are base64 of 32 bytes (docs/b2-api.md §9.3). The key is read, checked and handed to the
 * provider only: never stored, printed or put in a message (a bad key is described by its
 * length, never shown).
 */
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { B2Encryption } from '../providers/b2/encryption.js';
import { parseCustomerKey, SSE_C_KEY_ENV } from '../session/customer-key.js';
import { usageError, type CliDeps } from './kit/index.js';

/** Where a missing customer key can be given, for messages. */
export const SSE_C_HINT = `give it with --sse-c-key-file or ${SSE_C_KEY_ENV}`;

function decodeKey(text: string, from: string, usage: string): Buffer {
  const key = parseCustomerKey(text);
  if (key === null) throw usageError(`${from} must hold an SSE-C key: base64 of exactly 32 bytes (AES-256).`, usage);
  return key;
}

/**
 * The encryption a `cp` asks for: `--sse-b2` writes SSE-B2; a customer key reads SSE-C files
 * and, without `--sse-b2`, writes SSE-C with it; neither: nothing, so the bucket default applies.
 * @throws CommandFailure (usage) for an unreadable file or a key that is not base64 of 32 bytes
 */
export async function encryptionOptions(
  values: { 'sse-b2'?: boolean; 'sse-c-key-file'?: string },
  deps: CliDeps,
  usage: string,
): Promise<B2Encryption> {
  let customerKey: Buffer | undefined;
  const file = values['sse-c-key-file'];
  if (file !== undefined) {
    let text: string;
    try {
      text = await readFile(resolve(deps.cwd, file), 'utf8');
    } catch (e) {
      throw usageError(
        `--sse-c-key-file: cannot read "${file}" (${(e as NodeJS.ErrnoException).code ?? 'error'}).`,
        usage,
      );
    }
    customerKey = decodeKey(text, `--sse-c-key-file "${file}"`, usage);
  } else if (deps.env[SSE_C_KEY_ENV] !== undefined && deps.env[SSE_C_KEY_ENV] !== '') {
    customerKey = decodeKey(deps.env[SSE_C_KEY_ENV], SSE_C_KEY_ENV, usage);
  }
  if (values['sse-b2'] === true) return { write: 'SSE-B2', ...(customerKey === undefined ? {} : { customerKey }) };
  return customerKey === undefined ? {} : { write: 'SSE-C', customerKey };
}
