/**
 * The choices the copy/move, delete and share dialogs offer, each saying exactly what it does and
 * each checked against the key (src/state/permissions/permission-choices.ts), so a
 * choice the key forbids is shown greyed with its reason instead of failing later.
 */
import type { RemoveMode } from '../../providers/types.js';
import type { Entry } from '../../state/model/entry.js';
import type { KeyInfo } from '../../state/model/key-info.js';
import type { PaneLocation } from '../../state/location/pane-location.js';
import { SHARE_LIFETIMES, shareLifetimeDecision } from '../../state/permissions/permission-choices.js';
import { checkAction, type Location, type PermissionAction } from '../../state/permissions/permissions.js';
import { deleteTargetsLock } from '../../state/permissions/object-lock.js';
import type { ConflictPolicy } from '../../transfers/index.js';
import { entryLocation } from '../../state/location/pane-rule-location.js';
import { setStatus, type ControllerDeps } from '../controller-deps.js';

/**
 * One choice of a radio list. A choice the key forbids stays visible with its reason (so the user
 * learns why) but cannot be confirmed.
 */
export interface ChoiceOption<T> {
  value: T;
  label: string;
  /** One sentence saying exactly what this choice does. */
  detail: string;
  allowed: boolean;
  /** Why not (raw: sanitise for display), null when allowed. */
  reason: string | null;
  /** Who refuses, when not the key: `lock` — Object Lock keeps the file (docs/b2-api.md §10.4). */
  refusedBy?: 'lock';
}

/**
 * The highlighted choice when the key allows it; otherwise null, and the status line says why
 * (the dialog stays open so another choice can be taken).
 */
export function allowedChoice<T>(
  d: ControllerDeps,
  choices: readonly ChoiceOption<T>[],
  index: number,
): ChoiceOption<T> | null {
  const choice = choices[index];
  if (choice === undefined) return null;
  if (choice.allowed) return choice;
  setStatus(d, choice.reason ?? 'Not allowed.', 'error');
  return null;
}

/**
 * The copy/move dialog's answers to "a file exists": the engine's policies, and `ask-later` —
 * ask, but only once everything else is done, all together (the engine's postponeQuestions).
 */
export type DialogConflictPolicy = ConflictPolicy | 'ask-later';

/**
 * What to do when a file already exists at the destination. Every policy but "overwrite" first
 * looks each name up there (the `look-up` action), so for a key that can neither list nor read
 * there (a write-only drop box) only "overwrite" is offered; on B2 it keeps the older version.
 * @param destinations where the copies land (checked with the destination pane's key)
 */
export function conflictChoices(
  destinations: readonly Location[],
  key: KeyInfo | null,
  now: number,
): ChoiceOption<DialogConflictPolicy>[] {
  let lookUp: string | null = null;
  for (const loc of destinations) {
    const d = checkAction('look-up', loc, key, now);
    if (!d.allowed) {
      lookUp = d.reason ?? 'Not allowed.';
      break;
    }
  }
  const c = (value: DialogConflictPolicy, label: string, detail: string): ChoiceOption<DialogConflictPolicy> => {
    const reason = value === 'overwrite' ? null : lookUp;
    return { value, label, detail, allowed: reason === null, reason };
  };
  return [
    c('ask', 'Ask', 'For each file that already exists, ask what to do.'),
    c('skip', 'Skip existing', 'Leave files that already exist alone.'),
    c('overwrite-if-newer', 'Overwrite older', 'Replace an existing file only when the one copied is newer.'),
    c('overwrite', 'Overwrite', 'Replace files that already exist (on B2 the older version is kept).'),
    c('rename', 'Keep both', 'Save the copy under a numbered name, like "name (1).txt".'),
    c(
      'ask-later',
      'Ask about conflicts at the end',
      'Set files that already exist aside and copy everything else first; then ask about them all together.',
    ),
  ];
}

interface ModeRow {
  value: RemoveMode;
  action: PermissionAction;
  label: string;
  /** What the mode does, worded for one file (`one`) or several. */
  detail: (one: boolean) => string;
}

