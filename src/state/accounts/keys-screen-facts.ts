/**
 * The key inspector's facts: everything b2c knows about one application key, as plain data. The
 * same facts feed the inspector component (through ./keys-screen-lines.ts) and `b2c keys inspect`
 * (as JSON, and as text through the same lines), so the two can never disagree.
 *
 * Pure: no I/O, no clock (`now` is an argument, ms since the epoch). Carries no secret: KeyInfo has
 * none, and nothing here accepts one.
 */
import { groupCapabilities } from '../permissions/capabilities.js';
import type { CommandId } from '../keyboard/commands.js';
import type { KeyInfo } from '../model/key-info.js';
import { DEFAULT_KEYMAP, keysForCommand, type Keymap } from '../keyboard/keymap.js';
import { formatKeyPattern } from '../keyboard/key-patterns.js';
import { ACTIONS, type PermissionAction } from '../permissions/permission-actions.js';
import { summarizeKey } from '../permissions/permission-summary.js';

/** Where the key came from: a saved profile, the B2_* environment variables, or the wizard (not saved yet). */
export type KeySource = 'profile' | 'env' | 'wizard';

/** Input of {@link keyFacts}. */
export interface KeyFactsInput {
  keyInfo: KeyInfo;
  /** The profile's name, or null (environment credentials, or a key not saved yet). */
  profileName: string | null;
  source: KeySource;
  /** API base URL, or null for the real B2. */
  endpoint: string | null;
  /** ms since the epoch. */
  now: number;
  /** Keymap used to name each action's key (default: the built-in one). */
  keymap?: Keymap;
}

/** One bucket the key is limited to. `name` is null when the bucket was deleted. */
export interface BucketFact {
  id: string;
  name: string | null;
  deleted: boolean;
}

/** One capability, held or not, with what it means in b2c. */
export interface CapabilityFact {
  name: string;
  group: string;
  groupLabel: string;
  held: boolean;
  /** What it lets a b2c user do (lower-case sentence fragment). */
  meaning: string;
  /** Labels of the b2c actions that need it ("Delete", "Unhide"). */
  usedBy: string[];
  /** False for a name the server sent that b2c does not know. */
  known: boolean;
}

/** One b2c action, allowed or not for this key. */
export interface ActionFact {
  action: PermissionAction;
  label: string;
  /** The key that runs it in the TUI ("F8", "Enter", "L"), or null when no key does directly. */
  key: string | null;
  allowed: boolean;
  /** Full sentence why not (null when allowed). */
  reason: string | null;
  /** Capability names, `bucket:*`, as in the permission rules. */
  missing: string[];
  /** "only in bucket photos, only for names starting with a/" when allowed within limits, else null. */
  limitedTo: string | null;
  /** A few words for one line: "needs deleteFiles", "key expired", or the limits. */
  brief: string;
}

/** Everything the inspector shows. JSON-safe: no functions, no secret. */
export interface KeyFacts {
  profile: string | null;
  source: KeySource;
  /** The API endpoint used (the real B2's when none was set). */
  endpoint: string;
  applicationKeyId: string;
  accountId: string;
  master: boolean;
  /** null = every bucket of the account. */
  buckets: BucketFact[] | null;
  namePrefix: string | null;
  /** ms since the epoch, or null for a key that never expires. */
  expiresAt: number | null;
  expired: boolean;
  /** Whole seconds until expiry (negative once expired), or null for no expiry. */
  secondsLeft: number | null;
  capabilities: CapabilityFact[];
  actions: ActionFact[];
}

/** The real B2's API base URL (what a profile without an endpoint talks to). */
export const REAL_B2_ENDPOINT = 'https://api.backblazeb2.com';

/**
 * The keymap command that runs each action in the panes. Download and upload are Copy (F5) towards
 * the other pane; hide and both deletes are behind Delete (F8), which asks which one. In the
 * bucket list, Make folder (F7) creates a bucket and Delete (F8) deletes one.
 */
