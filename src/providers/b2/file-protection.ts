/**
 * A file object's encryption, retention and legal hold (docs/b2-api.md §4.7, §9, §10.3) as entry
 * facts. B2 always reports encryption; retention and legal hold come in `{isClientAuthorizedToRead,
 * value}` envelopes, and without readFileRetentions / readFileLegalHolds the value is withheld:
 * that is `'unreadable'`, never "none". A field of a shape b2c does not know is left out.
 */
import type { Entry } from '../types.js';
import type { WireFile } from './wire-types.js';

type Json = Record<string, unknown>;
type Protection = Pick<Entry, 'encryption' | 'retention' | 'legalHold'>;

const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

function encryption(raw: unknown): Protection['encryption'] {
  if (!isObject(raw)) return undefined;
  const mode = typeof raw.mode === 'string' && raw.mode !== '' ? raw.mode : 'none';
  const algorithm = typeof raw.algorithm === 'string' && mode !== 'none' ? raw.algorithm : null;
  return { mode, algorithm };
}

/** The envelope's value, `'unreadable'`, or undefined when it is missing or malformed. */
function opened(raw: unknown): { value: unknown } | 'unreadable' | undefined {
  if (!isObject(raw)) return undefined;
  if (raw.isClientAuthorizedToRead === false) return 'unreadable';
  return raw.isClientAuthorizedToRead === true ? { value: raw.value } : undefined;
}

function retention(raw: unknown): Protection['retention'] {
  const e = opened(raw);
  if (e === undefined || e === 'unreadable') return e;
  if (e.value === null || !isObject(e.value) || e.value.mode === null) return null;
  const { mode, retainUntilTimestamp } = e.value;
  return typeof mode === 'string' && typeof retainUntilTimestamp === 'number'
    ? { mode, retainUntil: retainUntilTimestamp }
    : undefined;
}

function legalHold(raw: unknown): Protection['legalHold'] {
  const e = opened(raw);
  if (e === undefined || e === 'unreadable') return e;
  return e.value === 'on';
}

/** The facts `f` reports; each one only when B2 sent it in a shape b2c knows. */
export function fileProtection(f: WireFile): Protection {
  const out: Protection = {};
  const enc = encryption(f.serverSideEncryption);
  if (enc !== undefined) out.encryption = enc;
  const ret = retention(f.fileRetention);
  if (ret !== undefined) out.retention = ret;
  const hold = legalHold(f.legalHold);
  if (hold !== undefined) out.legalHold = hold;
  return out;
}
