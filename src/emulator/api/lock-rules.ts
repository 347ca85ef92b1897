/**
 * Object Lock rules for files (docs/b2-api.md §10): reading retention and legal hold from headers
 * and JSON, the retention a bucket default gives, and the two decisions B2 enforces — whether a
 * version may be deleted, and whether its retention may be changed.
 */
import type { IncomingMessage } from 'node:http';
import { requireCapability } from '../auth/enforce.js';
import type { Principal } from '../auth/principal.js';
import { B2Error, badRequest, unauthorized } from '../http/errors.js';
import { header } from '../http/http-util.js';
import type { DefaultRetention, FileRetention, LegalHold, RetentionMode } from '../store/file-settings.js';

const DAY_MS = 86_400_000;

/** A retention a request asks for: a mode with its date, or `null` for "none". */
export type RetentionRequest = FileRetention | null;

function retentionMode(value: unknown, what: string): RetentionMode {
  if (value === 'governance' || value === 'compliance') return value;
  throw badRequest(`${what} must be governance or compliance, not ${JSON.stringify(value)}`);
}

/** Checks a retain-until date: a whole number of ms, in the future. Throws 400. */
function retainUntil(value: unknown, now: number, what: string): number {
  const n = typeof value === 'string' && /^\d+$/.test(value.trim()) ? Number(value) : value;
  if (typeof n !== 'number' || !Number.isSafeInteger(n))
    throw badRequest(`${what} must be a timestamp in milliseconds`);
  if (n <= now) throw badRequest(`${what} must be in the future`);
  return n;
}

/**
 * `fileRetention` of a JSON body: `{mode, retainUntilTimestamp}`, or mode null (with a null date)
 * for none. Undefined when absent. Throws 400.
 */
export function parseRetentionJson(value: unknown, now: number): RetentionRequest | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'object' || Array.isArray(value)) throw badRequest('fileRetention must be an object');
  const v = value as Record<string, unknown>;
  if (v.mode === null || v.mode === undefined) {
    if (v.retainUntilTimestamp !== null && v.retainUntilTimestamp !== undefined)
      throw badRequest('fileRetention: a retainUntilTimestamp needs a mode');
    return null;
  }
  return {
    mode: retentionMode(v.mode, 'fileRetention.mode'),
    retainUntilTimestamp: retainUntil(v.retainUntilTimestamp, now, 'fileRetention.retainUntilTimestamp'),
  };
}

/** `legalHold` of a JSON body or the X-Bz-File-Legal-Hold header: "on" or "off". Throws 400. */
export function parseLegalHold(value: unknown, what = 'legalHold'): LegalHold | undefined {
  if (value === undefined || value === null) return undefined;
  if (value === 'on' || value === 'off') return value;
  throw badRequest(`${what} must be on or off, not ${JSON.stringify(value)}`);
}

/** Retention and legal hold from the upload headers (docs/b2-api.md §10.3). Throws 400. */
export function parseLockHeaders(
  req: IncomingMessage,
  now: number,
): { retention?: RetentionRequest; legalHold?: LegalHold } {
  const mode = header(req, 'x-bz-file-retention-mode');
  const until = header(req, 'x-bz-file-retention-retain-until-timestamp');
  const legalHold = parseLegalHold(header(req, 'x-bz-file-legal-hold')?.trim(), 'X-Bz-File-Legal-Hold');
  if (mode === undefined && until === undefined) return legalHold === undefined ? {} : { legalHold };
  if (mode === undefined || until === undefined)
    throw badRequest('X-Bz-File-Retention-Mode and X-Bz-File-Retention-Retain-Until-Timestamp go together');
  const retention = {
    mode: retentionMode(mode.trim(), 'X-Bz-File-Retention-Mode'),
    retainUntilTimestamp: retainUntil(until, now, 'X-Bz-File-Retention-Retain-Until-Timestamp'),
  };
  return legalHold === undefined ? { retention } : { retention, legalHold };
}

/** The retention a bucket default gives a file written at `now`: days of 24 h, calendar years. */
export function defaultRetentionFrom(d: DefaultRetention, now: number): FileRetention {
  if (d.period.unit === 'days') return { mode: d.mode, retainUntilTimestamp: now + d.period.duration * DAY_MS };
  const until = new Date(now);
  until.setUTCFullYear(until.getUTCFullYear() + d.period.duration);
  return { mode: d.mode, retainUntilTimestamp: until.getTime() };
}

/** True while a retention still protects its file. */
export function retentionActive(r: FileRetention | undefined, now: number): r is FileRetention {
  return r !== undefined && r.retainUntilTimestamp > now;
}

/** "retained until 2027-01-01T00:00:00.000Z (compliance)". */
function until(r: FileRetention): string {
  return `retained until ${new Date(r.retainUntilTimestamp).toISOString()} (${r.mode})`;
}

/**
 * Governance may be lifted only with `bypassGovernance: true` from a key that holds the
 * capability: without the flag the answer is `refusal`, without the capability 401.
 */
function requireBypass(p: Principal, bypass: boolean, refusal: B2Error): void {
  if (!bypass) throw refusal;
  requireCapability(p, 'bypassGovernance');
}

/**
 * Whether a file version may be deleted (docs/b2-api.md §10.4): not under legal hold, not under
 * an active compliance retention, and under an active governance retention only with a bypass.
 * B2 refuses with 401 `unauthorized`.
 */
export function requireDeletable(
  p: Principal,
  f: { fileName: string; retention?: FileRetention; legalHold?: LegalHold },
  bypass: boolean,
  now: number,
): void {
  if (f.legalHold === 'on') throw unauthorized(`${f.fileName} is under legal hold and cannot be deleted`);
  if (!retentionActive(f.retention, now)) return;
  const refusal = unauthorized(
    `${f.fileName} is ${until(f.retention)} and cannot be deleted${f.retention.mode === 'governance' ? ' without bypassGovernance' : ''}`,
  );
  if (f.retention.mode === 'compliance') throw refusal;
  requireBypass(p, bypass, refusal);
}

/**
 * Whether `current` may become `next` (docs/b2-api.md §10.5): an active compliance retention can
 * only be extended; an active governance one can be extended or turned into compliance freely,
 * while shortening or removing it needs a bypass. B2 refuses with 403 `access_denied`.
 */
export function requireRetentionChange(
  p: Principal,
  current: FileRetention | undefined,
  next: FileRetention | null,
  bypass: boolean,
  now: number,
): void {
  if (!retentionActive(current, now)) return;
  const keepsOrExtends = next !== null && next.retainUntilTimestamp >= current.retainUntilTimestamp;
  const denied = new B2Error(
    403,
    'access_denied',
    `The file is ${until(current)}; its retention can only be extended${current.mode === 'governance' ? ' unless bypassGovernance is set' : ''}`,
  );
  if (current.mode === 'compliance') {
    if (!keepsOrExtends || next.mode !== 'compliance') throw denied;
    return;
  }
  if (!keepsOrExtends) requireBypass(p, bypass, denied);
}
