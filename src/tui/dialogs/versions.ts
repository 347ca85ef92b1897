/**
 * v: every version of a B2 file, newest first, streamed in from the provider (pages of an older
 * request are dropped). Its keys are the keymap context `versions`: ↑↓ move, Enter/F3 shows the
 * version's details, F5 copies that exact version to the other pane, F8 deletes exactly that
 * version after a typed confirmation (./confirm-delete.ts; a hide marker: ./delete-version.ts). Permission rules refuse with their reason.
 */
import type { PaneSide } from '../../state/app/app-state.js';
import { activePane, otherSide } from '../../state/app/app-state.js';
import type { CommandId } from '../../state/keyboard/commands.js';
import type { PaneLocation } from '../../state/location/pane-location.js';
import type { Entry, VersionEntry } from '../../state/model/entry.js';
import { cursorEntry } from '../../state/pane/pane-selectors.js';
import { isDirLike } from '../../state/pane/pane-state.js';
import { checkTransfer, permissionsForLocation } from '../../state/permissions/permissions.js';
import { destinationLocation, entryLocation } from '../../state/location/pane-rule-location.js';
import { paneKey, setStatus, snapshot, type ControllerDeps } from '../controller-deps.js';
import { firstRefusal } from './choices.js';
import { clampIndex, closeDialog, openDialog, replaceDialog, type DialogModule } from './dialog-module.js';
import { askToTypeYes } from './confirm-delete.js';
import { deleteTargetsLock } from '../../state/permissions/object-lock.js';

/** Where a versions listing is. */
export type VersionsLoad = { kind: 'loading' } | { kind: 'loaded' } | { kind: 'failed'; message: string };

export interface VersionsDialog {
  kind: 'versions';
  side: PaneSide;
  at: PaneLocation;
  entry: Entry;
  /** The listing request whose pages this dialog accepts. */
  requestId: number;
  versions: readonly VersionEntry[];
  load: VersionsLoad;
  cursor: number;
  /** The cursor's version is shown in full (Enter/F3) under the list. */
  detail: boolean;
}

/** The versions listing arriving (each carries the request it answers). */
export type VersionsAction =
  | { type: 'versionsPage'; requestId: number; versions: readonly VersionEntry[] }
  | { type: 'versionsDone'; requestId: number }
  | { type: 'versionsFailed'; requestId: number; message: string };

/** Opens the versions dialog for `entry` and starts loading its versions. */
export function requestVersions(d: ControllerDeps, side: PaneSide, at: PaneLocation, entry: Entry): void {
  const requestId = d.direct.nextVersionsRequest();
  openDialog(d, {
    kind: 'versions',
    side,
    at,
    entry,
    requestId,
    versions: [],
    load: { kind: 'loading' },
    cursor: 0,
    detail: false,
  });
  void d.direct.loadVersions(at, entry, requestId);
}

/** Opens the versions of the file under the active pane's cursor, or says why not. */
export function openVersionsDialog(d: ControllerDeps): void {
  const s = snapshot(d).app;
  const pane = activePane(s);
  const cursor = cursorEntry(pane);
  if (cursor === null || cursor.kind !== 'file')
    return setStatus(d, 'Put the cursor on a file to see its versions.', 'warning');
  const refusal = firstRefusal('show-versions', pane.location, [cursor], paneKey(d, s.active).key, d.now());
  if (refusal !== null) return setStatus(d, refusal, 'error');
  requestVersions(d, s.active, pane.location, cursor);
}

function askDelete(d: ControllerDeps, dialog: VersionsDialog, version: VersionEntry): void {
  const key = paneKey(d, dialog.side).key;
  const decision = permissionsForLocation(entryLocation(dialog.at, version), key, d.now()).delete;
  if (!decision.allowed) return setStatus(d, decision.reason ?? 'Not allowed.', 'error');
  // A hide marker's deletion unhides the name (no data goes): one step. A real version: type yes.
  if (version.action === 'hide') return replaceDialog(d, { kind: 'deleteVersion', version, back: dialog });
  const lock = deleteTargetsLock([{ ...version, kind: 'file', hidden: false }], false, key, d.now());
  if (lock.refusal !== null) return setStatus(d, lock.refusal, 'error');
  askToTypeYes(d, { kind: 'version', version, bypass: lock.bypass }, dialog);
}

function copyVersion(d: ControllerDeps, dialog: VersionsDialog, version: VersionEntry): void {
  if (version.action !== 'upload') return setStatus(d, 'A hide marker has no bytes to copy.', 'warning');
  const to = snapshot(d).app.panes[otherSide(dialog.side)].location;
  const keys = { source: paneKey(d, dialog.side).key, destination: paneKey(d, otherSide(dialog.side)).key };
  const decision = checkTransfer(
    'copy',
    entryLocation(dialog.at, version),
    destinationLocation(to, version.name, isDirLike(version)),
    keys,
    d.now(),
  );
  if (!decision.allowed) return setStatus(d, decision.reason ?? 'Not allowed.', 'error');
  d.transfers.copyVersion(dialog.at, to, version);
}

/** How far each cursor command moves in the list (the reducer clamps to the ends). */
const MOVES: Partial<Record<CommandId, number>> = {
  cursorUp: -1,
  cursorDown: 1,
  cursorPageUp: -10,
  cursorPageDown: 10,
  cursorHome: -Number.MAX_SAFE_INTEGER,
  cursorEnd: Number.MAX_SAFE_INTEGER,
};

export const versionsDialog: DialogModule<VersionsDialog, VersionsAction> = {
  keyContext: 'versions',
  reduce(d, a) {
    switch (a.type) {
      case 'moveChoice':
        return { ...d, cursor: clampIndex(d.cursor + a.delta, d.versions.length) };
      case 'versionsPage':
        return d.requestId === a.requestId ? { ...d, versions: [...d.versions, ...a.versions] } : d;
      case 'versionsDone':
        return d.requestId === a.requestId ? { ...d, load: { kind: 'loaded' } } : d;
      case 'versionsFailed':
        return d.requestId === a.requestId ? { ...d, load: { kind: 'failed', message: a.message } } : d;
      case 'editField':
      case 'setError':
        return d;
      default: {
        const never: never = a;
        return never;
      }
    }
  },
  confirm: closeDialog,
  /** Commands without a meaning here do nothing. */
  command(d, cmd, dialog) {
    const version = dialog.versions[dialog.cursor] ?? null;
    const delta = MOVES[cmd];
    if (delta !== undefined) d.store.dispatch({ type: 'dialog', action: { type: 'moveChoice', delta } });
    else if (cmd === 'cancel') closeDialog(d);
    else if (version === null) return;
    else if (cmd === 'info') replaceDialog(d, { ...dialog, detail: !dialog.detail });
    else if (cmd === 'copy') copyVersion(d, dialog, version);
    else if (cmd === 'delete') askDelete(d, dialog, version);
  },
};
