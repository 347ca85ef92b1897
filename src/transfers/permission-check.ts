/**
 * The one mapping from the transfer engine's `checkPermission` queries to the permission rules
 * (src/state/permissions/permissions.ts), shared by the CLI (`cp`, `rm`) and the TUI: both import
 * {@link engineChecker} from here (never keep a second copy), so a job inside a copied or
 * deleted folder is judged exactly like the selection that started it (ARCHITECTURE.md, "Permissions":
 * nothing forbidden is attempted blindly).
 *
 * The mapping, per job kind:
 * - `scan` → `list` on the source folder (nothing for a selected file whose row is known: the
 *   scan then only queues it, and its own job is checked);
 * - `upload`, `download`, `server-copy`, `local-copy`, `stream-copy` → checkTransfer (copy or
 *   move) with each end's own key;
 * - `delete`, `rmdir` → `hide`, `delete` or `delete-all-versions` by remove mode (local: `delete`);
 * - `mkdir` → `mkdir` on the new folder.
 *
 * It lives in src/transfers/ because both src/ui and src/commands may import the transfer layer,
 * and the transfer layer may import the pure src/state rules (ARCHITECTURE.md, "Layers"); the engine
 * itself does not use it — callers pass it as EngineOptions `checkPermission`.
 */
import type { RemoveMode } from '../providers/types.js';
import type { KeyInfo } from '../state/model/key-info.js';
import { ruleLocation } from '../state/location/rule-location.js';
import {
  checkAction,
  checkTransfer,
  type Location,
  type PermissionAction,
  type PermissionDecision,
} from '../state/permissions/permissions.js';
import type { PermissionAnswer, PermissionQuery, Location as QueueLocation } from './types.js';

/** The key of each provider reference; null for a local side (and for "not signed in"). */
export type KeyOfRef = (ref: string) => KeyInfo | null;

/** Whether a provider reference is the local disk. Default: the reference `local`. */
export type IsLocalRef = (ref: string) => boolean;

/** The reference the CLI and the TUI use for the local disk. */
export const LOCAL_PROVIDER_REF = 'local';

const defaultIsLocal: IsLocalRef = (ref) => ref === LOCAL_PROVIDER_REF;

/** The type of a bucket as provider `ref` knows it (`allPublic`, …), or undefined. */
export type BucketTypeOf = (ref: string, bucket: string) => string | undefined;

/** A queue location as the rules see it; `dir` marks a folder (its key gets a trailing `/`). */
export function queueRuleLocation(
  loc: QueueLocation,
  dir: boolean,
  isLocal: IsLocalRef = defaultIsLocal,
  typeOf: BucketTypeOf = () => undefined,
): Location {
  if (isLocal(loc.provider)) return ruleLocation('local', loc.path, { dir });
  const bucket = loc.path.replace(/^\/+/, '').split('/')[0] ?? '';
  return ruleLocation('b2', loc.path, { dir, bucketType: bucket === '' ? undefined : typeOf(loc.provider, bucket) });
}

/**
 * The permission action that removing with `mode` is (local removal is always `delete`).
 * @param knownVersion the version to delete is named by its file ID, so nothing is listed to find it
 */
export function removeAction(mode: RemoveMode, onB2: boolean, knownVersion = false): PermissionAction {
  if (!onB2) return 'delete';
  switch (mode) {
    case 'default':
    case 'hide':
      return 'hide';
    case 'delete-version':
      return knownVersion ? 'delete-known-version' : 'delete';
    case 'all-versions':
      return 'delete-all-versions';
    default: {
      const never: never = mode;
      return never;
    }
  }
}

/** A rules decision as the engine's answer. */
export function toAnswer(d: PermissionDecision): PermissionAnswer {
  return d.allowed ? { allowed: true } : { allowed: false, reason: d.reason ?? 'Not allowed.', missing: d.missing };
}

/**
 * A `checkPermission` for the engine (EngineOptions).
 * @param keyOf the key of each provider reference
 * @param now the clock (ms since the epoch), for key expiry
 * @param isLocal which references are the local disk
 * @param typeOf bucket types the providers have learnt (anyone may download from a public bucket)
 */
export function engineChecker(
  keyOf: KeyOfRef,
  now: () => number,
  isLocal: IsLocalRef = defaultIsLocal,
  typeOf: BucketTypeOf = () => undefined,
): (q: PermissionQuery) => PermissionAnswer {
  const at = (loc: QueueLocation, dir: boolean): Location => queueRuleLocation(loc, dir, isLocal, typeOf);
  return (q) => {
    const src = q.source;
    const dst = q.target;
    switch (q.kind) {
      case 'scan':
        return src && q.listsSource
          ? toAnswer(checkAction('list', at(src, true), keyOf(src.provider), now()))
          : { allowed: true };
      case 'mkdir':
        return dst ? toAnswer(checkAction('mkdir', at(dst, true), keyOf(dst.provider), now())) : { allowed: true };
      case 'delete':
      case 'rmdir': {
        if (!src) return { allowed: true };
        const action = removeAction(q.removeMode ?? 'default', !isLocal(src.provider), q.knownVersion === true);
        return toAnswer(checkAction(action, at(src, q.kind === 'rmdir'), keyOf(src.provider), now()));
      }
      case 'upload':
      case 'download':
      case 'server-copy':
      case 'local-copy':
      case 'stream-copy': {
        if (!src || !dst) return { allowed: true };
        const keys = { source: keyOf(src.provider), destination: keyOf(dst.provider) };
        const op = q.operation === 'delete' ? 'copy' : q.operation;
        return toAnswer(checkTransfer(op, at(src, false), at(dst, false), keys, now()));
      }
      default: {
        const never: never = q.kind;
        return never;
      }
    }
  };
}
