/** F3 / i: the details of the file, folder or bucket under the cursor (read-only). */
import { activePane } from '../../state/app/app-state.js';
import type { PaneLocation } from '../../state/location/pane-location.js';
import type { Entry } from '../../state/model/entry.js';
import { cursorEntry } from '../../state/pane/pane-selectors.js';
import { paneKey, setStatus, snapshot, type ControllerDeps } from '../controller-deps.js';
import { firstRefusal } from './choices.js';
import { closeDialog, openDialog, type DialogModule } from './dialog-module.js';

export interface InfoDialog {
  kind: 'info';
  entry: Entry;
  at: PaneLocation;
}

/** Opens the info dialog for the active pane's cursor row, or says why not. */
export function openInfoDialog(d: ControllerDeps): void {
  const s = snapshot(d).app;
  const pane = activePane(s);
  const cursor = cursorEntry(pane);
  if (cursor === null) return setStatus(d, 'Put the cursor on a file or folder to see its details.', 'warning');
  const refusal =
    cursor.kind === 'bucket' ? null : firstRefusal('info', pane.location, [cursor], paneKey(d, s.active).key, d.now());
  if (refusal !== null) return setStatus(d, refusal, 'error');
  openDialog(d, { kind: 'info', entry: cursor, at: pane.location });
}

export const infoDialog: DialogModule<InfoDialog> = { confirm: closeDialog };
