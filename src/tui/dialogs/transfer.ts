/**
 * F5 / F6: copy or move the selection (else the row under the cursor, as in mc) into the other
 * pane's folder. Every target is checked with both panes' keys before the dialog opens; the
 * dialog then offers what to do with files that already exist there.
 */
import { sseCRefusal } from '../providers/sse-c-key.js';
import type { PaneSide } from '../../state/app/app-state.js';
import { activePane, inactivePane, otherSide } from '../../state/app/app-state.js';
import type { PaneLocation } from '../../state/location/pane-location.js';
import type { Entry } from '../../state/model/entry.js';
import { isDirLike } from '../../state/pane/pane-state.js';
import { operationTargets, totalsOf, type EntryTotals } from '../../state/pane/pane-selectors.js';
import { checkTransfer } from '../../state/permissions/permissions.js';
import { destinationLocation, entryLocation } from '../../state/location/pane-rule-location.js';
import { paneKey, setStatus, snapshot, type ControllerDeps } from '../controller-deps.js';
import {
  allowedChoice,
  conflictChoices,
  firstAllowed,
  type ChoiceOption,
  type DialogConflictPolicy,
} from './choices.js';
import {
  closeAndClearSelection,
  openDialog,
  reduceChoice,
  type CommonDialogAction,
  type DialogModule,
} from './dialog-module.js';
import { completeField, reduceCompletingField, runCompletingCommand, type PickerAction } from './picker-completion.js';
import { baseName, destinationText, parseDestination, type Destination } from './destination.js';
import { lineOf, type LineState } from '../../state/keyboard/line-edit.js';
import { sameLocation } from '../../state/location/pane-location.js';

export interface TransferDialog {
  kind: 'transfer';
  op: 'copy' | 'move';
  side: PaneSide;
  targets: readonly Entry[];
  totals: EntryTotals;
  from: PaneLocation;
  to: PaneLocation;
  choices: ChoiceOption<DialogConflictPolicy>[];
  choice: number;
  /** Where to (./destination.ts): prefilled with `to`, and the name for a single source. */
  field: LineState;
  error: string | null;
  /** What Tab found (the names to choose from); cleared by typing. */
  hint: string | null;
}

/** What the status line says when a command has nothing to act on. */
export const NOTHING_TO_ACT_ON = 'Nothing to act on: put the cursor on a file or folder, or select some with Insert.';

/** Opens the copy or move dialog for the active pane, or says in the status line why not. */
export function openTransferDialog(d: ControllerDeps, op: 'copy' | 'move'): void {
  const s = snapshot(d).app;
  const from = activePane(s);
  const to = inactivePane(s).location;
  const targets = operationTargets(from);
  if (targets.length === 0) return setStatus(d, NOTHING_TO_ACT_ON, 'warning');
  const keys = { source: paneKey(d, s.active).key, destination: paneKey(d, otherSide(s.active)).key };
  const now = d.now();
  for (const e of targets) {
    const decision = checkTransfer(
      op,
      entryLocation(from.location, e),
      destinationLocation(to, e.name, isDirLike(e)),
      keys,
      now,
    );
    if (!decision.allowed) return setStatus(d, decision.reason ?? 'Not allowed.', 'error');
    // Reading an SSE-C file needs its customer key (docs/b2-api.md §9.3): without one, say so
    // now rather than fail in the queue.
    if (e.encryption?.mode === 'SSE-C' && !d.registry.readsSseC) return setStatus(d, sseCRefusal(e.name), 'error');
  }
  const choices = conflictChoices(
    targets.map((e) => destinationLocation(to, e.name, isDirLike(e))),
    keys.destination,
    now,
  );
  openDialog(d, {
    kind: 'transfer',
    op,
    side: s.active,
    targets,
    totals: totalsOf(targets),
    from: from.location,
    to,
    choices,
    choice: firstAllowed(choices),
    field: lineOf(destinationText(to, targets.length === 1 ? (targets[0] ?? null) : null)),
    error: null,
    hint: null,
  });
}

/** The first reason the keys refuse to put `targets` into `dest`, or null. */
function refusal(deps: ControllerDeps, d: TransferDialog, dest: Destination): string | null {
  const keys = { source: deps.registry.keyInfoFor(d.from), destination: deps.registry.keyInfoFor(dest.folder) };
  for (const e of d.targets) {
    const to = destinationLocation(dest.folder, dest.name ?? baseName(e), isDirLike(e));
    const decision = checkTransfer(d.op, entryLocation(d.from, e), to, keys, deps.now());
    if (!decision.allowed) return decision.reason ?? 'Not allowed.';
  }
  return null;
}

export const transferDialog: DialogModule<TransferDialog, PickerAction | CommonDialogAction> = {
  // The picker's keys: Tab completes the destination, ↑/↓ choose what happens to existing files.
  keyContext: 'picker',
  textField: true,
  reduce: (d, a) => (a.type === 'moveChoice' ? reduceChoice(d, a) : reduceCompletingField(d, a)),
  command: (deps, cmd, d) =>
    runCompletingCommand(deps, cmd, {
      complete: () => completeField(deps, d.field.text, d.to, 'transfer'),
      confirm: () => transferDialog.confirm(deps, d),
    }),
  confirm(deps, d) {
    const choice = allowedChoice(deps, d.choices, d.choice);
    if (choice === null) return;
    const dest = parseDestination(d.field.text, {
      from: d.from,
      to: d.to,
      home: deps.places.home,
      profiles: deps.registry.profiles().map((p) => p.name),
      single: d.targets.length === 1 ? (d.targets[0] ?? null) : null,
    });
    const problem = 'problem' in dest ? dest.problem : sameLocation(dest.folder, d.to) ? null : refusal(deps, d, dest);
    if (problem !== null)
      return deps.store.dispatch({ type: 'dialog', action: { type: 'setError', message: problem } });
    if ('problem' in dest) return;
    closeAndClearSelection(deps, d.side);
    deps.transfers.transfer(d.op, d.from, dest.folder, d.targets, choice.value, dest.name ?? undefined);
  },
};
