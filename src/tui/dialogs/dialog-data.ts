/**
 * What an open dialog holds (app-state.ts keeps only which kind is open; the form lives here).
 * Pure data, changed only by ./dialog-reducer.ts.
 */
import type { RemoveMode } from '../../providers/types.js';
import type { Entry, VersionEntry } from '../../state/model/entry.js';
import type { DialogKind, PaneSide } from '../../state/app/app-state.js';
import type { PaneLocation } from '../../state/location/pane-location.js';
import type { EntryTotals } from '../../state/pane/pane-selectors.js';
import type { ConflictPolicy, ConflictQuestion, ConflictChoice } from '../../transfers/index.js';
import type { LineState } from '../../state/keyboard/line-edit.js';

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
}

/** Text prompts. */
export type PromptPurpose = 'rename' | 'mkdir' | 'selectByMask' | 'unselectByMask';

/** A place the location picker offers. */
export interface PickerItem {
  label: string;
  location: PaneLocation;
}

/** Where the share dialog is. */
export type ShareStage =
  | { kind: 'choose' }
  | { kind: 'working' }
  | { kind: 'done'; url: string; lifetimeSeconds: number }
  | { kind: 'failed'; message: string };

/** Where a versions listing is. */
export type VersionsLoad = { kind: 'loading' } | { kind: 'loaded' } | { kind: 'failed'; message: string };

/** A conflict answer as offered: the choice, once or for the rest of the group. */
export interface ConflictOption {
  choice: ConflictChoice;
  applyToAll: boolean;
}

export type DialogData =
  | {
      kind: 'transfer';
      op: 'copy' | 'move';
      side: PaneSide;
      targets: readonly Entry[];
      totals: EntryTotals;
      from: PaneLocation;
      to: PaneLocation;
      choices: ChoiceOption<ConflictPolicy>[];
      choice: number;
    }
  | {
      kind: 'delete';
      side: PaneSide;
      targets: readonly Entry[];
      totals: EntryTotals;
      at: PaneLocation;
      choices: ChoiceOption<RemoveMode>[];
      choice: number;
    }
  | { kind: 'prompt'; purpose: PromptPurpose; side: PaneSide; at: PaneLocation; subject: Entry | null; field: LineState; error: string | null }
  | { kind: 'unhide'; side: PaneSide; at: PaneLocation; targets: readonly Entry[] }
  | { kind: 'share'; side: PaneSide; entry: Entry; choices: ChoiceOption<number>[]; choice: number; stage: ShareStage }
  | { kind: 'info'; entry: Entry; at: PaneLocation }
  /** `detail`: the cursor's version is shown in full (Enter/F3) under the list. */
  | { kind: 'versions'; side: PaneSide; at: PaneLocation; entry: Entry; requestId: number; versions: readonly VersionEntry[]; load: VersionsLoad; cursor: number; detail: boolean }
  /** F8 in the versions dialog: delete exactly `version` (a hide marker: unhide); `back` is reopened after. */
  | { kind: 'deleteVersion'; version: VersionEntry; back: VersionsDialogData }
  | { kind: 'picker'; side: PaneSide; field: LineState; items: readonly PickerItem[]; cursor: number; error: string | null }
  /** `saves`: quitting keeps the unfinished work in the queue file for the next start. */
  | { kind: 'confirmQuit'; running: number; saves: boolean }
  /** At start: the previous session left unfinished transfers (the queue file). */
  | { kind: 'resumeQueue'; summary: PendingSummary; choices: ChoiceOption<ResumeChoice>[]; choice: number }
  | { kind: 'conflict'; question: ConflictQuestion; options: readonly ConflictOption[]; choice: number }
  | { kind: 'message'; title: string; text: string }
  /** A full-screen accounts screen (src/ui/accounts) for the profile of pane `side`. */
  | { kind: 'screen'; screen: AccountScreen; side: PaneSide; profile: string | null };

/** The versions dialog's data. */
export type VersionsDialogData = Extract<DialogData, { kind: 'versions' }>;

/** What the resume offer does: run the saved queue, delete it, or keep it for the next start. */
export type ResumeChoice = 'resume' | 'discard' | 'later';

/** A saved queue in numbers (transfers = groups, files and bytes still to do, files that failed). */
export interface PendingSummary {
  transfers: number;
  files: number;
  bytes: number;
  failed: number;
  unfinishedScans: number;
}

/** The accounts screens the panes open: I key inspector, K keys, P profiles. */
export type AccountScreen = 'keyInspector' | 'keys' | 'profiles';

/** The app-state dialog kind for a dialog (what the mode machine records). */
export function dialogKindOf(d: DialogData): DialogKind {
  switch (d.kind) {
    case 'transfer':
      return d.op;
    case 'delete':
      return 'delete';
    case 'prompt':
      return d.purpose;
    case 'unhide':
      return 'unhide';
    case 'share':
      return 'shareLink';
    case 'info':
      return 'info';
    case 'versions':
      return 'versions';
    case 'deleteVersion':
      return 'delete';
    case 'picker':
      return 'locationPicker';
    case 'confirmQuit':
      return 'confirmQuit';
    case 'resumeQueue':
      // src/state's DialogKind has no resume kind (not this layer's file): it is a notice to
      // answer, like an error, and the mode machine only needs "a dialog is open".
      return 'error';
    case 'conflict':
      // A conflict question belongs to a copy or move that is already running.
      return 'copy';
    case 'message':
      return 'error';
    case 'screen':
      return d.screen;
    default: {
      const never: never = d;
      return never;
    }
  }
}

/** True when the dialog has a text field that printable keys go to. */
export function hasTextField(d: DialogData | null): boolean {
  return d !== null && (d.kind === 'prompt' || d.kind === 'picker');
}