const B2_MODES: readonly ModeRow[] = [
  {
    value: 'hide',
    action: 'hide',
    label: 'Hide',
    detail: () =>
      'Adds a hide marker: the name leaves the listing, every version is kept, and u (unhide) brings it back.',
  },
  {
    value: 'delete-version',
    action: 'delete',
    label: 'Delete this version',
    detail: (one) =>
      `Deletes the newest version of ${one ? 'the file' : 'each file'} for good; an older version, if there is one, shows again.`,
  },
  {
    value: 'all-versions',
    action: 'delete-all-versions',
    label: 'Delete all versions',
    detail: (one) =>
      `Deletes every version of ${one ? 'the name' : 'each name'} for good. Nothing can bring them back.`,
  },
];

/** The first refusal of `action` over `targets`, or null when the key allows it for all. */
export function firstRefusal(
  action: PermissionAction,
  at: PaneLocation,
  targets: readonly Entry[],
  key: KeyInfo | null,
  now: number,
): string | null {
  for (const e of targets) {
    const d = checkAction(action, entryLocation(at, e), key, now);
    if (!d.allowed) return d.reason ?? 'Not allowed.';
  }
  return null;
}

/** What deleting `targets` from the disk does, worded for one file, one folder or several. */
function localDeleteDetail(targets: readonly Entry[]): string {
  const folders = targets.filter((e) => e.kind === 'dir').length;
  if (targets.length === 1)
    return `Deletes it from the disk for good${folders === 1 ? ', with everything in it' : ''}. There is no undo.`;
  return `Deletes them from the disk for good${folders > 0 ? `, ${folders === 1 ? 'the folder' : 'folders'} with everything in ${folders === 1 ? 'it' : 'them'}` : ''}. There is no undo.`;
}

/**
 * Delete modes for `targets` in `at`: on the local disk one mode (deleted for good); on B2 hide,
 * delete this version and delete all versions, each allowed or not for every target — by the key,
 * and for deleting, by Object Lock (hiding a locked file is allowed: it deletes nothing).
 */
export function deleteChoices(
  at: PaneLocation,
  targets: readonly Entry[],
  key: KeyInfo | null,
  now: number,
): ChoiceOption<RemoveMode>[] {
  if (at.kind === 'local')
    return [{ value: 'default', label: 'Delete', detail: localDeleteDetail(targets), allowed: true, reason: null }];
  const oneFile = targets.length === 1 && targets[0]?.kind === 'file';
  return B2_MODES.map((m) => {
    const byKey = firstRefusal(m.action, at, targets, key, now);
    const byLock =
      byKey !== null || m.value === 'hide'
        ? null
        : deleteTargetsLock(targets, m.value === 'delete-version', key, now).refusal;
    const reason = byKey ?? byLock;
    const choice: ChoiceOption<RemoveMode> = {
      value: m.value,
      label: m.label,
      detail: m.detail(oneFile),
      allowed: reason === null,
      reason,
    };
    return byLock === null ? choice : { ...choice, refusedBy: 'lock' };
  });
}

const LIFETIME_LABELS: Readonly<Record<number, string>> = { 3_600: '1 hour', 86_400: '1 day', 604_800: '7 days' };

/** Share-link lifetimes offered, each judged against B2's limits and the key's expiry. */
export function lifetimeChoices(key: KeyInfo | null, now: number): ChoiceOption<number>[] {
  return SHARE_LIFETIMES.map((value) => {
    const label = LIFETIME_LABELS[value] ?? `${value} s`;
    const d = shareLifetimeDecision(value, key, now);
    return {
      value,
      label,
      detail: `Anyone with the link can download the file for ${label}.`,
      allowed: d.allowed,
      reason: d.reason,
    };
  });
}

/** Index of the first allowed choice (0 when none is). */
export function firstAllowed<T>(choices: readonly ChoiceOption<T>[]): number {
  const i = choices.findIndex((c) => c.allowed);
  return i < 0 ? 0 : i;
}
