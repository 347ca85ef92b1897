/**
 * Keeping the application key out of anything displayed or serialised. `describeProfile` is the
 * display form; objects that must carry the secret (a Profile from getProfile, resolved
 * credentials) also get non-enumerable `toJSON` and `util.inspect` hooks, so an accidental
 * `JSON.stringify(profile)` or `console.log(profile)` elsewhere shows the redacted form. Being
 * non-enumerable, the hooks are not copied by `{...profile}`.
 */
import { redactUrlUserInfo } from '../state/text/redact-url.js';
import type { Profile, ProfileSummary } from './types.js';

export { redactUrlUserInfo } from '../state/text/redact-url.js';

/** The same symbol node:util uses for custom inspection (`util.inspect.custom`). */
const INSPECT = Symbol.for('nodejs.util.inspect.custom');

/**
 * A profile without its secret: `{name, applicationKeyId, endpoint?}` (the endpoint without a
 * password: {@link redactUrlUserInfo}). Pure; accepts a summary too.
 * Use this for lists, logs, `--json` output and the key inspector.
 */
export function describeProfile(profile: Profile | ProfileSummary): ProfileSummary {
  return {
    name: profile.name,
    applicationKeyId: profile.applicationKeyId,
    ...(profile.endpoint === undefined ? {} : { endpoint: redactUrlUserInfo(profile.endpoint) }),
  };
}

/**
 * Returns `value` (same object) with `toJSON` and inspection replaced by `redacted()`.
 * Only for objects this module hands out that carry `applicationKey`.
 */
export function redactWhenSerialised<T extends { applicationKey: string }>(value: T, redacted: (v: T) => unknown): T {
  const hook = { value: () => redacted(value), enumerable: false, configurable: true, writable: false };
  Object.defineProperty(value, 'toJSON', hook);
  Object.defineProperty(value, INSPECT, hook);
  return value;
}

/** A copy of `profile` that serialises without its secret (see {@link redactWhenSerialised}). */
export function guardedProfile(profile: Profile): Profile {
  return redactWhenSerialised({ ...profile }, describeProfile);
}
