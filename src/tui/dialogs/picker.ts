/**
 * F9 / o: go to a place — a local folder that matters, an account profile, or whatever is typed
 * (a path, `~/x`, `b2://bucket/folder`; see ./typed-location.ts).
 */
import type { PaneSide } from '../../state/app/app-state.js';
import { activePane, inactivePane } from '../../state/app/app-state.js';
import { lineOf, type LineState } from '../../state/keyboard/line-edit.js';
import { b2PaneLocation, type PaneLocation } from '../../state/location/pane-location.js';
import { snapshot, type ControllerDeps } from '../controller-deps.js';
import { closeDialog, openDialog, wrapIndex, type CommonDialogAction, type DialogModule } from './dialog-module.js';
import { completeTyped, reduceCompletingField, runCompletingCommand, type PickerAction } from './picker-completion.js';
import { pickerItems } from './picker-items.js';
import { parseTypedLocation } from './typed-location.js';

/** A place the location picker offers. */
export interface PickerItem {
  label: string;
  location: PaneLocation;
}

export interface PickerDialog {
  kind: 'picker';
  side: PaneSide;
  field: LineState;
  items: readonly PickerItem[];
  cursor: number;
  error: string | null;
  /** What Tab found (the names to choose from, or that nothing matched); cleared by typing. */
  hint: string | null;
}

export type { PickerAction } from './picker-completion.js';

/** Opens the picker for the active pane. */
export function openPicker(d: ControllerDeps): void {
  const s = snapshot(d).app;
  const here = activePane(s).location;
  const items = pickerItems(d.registry.profiles(), d.places, here, inactivePane(s).location);
  openDialog(d, { kind: 'picker', side: s.active, field: lineOf(''), items, cursor: 0, error: null, hint: null });
}

export const pickerDialog: DialogModule<PickerDialog, PickerAction | CommonDialogAction> = {
  keyContext: 'picker',
  textField: true,
  reduce: (d, a) =>
    a.type === 'moveChoice'
      ? { ...d, cursor: wrapIndex(d.cursor + a.delta, d.items.length) }
      : reduceCompletingField(d, a),
  /** Tab completes; the rest as in any dialog. */
  command: (d, cmd, dialog) =>
    runCompletingCommand(d, cmd, {
      complete: () => completeTyped(d, dialog),
      confirm: () => pickerDialog.confirm(d, dialog),
    }),
  /** Goes where the text says, else to the highlighted place. */
  confirm(d, dialog) {
    const typed = dialog.field.text.trim();
    let target = dialog.items[dialog.cursor]?.location ?? null;
    if (typed !== '') {
      const here = snapshot(d).app.panes[dialog.side].location;
      const parsed = parseTypedLocation(typed, {
        here,
        home: d.places.home,
        profiles: d.registry.profiles().map((p) => p.name),
      });
      if ('problem' in parsed) {
        d.store.dispatch({ type: 'dialog', action: { type: 'setError', message: parsed.problem } });
        return;
      }
      target = parsed.location;
    }
    if (target === null) return;
    closeDialog(d);
    goToPlace(d, dialog.side, target);
  },
};

/**
 * Opens `target` in pane `side` (a profile's bucket list through its home, which may be one
 * bucket for a key restricted to it). The navigator says in the status line why a place the key
 * cannot see does not open.
 */
export function goToPlace(d: ControllerDeps, side: PaneSide, target: PaneLocation): void {
  if (target.kind === 'b2' && target.bucket === null) void d.navigator.openProfileHome(side, target.profile);
  else
    void d.navigator.open(
      side,
      target.kind === 'b2' ? b2PaneLocation(target.profile, target.bucket, target.prefix) : target,
    );
}
