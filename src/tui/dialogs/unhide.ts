/** u: unhide the selected hidden B2 files (delete the hide marker on top of each name). */
import type { PaneSide } from '../../state/app/app-state.js';
import { activePane } from '../../state/app/app-state.js';
import type { PaneLocation } from '../../state/location/pane-location.js';
import type { Entry } from '../../state/model/entry.js';
import { operationTargets } from '../../state/pane/pane-selectors.js';
import { paneKey, setStatus, snapshot, type ControllerDeps } from '../controller-deps.js';
import { firstRefusal } from './choices.js';
import { closeDialog, openDialog, type DialogModule } from './dialog-module.js';

export interface UnhideDialog {
  kind: 'unhide';
  side: PaneSide;
  at: PaneLocation;
  targets: readonly Entry[];
}

/** Opens the unhide dialog for the hidden files among the active pane's targets, or says why not. */
export function openUnhideDialog(d: ControllerDeps): void {
  const s = snapshot(d).app;
  const pane = activePane(s);
  const targets = operationTargets(pane).filter((e) => e.hidden === true);
  if (targets.length === 0)
    return setStatus(d, 'Only hidden files can be unhidden: press . to show them, then choose one.', 'warning');
  const refusal = firstRefusal('unhide', pane.location, targets, paneKey(d, s.active).key, d.now());
  if (refusal !== null) return setStatus(d, refusal, 'error');
  openDialog(d, { kind: 'unhide', side: s.active, at: pane.location, targets });
}

export const unhideDialog: DialogModule<UnhideDialog> = {
  confirm(deps, d) {
    closeDialog(deps);
    void deps.direct.unhide(d.side, d.at, d.targets);
  },
};
