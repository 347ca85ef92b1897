/**
 * The transfer engine asks before every job whether the key allows it (EngineOptions
 * `checkPermission`); this answers with the same permission rules that grey out the keys, so
 * nothing inside a copied or deleted folder is attempted blindly either.
 */
import type { RemoveMode } from '../../providers/types.js';
import type { KeyInfo } from '../../state/key-info.js';
import { b2LocationFromPath, checkAction, checkTransfer, localLocation, type Location, type PermissionAction, type PermissionDecision } from '../../state/permissions.js';
import type { PermissionAnswer, PermissionQuery, Location as QueueLocation } from '../../transfers/index.js';
import { LOCAL_REF } from './provider-registry.js';

/** KeyInfo of a provider reference (`local` → null). */
export type KeyOfRef = (ref: string) => KeyInfo | null;

function ruleLocation(loc: QueueLocation, dir: boolean): Location {
  return loc.provider === LOCAL_REF ? localLocation(loc.path) : b2LocationFromPath(loc.path, { dir });
}

/** The permission action that removing with `mode` is, on B2 (local removal is always `delete`). */
export function removeAction(mode: RemoveMode, onB2: boolean): PermissionAction {
  if (!onB2) return 'delete';
  switch (mode) {
    case 'default':
    case 'hide':
      return 'hide';
    case 'delete-version':
      return 'delete';
    case 'all-versions':
      return 'delete-all-versions';
    default: {
      const never: never = mode;
      return never;
    }
  }
}

function answer(d: PermissionDecision): PermissionAnswer {
  return d.allowed ? { allowed: true } : { allowed: false, reason: d.reason ?? 'Not allowed.', missing: d.missing };
}

/**
 * A `checkPermission` for the engine.
 * @param keyOf the key of each provider reference
 * @param now the clock (ms since the epoch), for key expiry
 */
export function engineChecker(keyOf: KeyOfRef, now: () => number): (q: PermissionQuery) => PermissionAnswer {
  return (q) => {
    const dir = q.kind === 'scan' || q.kind === 'mkdir' || q.kind === 'rmdir';
    const src = q.source;
    const dst = q.target;
    switch (q.kind) {
      case 'scan':
        return src ? answer(checkAction('list', ruleLocation(src, true), keyOf(src.provider), now())) : { allowed: true };
      case 'mkdir':
        return dst ? answer(checkAction('mkdir', ruleLocation(dst, true), keyOf(dst.provider), now())) : { allowed: true };
      case 'delete':
      case 'rmdir': {
        if (!src) return { allowed: true };
        const action = removeAction(q.removeMode ?? 'default', src.provider !== LOCAL_REF);
        return answer(checkAction(action, ruleLocation(src, dir), keyOf(src.provider), now()));
      }
      case 'upload':
      case 'download':
      case 'server-copy':
      case 'local-copy':
      case 'stream-copy': {
        if (!src || !dst) return { allowed: true };
        const keys = { source: keyOf(src.provider), destination: keyOf(dst.provider) };
        const op = q.operation === 'delete' ? 'copy' : q.operation;
        return answer(checkTransfer(op, ruleLocation(src, false), ruleLocation(dst, false), keys, now()));
      }
      default: {
        const never: never = q.kind;
        return never;
      }
    }
  };
}
