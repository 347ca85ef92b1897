/**
 * What one kind of dialog is made of. Every dialog kind has one module in this folder that
 * exports its data type (the form, pure data), a `DialogModule` (how the form changes, what Enter
 * and Esc do) and the function that opens it; ./registry.ts lists the modules, and
 * src/ui/dialogs/DialogLayer.tsx the view of each kind. Adding a dialog: one module here, one
 * view there, one line in each registry.
 */
import type { PaneSide } from '../../state/app/app-state.js';
import type { CommandId } from '../../state/keyboard/commands.js';
import type { KeyContext } from '../../state/keyboard/keymap.js';
import { editLine, type LineEdit, type LineState } from '../../state/keyboard/line-edit.js';
import type { ControllerDeps, ViewportSizes } from '../controller-deps.js';
import type { Dialog } from './registry.js';

/** Form changes every dialog may receive; a module ignores those that do not apply to it. */
export type CommonDialogAction =
  | { type: 'editField'; edit: LineEdit }
  /** Moves the highlighted choice, list row or picker item by `delta`. */
  | { type: 'moveChoice'; delta: number }
  | { type: 'setError'; message: string | null };

export interface DialogModule<D, A = never> {
  /** The keymap context while the dialog is open (default `dialog`). */
  keyContext?: KeyContext;
  /** True when printable keys the keymap leaves unbound edit the dialog's text field. */
  textField?: boolean;
  /**
   * Applies a form change; returns `d` itself when the action does not apply (pure: results of a
   * stale request are dropped here too).
   */
  reduce?(d: D, action: CommonDialogAction | A): D;
  /** Enter (the keymap's `confirm`): do what the dialog says it will do. */
  confirm(deps: ControllerDeps, d: D): void;
  /** Esc (`cancel`); default: close the dialog. */
  cancel?(deps: ControllerDeps, d: D): void;
  /**
   * Every command while the dialog is open, for dialogs with keys of their own (`keyContext`);
   * when present it replaces the default handling (confirm, cancel, next/previous choice).
   */
  command?(deps: ControllerDeps, cmd: CommandId, d: D, sizes?: ViewportSizes): void;
}

/** Opens `dialog` (ignored unless the panes or the queue have the keyboard). */
export function openDialog(d: ControllerDeps, dialog: Dialog): void {
  d.store.dispatch({ type: 'openDialog', dialog });
}

/** Closes the open dialog. */
export function closeDialog(d: ControllerDeps): void {
  d.store.dispatch({ type: 'closeDialog' });
}

/** Swaps the open dialog for `next` (the mode machine opens dialogs only from the panes or the queue). */
export function replaceDialog(d: ControllerDeps, next: Dialog): void {
  closeDialog(d);
  openDialog(d, next);
}

/** `moveChoice` for a dialog with a radio list (`choices`, highlighted `choice`), wrapping round. */
export function reduceChoice<D extends { choices: readonly unknown[]; choice: number }>(
  d: D,
  action: CommonDialogAction,
): D {
  return action.type === 'moveChoice' ? { ...d, choice: wrapIndex(d.choice + action.delta, d.choices.length) } : d;
}

/** Closes the dialog and clears the selection of pane `side` (its targets are on their way). */
export function closeAndClearSelection(d: ControllerDeps, side: PaneSide): void {
  closeDialog(d);
  d.store.dispatch({ type: 'app', action: { type: 'pane', side, action: { type: 'clearSelection' } } });
}

/** `index` moved into 0…count−1, wrapping round at both ends. */
export function wrapIndex(index: number, count: number): number {
  return count <= 0 ? 0 : ((index % count) + count) % count;
}

/** `index` held inside 0…count−1. */
export function clampIndex(index: number, count: number): number {
  return count <= 0 ? 0 : Math.min(Math.max(0, index), count - 1);
}

/** The text field of a dialog that has one, with the problem shown under it. */
export interface FieldForm {
  field: LineState;
  error: string | null;
}

/** `editField` and `setError` for a dialog with a text field (an edit clears the problem). */
export function reduceField<D extends FieldForm>(d: D, action: CommonDialogAction): D {
  if (action.type === 'setError') return { ...d, error: action.message };
  if (action.type !== 'editField') return d;
  const field = editLine(d.field, action.edit);
  return field === d.field ? d : { ...d, field, error: null };
}
