/**
 * i / Alt+i: the details of the file, folder or bucket under the cursor (read-only). A body taller
 * than the terminal scrolls with ↑/↓ (Tab/Shift+Tab), never past its last line.
 */
import { activePane } from '../../state/app/app-state.js';
import type { PaneLocation } from '../../state/location/pane-location.js';
import type { Entry } from '../../state/model/entry.js';
import { cursorEntry } from '../../state/pane/pane-selectors.js';
import type { CommandId } from '../../state/keyboard/commands.js';
import { innerWidth, scrollStart } from '../../state/layout/dialog-geometry.js';
import { infoBodyLines } from '../../state/text/info-lines.js';
import { paneKey, setStatus, snapshot, type ControllerDeps, type ViewportSizes } from '../controller-deps.js';
import { firstRefusal } from './choices.js';
import { closeDialog, openDialog, type DialogModule } from './dialog-module.js';

export interface InfoDialog {
  kind: 'info';
  entry: Entry;
  at: PaneLocation;
  /** The first body line in view when the body does not fit the terminal. */
  scroll: number;
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
  openDialog(d, { kind: 'info', entry: cursor, at: pane.location, scroll: 0 });
}

/** The scroll after `delta` lines, within what the terminal can show of the body. */
function scrolled(d: InfoDialog, delta: number, sizes: ViewportSizes | undefined): number {
  const terminal = sizes?.terminal ?? { rows: 24, columns: 80 };
  const lines = infoBodyLines(d.entry, d.at.kind, innerWidth(terminal.columns)).length;
  return scrollStart(lines, terminal.rows, scrollStart(lines, terminal.rows, d.scroll) + delta);
}

/** The info dialog's own form change. */
export type InfoAction = { type: 'infoScroll'; scroll: number };

export const infoDialog: DialogModule<InfoDialog, InfoAction> = {
  confirm: closeDialog,
  reduce: (d, a) => (a.type === 'infoScroll' ? { ...d, scroll: a.scroll } : d),
  command(deps: ControllerDeps, cmd: CommandId, d: InfoDialog, sizes?: ViewportSizes): void {
    if (cmd === 'confirm' || cmd === 'cancel') return closeDialog(deps);
    const delta = cmd === 'nextField' ? 1 : cmd === 'prevField' ? -1 : 0;
    if (delta !== 0)
      deps.store.dispatch({ type: 'dialog', action: { type: 'infoScroll', scroll: scrolled(d, delta, sizes) } });
  },
};
