/**
 * Account facts the `b2c keys` subcommands share: whether the key may do an account action
 * (asked of the permission rules before B2), and bucket names for showing a key's scope.
 */
import type { B2Provider } from '../providers/b2/index.js';
import { checkAction, type PermissionAction } from '../state/permissions/permissions.js';
import type { KeyInfo } from '../state/model/key-info.js';
import { CommandFailure } from './kit/index.js';

/**
 * Refuses an account action the key may not do, before calling B2 (nothing forbidden is
 * attempted blindly). @throws CommandFailure `permission-denied` with the rules' reason.
 */
export function requireAllowed(action: PermissionAction, key: KeyInfo, now: number): void {
  const decision = checkAction(action, { kind: 'b2', bucket: null, key: '' }, key, now);
  if (!decision.allowed) throw new CommandFailure('permission-denied', decision.reason ?? 'This key may not do that.');
}

/**
 * Bucket ID → name for the buckets this key can list; empty when it cannot list buckets (callers
 * then show IDs). Never throws for a listing failure: names are a nicety.
 */
export async function bucketNames(provider: B2Provider, key: KeyInfo, now: number): Promise<Map<string, string>> {
  const names = new Map<string, string>();
  for (const b of key.buckets ?? []) if (b.name !== null) names.set(b.id, b.name);
  if (!checkAction('list-buckets', { kind: 'b2', bucket: null, key: '' }, key, now).allowed) return names;
  try {
    for await (const page of provider.list('/')) {
      for (const e of page) if (e.bucketId !== undefined) names.set(e.bucketId, e.name);
    }
  } catch {
    // Keep what the key itself told us.
  }
  return names;
}
