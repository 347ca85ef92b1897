/**
 * "What this key can do", independent of any location: one line per action for the key inspector
 * and `b2c keys inspect`. Pure; `now` is an argument.
 */
import type { KeyInfo } from '../model/key-info.js';
import type { ActionInfo, PermissionAction } from './permission-actions.js';
import { ACTIONS } from './permission-actions.js';
import type { Problem } from './permission-reasons.js';
import { describeBuckets, expiredProblem, formatDay } from './permission-reasons.js';
import { isExpired, keyPrefix, problemsAt } from './permission-rules.js';

/** One action in the key summary. */
export interface ActionSummary {
  action: PermissionAction;
  label: string;
  allowed: boolean;
  /** Why not, as in checkAction; null when allowed. */
  reason: string | null;
  /** As in checkAction (capabilities, `bucket:*`); scope entries never appear here. */
  missing: string[];
  /**
   * When allowed but only within the key's limits: "only in bucket photos, only for names starting
   * with projects/a/". Null when the action is not limited by bucket or prefix, or not allowed.
   */
  limitedTo: string | null;
}

/** The whole summary. */
export interface KeySummary {
  expired: boolean;
  /** "2026-05-01" (UTC) or null for a key that never expires. */
  expiresOn: string | null;
  /** The key's limits in words ("bucket photos, names starting with projects/a/"), null for none. */
  scope: string | null;
  actions: ActionSummary[];
}

function limitsOf(key: KeyInfo, info: ActionInfo): string | null {
  const parts: string[] = [];
  switch (info.scope) {
    case 'account':
    case 'bucket':
      return null;
    case 'buckets':
      if (key.buckets !== null) parts.push(`only ${describeBuckets(key.buckets)}`);
      break;
    case 'reach':
    case 'inside':
    case 'siblings':
    case 'placeholder': {
      if (key.buckets !== null) parts.push(`only in ${describeBuckets(key.buckets)}`);
      const prefix = keyPrefix(key);
      if (prefix !== null) parts.push(`only for names starting with ${prefix}`);
      break;
    }
    default: {
      const unreachable: never = info.scope;
      return unreachable;
    }
  }
  return parts.length === 0 ? null : parts.join(', ');
}

function summarizeAction(info: ActionInfo, key: KeyInfo, expired: Problem | null): ActionSummary {
  // B2→B2 is the case that asks most of one key, so copy/move/rename are summarised that way.
  const needs = [...new Set([...info.needs, ...info.destinationNeeds])];
  const problems = expired === null ? problemsAt(info, needs, info.scope, null, key, 'anywhere', null) : [expired];
  const allowed = problems.length === 0;
  return {
    action: info.id,
    label: info.label,
    allowed,
    reason: allowed ? null : [...new Set(problems.map((p) => p.sentence))].join(' '),
    missing: [...new Set(problems.flatMap((p) => p.missing))],
    limitedTo: allowed ? limitsOf(key, info) : null,
  };
}

/**
 * Summarises what `key` can do at `now` (ms since the epoch): every action of the table in order,
 * allowed or not with the reason, and for allowed ones the bucket/prefix limits they work within.
 * An expired key is refused everything with the expiry reason.
 */
export function summarizeKey(key: KeyInfo, now: number): KeySummary {
  const expired = isExpired(key, now) && key.expiresAt !== null ? expiredProblem(key.expiresAt) : null;
  const scopeParts: string[] = [];
  if (key.buckets !== null) scopeParts.push(describeBuckets(key.buckets));
  const prefix = keyPrefix(key);
  if (prefix !== null) scopeParts.push(`names starting with ${prefix}`);
  return {
    expired: expired !== null,
    expiresOn: key.expiresAt === null ? null : formatDay(key.expiresAt),
    scope: scopeParts.length === 0 ? null : scopeParts.join(', '),
    actions: ACTIONS.map((info) => summarizeAction(info, key, expired)),
  };
}