const ACTION_COMMANDS: Record<PermissionAction, CommandId | null> = {
  'browse-bucket': 'open',
  'list-buckets': null,
  list: null,
  download: 'copy',
  view: 'view',
  edit: 'edit',
  upload: 'copy',
  copy: 'copy',
  move: 'move',
  rename: 'rename',
  mkdir: 'mkdir',
  hide: 'delete',
  unhide: 'unhide',
  delete: 'delete',
  'delete-all-versions': 'delete',
  // The command line's `rm --version ID`; in the panes a version is deleted from its listing.
  'delete-known-version': null,
  'share-link': 'shareLink',
  'show-versions': 'versions',
  info: 'info',
  // Behind the copy and move dialogs' conflict choices, not a key of its own.
  'look-up': null,
  'list-keys': 'keys',
  'create-key': 'keys',
  'delete-key': 'keys',
  'create-bucket': 'mkdir',
  'delete-bucket': 'delete',
  'update-bucket': 'bucketType',
};

/** The key people read for an action: its F-key if it has one, else its first key. */
export function actionKey(action: PermissionAction, keymap: Keymap = DEFAULT_KEYMAP): string | null {
  const command = ACTION_COMMANDS[action];
  if (command === null) return null;
  const patterns = keysForCommand(keymap, 'pane', command);
  const chosen = patterns.find((p) => /^f\d+$/.test(p)) ?? patterns[0];
  return chosen === undefined ? null : formatKeyPattern(chosen);
}

function brief(
  allowed: boolean,
  expired: boolean,
  missing: readonly string[],
  reason: string | null,
  limitedTo: string | null,
): string {
  if (allowed) return limitedTo ?? '';
  if (expired) return 'key expired';
  const caps = missing.filter((m) => !m.includes(':'));
  const parts: string[] = [];
  if (missing.includes('bucket:*')) parts.push('a key for all buckets');
  if (caps.length > 0) parts.push(caps.join(', '));
  return parts.length > 0 ? `needs ${parts.join(' with ')}` : (reason ?? 'not allowed');
}

/** Every fact about `keyInfo` at `now` (see {@link KeyFacts}). Pure. */
export function keyFacts(input: KeyFactsInput): KeyFacts {
  const { keyInfo, now } = input;
  const summary = summarizeKey(keyInfo, now);
  const keymap = input.keymap ?? DEFAULT_KEYMAP;
  const capabilities = groupCapabilities(keyInfo.capabilities).flatMap((g) =>
    g.rows.map((r): CapabilityFact => ({
      name: r.name,
      group: g.id,
      groupLabel: g.label,
      held: r.held,
      meaning: r.meaning,
      usedBy: ACTIONS.filter((a) => a.needs.includes(r.name) || a.destinationNeeds.includes(r.name)).map(
        (a) => a.label,
      ),
      known: r.known,
    })),
  );
  const actions = summary.actions.map((a): ActionFact => ({
    action: a.action,
    label: a.label,
    key: actionKey(a.action, keymap),
    allowed: a.allowed,
    reason: a.reason,
    missing: a.missing,
    limitedTo: a.limitedTo,
    brief: brief(a.allowed, summary.expired, a.missing, a.reason, a.limitedTo),
  }));
  return {
    profile: input.profileName,
    source: input.source,
    endpoint: input.endpoint ?? REAL_B2_ENDPOINT,
    applicationKeyId: keyInfo.applicationKeyId,
    accountId: keyInfo.accountId,
    master: keyInfo.isMaster,
    buckets:
      keyInfo.buckets === null
        ? null
        : keyInfo.buckets.map((b) => ({ id: b.id, name: b.name, deleted: b.name === null })),
    namePrefix: keyInfo.namePrefix,
    expiresAt: keyInfo.expiresAt,
    expired: summary.expired,
    secondsLeft: keyInfo.expiresAt === null ? null : Math.floor((keyInfo.expiresAt - now) / 1000),
    capabilities,
    actions,
  };
}
