/**
 * The SSE-C customer key the file manager reads files with: `B2C_SSE_C_KEY` (base64 of 32 bytes),
 * the variable `b2c cp` reads too (docs/b2-api.md §9.3), with the same meaning: SSE-C files are
 * read with it and new files are written SSE-C with it. Read once at start and handed to the
 * provider registry only; never shown, logged or stored. A value that is not a key is said once
 * in the status line (by its problem, never its text) and not used.
 */
import { parseCustomerKey, SSE_C_KEY_ENV } from '../../session/customer-key.js';
import type { StatusMessage } from '../../state/app/app-state.js';
import type { ConnectOptions } from './provider-registry.js';

/** The registry's connect options from `env`, and a status message when the variable is unusable. */
export function customerKeyFromEnv(env: NodeJS.ProcessEnv): { options: ConnectOptions; status?: StatusMessage } {
  const text = env[SSE_C_KEY_ENV];
  if (text === undefined || text === '') return { options: {} };
  const key = parseCustomerKey(text);
  if (key === null)
    return {
      options: {},
      status: {
        text: `${SSE_C_KEY_ENV} is not an SSE-C key (base64 of exactly 32 bytes): files encrypted with a customer key cannot be read.`,
        tone: 'warning',
      },
    };
  return {
    options: { encryption: { write: 'SSE-C', customerKey: key } },
    status: {
      text: `${SSE_C_KEY_ENV} is set: files encrypted with that customer key (SSE-C) can be read, and new files are written with it.`,
      tone: 'info',
    },
  };
}

/**
 * Why an SSE-C file cannot be read (copied, moved, viewed, edited) when b2c was started without
 * its key (raw: sanitised when shown).
 */
export function sseCRefusal(name: string): string {
  return `${name} is encrypted with a customer key (SSE-C): set ${SSE_C_KEY_ENV} to it before starting b2c.`;
}
