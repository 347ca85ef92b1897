/**
 * Which permission rule stands behind each pane command, and the answers for a pane's folder:
 * the same answers grey out the function-key bar and refuse the key when pressed anyway
 * (ARCHITECTURE.md, "Keypress flow", step 3; issue 6: "trying it anyway shows the permission rule's
 * reason in the status line and does nothing else").
 */
import type { CommandId } from '../../state/keyboard/commands.js';
import type { KeyInfo } from '../../state/model/key-info.js';
import type { PaneLocation } from '../../state/location/pane-location.js';
import { folderLocation } from '../../state/location/pane-rule-location.js';
import {
  anyChoice,
  deleteActions,
  SHARE_LIFETIMES,
  shareLifetimeDecision,
} from '../../state/permissions/permission-choices.js';
import {
  actionLabel,
  checkTransfer,
  permissionsForLocation,
  type Location,
  type PermissionAction,
  type PermissionDecision,
} from '../../state/permissions/permissions.js';
import type { RegistrySnapshot } from '../providers/provider-registry.js';

const COMMAND_ACTIONS: Partial<Record<CommandId, PermissionAction>> = {
  copy: 'copy',
  move: 'move',
  // C copies the active pane's folder into the other one (its removals are choices in the dialog).
  sync: 'copy',
  rename: 'rename',
  mkdir: 'mkdir',
  delete: 'delete',
  unhide: 'unhide',
  shareLink: 'share-link',
  bucketType: 'update-bucket',
  versions: 'show-versions',
  info: 'info',
  view: 'view',
  edit: 'edit',
  refresh: 'list',
  find: 'list',
};

/** The rule a pane command is checked against, or null for commands every key may use. */
export function paneCommandAction(cmd: CommandId): PermissionAction | null {
  return COMMAND_ACTIONS[cmd] ?? null;
}

/** A pane as the rules need it: where it is and its key (null: local, or not connected yet). */
export interface PaneKey {
  location: PaneLocation;
  key: KeyInfo | null;
  /** Why there is no key on a B2 pane yet ("Connecting…"), or null. */
  pendingReason: string | null;
  /** The type of the pane's bucket when known (`allPublic`, …). */
  bucketType?: string;
}

/** A pane's key from the registry's connection states (and its bucket's type, when known). */
export function paneKeyOf(location: PaneLocation, connections: RegistrySnapshot, bucketType?: string): PaneKey {
  if (location.kind === 'local') return { location, key: null, pendingReason: null };
  const c = connections[location.profile];
  if (c?.state === 'ready') return { location, key: c.keyInfo, pendingReason: null, bucketType };
  const pendingReason = c?.state === 'failed' ? c.message : `Still connecting to the account "${location.profile}"…`;
  return { location, key: null, pendingReason };
}

function refused(reason: string): PermissionDecision {
  return { allowed: false, reason, missing: [] };
}

/**
 * The decision for every pane command with a rule, for the active pane's folder. Copy and move
 * also check the other pane's folder as the destination.
 */
export function paneDecisions(active: PaneKey, other: PaneKey, now: number): Map<CommandId, PermissionDecision> {
  const out = new Map<CommandId, PermissionDecision>();
  const here = permissionsForLocation(folderLocation(active.location, active.bucketType), active.key, now);
  for (const cmd of [
    'copy',
    'move',
    'sync',
    'rename',
    'mkdir',
    'delete',
    'unhide',
    'shareLink',
    'bucketType',
    'versions',
    'info',
    'view',
    'edit',
    'refresh',
    'find',
  ] as const) {
    const action = paneCommandAction(cmd);
    if (action === null) continue;
    // Copy and move are judged with both ends (a download, say, needs less than a server-side copy).
    let d =
      cmd === 'copy' || cmd === 'move' || cmd === 'sync'
        ? transferDecision(cmd === 'sync' ? 'copy' : cmd, active, other, now)
        : choicesDecision(cmd, action, here, active, now);
    if (!d.allowed && active.location.kind === 'b2' && active.key === null && active.pendingReason !== null)
      d = refused(active.pendingReason);
    out.set(cmd, d);
  }
  return out;
}

/**
 * A command's decision from the choices its dialog offers: Delete is allowed when any of its ways
 * is (permission-choices.ts); Share link when sharing is and some lifetime is. Copy and move
 * always offer "overwrite", which needs nothing beyond the copy itself.
 */
function choicesDecision(
  cmd: CommandId,
  action: PermissionAction,
  here: Record<PermissionAction, PermissionDecision>,
  pane: PaneKey,
  now: number,
): PermissionDecision {
  // Info on a bucket shows what the bucket list already told: whoever sees the list may look.
  // (B2's readBuckets capability belongs to its S3 API; the native bucket objects come with
  // b2_list_buckets, docs/b2-api.md §2.1.)
  if (cmd === 'info' && atBucketList(pane) && pane.key !== null) return { allowed: true, reason: null, missing: [] };
  // In the bucket list, F7 and F8 act on buckets (docs/b2-api.md §4.6).
  if (atBucketList(pane) && cmd === 'mkdir') return here['create-bucket'];
  if (atBucketList(pane) && cmd === 'delete') return here['delete-bucket'];
  if (cmd === 'bucketType' && !atBucketList(pane))
    return refused('Public or private is set in the bucket list: go up to the buckets (Backspace) first.');
  if (cmd === 'delete')
    return anyChoice(
      actionLabel('delete'),
      deleteActions(pane.location.kind === 'b2').map((a) => here[a]),
      here.delete,
    );
  if (cmd === 'shareLink' && here[action].allowed)
    return anyChoice(
      actionLabel(action),
      SHARE_LIFETIMES.map((s) => shareLifetimeDecision(s, pane.key, now)),
    );
  return here[action];
}

function transferDecision(op: 'copy' | 'move', active: PaneKey, other: PaneKey, now: number): PermissionDecision {
  const to = other.location;
  if (to.kind === 'b2' && to.bucket === null) {
    return refused(
      `${op === 'copy' ? 'Copy' : 'Move'} goes into the folder the other pane shows; open a bucket there first.`,
    );
  }
  if (to.kind === 'b2' && other.key === null && other.pendingReason !== null) return refused(other.pendingReason);
  const keys = { source: active.key, destination: other.key };
  // F5 on a bucket in the bucket list copies what it holds (into a folder named after it): judged
  // for a whole bucket the key may reach; the bucket under the cursor is checked when it runs.
  if (op === 'copy' && atBucketList(active))
    return checkTransfer(op, wholeBucket(active.key), folderLocation(to, other.bucketType), keys, now);
  return checkTransfer(
    op,
    folderLocation(active.location, active.bucketType),
    folderLocation(to, other.bucketType),
    keys,
    now,
  );
}

/** True when the pane shows an account's bucket list. */
function atBucketList(pane: PaneKey): boolean {
  return pane.location.kind === 'b2' && pane.location.bucket === null;
}

/** A whole bucket as the rules see it: the key's own (first) bucket, or any bucket for a key on all. */
function wholeBucket(key: KeyInfo | null): Location {
  const own = key?.buckets?.find((b): b is { id: string; name: string } => b.name !== null);
  return { kind: 'b2', bucket: own === undefined ? { name: '' } : { id: own.id, name: own.name }, key: '' };
}
