/**
 * The choices the copy/move and delete dialogs offer, each saying exactly what it does, and each
 * delete mode checked against the key for every target (so a mode the key forbids is shown greyed
 * with its reason instead of failing later).
 */
import type { Entry, RemoveMode } from '../../providers/types.js';
import type { KeyInfo } from '../../state/key-info.js';
import type { PaneLocation } from '../../state/pane-location.js';
import { checkAction, type PermissionAction } from '../../state/permissions.js';
import type { ConflictPolicy } from '../../transfers/index.js';
import { entryLocation } from '../app/command-permissions.js';
import type { ChoiceOption } from './dialog-data.js';

/** What to do when a file already exists at the destination. */
export function conflictChoices(): ChoiceOption<ConflictPolicy>[] {
  const c = (value: ConflictPolicy, label: string, detail: string): ChoiceOption<ConflictPolicy> => ({ value, label, detail, allowed: true, reason: null });
  return [
    c('ask', 'Ask', 'For each file that already exists, ask what to do.'),
    c('skip', 'Skip existing', 'Leave files that already exist alone.'),
    c('overwrite-if-newer', 'Overwrite older', 'Replace an existing file only when the one copied is newer.'),
    c('overwrite', 'Overwrite', 'Replace files that already exist.'),
    c('rename', 'Keep both', 'Save the copy under a numbered name, like "name (1).txt".'),
  ];
}

interface ModeRow {
  value: RemoveMode;
  action: PermissionAction;
  label: string;
  detail: string;
}

const B2_MODES: readonly ModeRow[] = [
  {
    value: 'hide',
    action: 'hide',
    label: 'Hide',
    detail: 'Adds a hide marker: the name leaves the listing, every version is kept, and u (unhide) brings it back.',
  },
  {
    value: 'delete-version',
    action: 'delete',
    label: 'Delete this version',
    detail: 'Deletes the newest version of each file for good; an older version, if there is one, shows again.',
  },
  {
    value: 'all-versions',
    action: 'delete-all-versions',
    label: 'Delete all versions',
    detail: 'Deletes every version of each name for good. Nothing can bring them back.',
  },
];

/** The first refusal of `action` over `targets`, or null when the key allows it for all. */
export function firstRefusal(action: PermissionAction, at: PaneLocation, targets: readonly Entry[], key: KeyInfo | null, now: number): string | null {
  for (const e of targets) {
    const d = checkAction(action, entryLocation(at, e), key, now);
    if (!d.allowed) return d.reason ?? 'Not allowed.';
  }
  return null;
}

/**
 * Delete modes for `targets` in `at`: on the local disk one mode (deleted for good); on B2 hide,
 * delete this version and delete all versions, each allowed or not for every target.
 */
export function deleteChoices(at: PaneLocation, targets: readonly Entry[], key: KeyInfo | null, now: number): ChoiceOption<RemoveMode>[] {
  if (at.kind === 'local') {
    return [{ value: 'default', label: 'Delete', detail: 'Deletes them from the disk for good, folders with everything in them. There is no undo.', allowed: true, reason: null }];
  }
  return B2_MODES.map((m) => {
    const reason = firstRefusal(m.action, at, targets, key, now);
    return { value: m.value, label: m.label, detail: m.detail, allowed: reason === null, reason };
  });
}

/** Share-link lifetimes offered (B2 allows 1 s … 7 days). */
export function lifetimeChoices(): ChoiceOption<number>[] {
  const c = (value: number, label: string): ChoiceOption<number> => ({ value, label, detail: `Anyone with the link can download the file for ${label.toLowerCase()}.`, allowed: true, reason: null });
  return [c(3_600, '1 hour'), c(86_400, '1 day'), c(604_800, '7 days')];
}

/** Index of the first allowed choice (0 when none is). */
export function firstAllowed<T>(choices: readonly ChoiceOption<T>[]): number {
  const i = choices.findIndex((c) => c.allowed);
  return i < 0 ? 0 : i;
}
