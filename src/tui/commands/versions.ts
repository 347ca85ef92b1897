/**
 * Opening the versions dialog: a fresh request id, then the versions stream in from the provider
 * (pages of an older request are dropped by the dialog reducer).
 */
import type { Entry } from '../../state/model/entry.js';
import type { PaneSide } from '../../state/app/app-state.js';
import type { PaneLocation } from '../../state/location/pane-location.js';
import { openDialog, type ControllerDeps } from '../controller-deps.js';

/** Opens the versions dialog for `entry` and starts loading its versions. */
export function requestVersions(d: ControllerDeps, side: PaneSide, at: PaneLocation, entry: Entry): void {
  const requestId = d.direct.nextVersionsRequest();
  openDialog(d, { kind: 'versions', side, at, entry, requestId, versions: [], load: { kind: 'loading' }, cursor: 0, detail: false });
  void d.direct.loadVersions(at, entry, requestId);
}
