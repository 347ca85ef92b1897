/**
 * The choices behind a command, each judged by the permission rules (issue 9: "a choice inside a
 * dialog is greyed with its reason; the F-key bar greys a key only when every choice behind it is
 * forbidden"). Pure: `now` is an argument.
 *
 * - Delete (F8) on B2 offers hide, delete this version and delete all versions; on the local disk
 *   one way. The key is usable when any of them is.
 * - Share link (L) offers lifetimes. B2 takes 1 s … 7 days; a link cannot outlast the key that
 *   signs it (the built-in server ends its download authorizations with the key, see
 *   src/emulator/auth/tokens.ts), so a lifetime past the key's expiry is refused.
 * - Copy and move offer conflict policies; all but "overwrite" must look the destination name up
 *   first, which is the `look-up` action (judged where the destination is).
 */
import { formatDuration } from '../text/format.js';
import type { KeyInfo } from '../model/key-info.js';
import type { PermissionAction } from './permission-actions.js';
import { actionLabel } from './permission-actions.js';
import { formatDay } from './permission-reasons.js';
import { decide, type PermissionDecision } from './permissions.js';

/** The delete ways on B2, in the order the dialog offers them. */
export const B2_DELETE_ACTIONS: readonly PermissionAction[] = ['hide', 'delete', 'delete-all-versions'];

/** The actions behind Delete at a place: the three B2 ways, or the local disk's one. */
export function deleteActions(onB2: boolean): readonly PermissionAction[] {
  return onB2 ? B2_DELETE_ACTIONS : ['delete'];
}

/**
 * One decision for a command from the decisions of its choices: allowed when any choice is; when
 * none is, every distinct reason, prefixed by the command's label when there are several — or
 * only one when none is about the key (no bucket open here: all say the same thing), the
 * command's own decision `own` when given.
 */
export function anyChoice(
  label: string,
  choices: readonly PermissionDecision[],
  own?: PermissionDecision,
): PermissionDecision {
  if (choices.length === 0 || choices.some((c) => c.allowed)) return { allowed: true, reason: null, missing: [] };
  // Refused for where it is, not for the key (no bucket open, not signed in): one reason says it,
  // the command's own (`own`) when given.
  const first = own ?? choices[0];
  if (first !== undefined && choices.every((c) => c.missing.length === 0)) return first;
  const reasons = [...new Set(choices.map((c) => c.reason ?? 'Not allowed.'))];
  const missing = [...new Set(choices.flatMap((c) => c.missing))];
  const reason = reasons.length === 1 ? (reasons[0] ?? '') : `${label}: no way is allowed here. ${reasons.join(' ')}`;
  return { allowed: false, reason, missing };
}

/** The share-link lifetimes the dialog offers, in seconds: 1 hour, 1 day, 7 days. */
export const SHARE_LIFETIMES: readonly number[] = [3_600, 86_400, 604_800];

/** Shortest and longest share-link lifetime B2 accepts, in seconds. */
export const SHARE_LIFETIME_LIMITS = { min: 1, max: 604_800 } as const;

/**
 * May a share link made with `key` last `seconds`? Within B2's 1 s … 7 days, and not past the
 * key's expiry. (Whether the key may share here at all is the `share-link` action.)
 */
export function shareLifetimeDecision(seconds: number, key: KeyInfo | null, now: number): PermissionDecision {
  const label = actionLabel('share-link');
  if (seconds < SHARE_LIFETIME_LIMITS.min || seconds > SHARE_LIFETIME_LIMITS.max) {
    return decide([{ missing: [], sentence: `${label}s last from 1 second to 7 days on B2.` }]);
  }
  if (key === null || key.expiresAt === null || now + seconds * 1000 <= key.expiresAt) return decide([]);
  const left = Math.max(0, Math.floor((key.expiresAt - now) / 1000));
  return decide([
    {
      missing: [],
      sentence: `This key expires on ${formatDay(key.expiresAt)} (in ${formatDuration(left)}), and a link it makes stops working then: choose a shorter time.`,
    },
  ]);
}
