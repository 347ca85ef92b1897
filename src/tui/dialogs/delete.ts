/**
 * F8 / Delete: how to delete the selection (else the row under the cursor). On the local disk one
 * way (for good); on B2 hide, delete this version or delete all versions, each greyed with its
 * reason when the key forbids it for any target.
 */
import type { RemoveMode } from '../../providers/types.js';
import type { PaneSide } from '../../state/app/app-state.js';
import { activePane } from '../../state/app/app-state.js';
import type { PaneLocation } from '../../state/location/pane-location.js';
import type { Entry } from '../../state/model/entry.js';
import { operationTargets, totalsOf, type EntryTotals } from '../../state/pane/pane-selectors.js';
import { paneKey, setStatus, snapshot, type ControllerDeps } from '../controller-deps.js';
import { allowedChoice, deleteChoices, firstAllowed, type ChoiceOption } from './choices.js';
import { closeAndClearSelection, openDialog, reduceChoice, type DialogModule } from './dialog-module.js';
import { NOTHING_TO_ACT_ON } from './transfer.js';
import { askToTypeYes } from './confirm-delete.js';
import { deleteTargetsLock } from '../../state/permissions/object-lock.js';

export interface DeleteDialog {
  kind: 'delete';
  side: PaneSide;
  targets: readonly Entry[];
  totals: EntryTotals;
  at: PaneLocation;
  choices: ChoiceOption<RemoveMode>[];
  choice: number;
}

/** Opens the delete dialog for the active pane (or deletes at once, see below), or says why not. */
export function openDeleteDialog(d: ControllerDeps): void {
  const s = snapshot(d).app;
  const side = s.active;
  const pane = activePane(s);
  const at = pane.location;
  const targets = operationTargets(pane);
  if (targets.length === 0) return setStatus(d, NOTHING_TO_ACT_ON, 'warning');
  const choices = deleteChoices(at, targets, paneKey(d, side).key, d.now());
  if (!choices.some((c) => c.allowed)) return setStatus(d, choices[0]?.reason ?? 'Not allowed.', 'error');
  // Settings `confirmDelete: false`: the local disk deletes at once. B2 always asks, because
  // the dialog is where hide, delete a version and delete all versions are chosen.
  if (!d.settings.confirmDelete && at.kind === 'local') {
    d.store.dispatch({ type: 'app', action: { type: 'pane', side, action: { type: 'clearSelection' } } });
    return d.transfers.delete(at, targets, 'default');
  }
  openDialog(d, {
    kind: 'delete',
    side,
    at,
    targets,
    totals: totalsOf(targets),
    choices,
    choice: firstAllowed(choices),
  });
}

export const deleteDialog: DialogModule<DeleteDialog> = {
  reduce: reduceChoice,
  confirm(deps, d) {
    const choice = allowedChoice(deps, d.choices, d.choice);
    if (choice === null) return;
    const mode = choice.value;
    // Deleting versions on B2 cannot be undone: a second, typed confirmation (hide stays one step).
    if (mode === 'delete-version' || mode === 'all-versions') {
      const { bypass } = deleteTargetsLock(d.targets, mode === 'delete-version', paneKey(deps, d.side).key, deps.now());
      return askToTypeYes(
        deps,
        { kind: 'entries', side: d.side, at: d.at, targets: d.targets, totals: d.totals, mode, bypass },
        d,
      );
    }
    closeAndClearSelection(deps, d.side);
    deps.transfers.delete(d.at, d.targets, mode);
  },
};
