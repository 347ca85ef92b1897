/**
 * The keyboard controller: the one place key presses become commands (ARCHITECTURE.md,
 * "Keypress flow", steps 1–3). It is plain TypeScript; the one input component (src/ui/input) only hands
 * it raw sequences. Each sequence is split into keys, normalised to a canonical pattern, looked up
 * in the keymap for the current mode's context, and run; in a text field, keys the keymap does not
 * bind edit the text.
 */
import type { CommandId } from '../state/keyboard/commands.js';
import { lookupCommand } from '../state/keyboard/keymap.js';
import { tuiKeyContext } from './input/key-context.js';
import { parseRawKey } from '../state/keyboard/key-decoder.js';
import { hasTextField } from './dialogs/registry.js';
import { editLine, lineEditForKey, lineOf, type LineEdit } from '../state/keyboard/line-edit.js';
import { splitInput, type KeyEvent } from './input/key-events.js';
import { AccountScreens, showsAccountScreen } from './accounts/account-screens.js';
import { setStatus, snapshot, type ControllerDeps, type ViewportSizes } from './controller-deps.js';
import { runDialogCommand } from './commands/dialog-commands.js';
import { runPaneCommand } from './commands/pane-commands.js';
import { runQuickSearchCommand } from './commands/quick-search-commands.js';
import { runHelpCommand, runQueueCommand } from './commands/view-commands.js';
import { conflictDialogFor } from './dialogs/conflict.js';
import { conflictListDialogFor } from './dialogs/conflict-list.js';
import type { AppMode, PaneSide } from '../state/app/app-state.js';
import { storedProfileSpec } from './providers/profile-specs.js';
import { feedScreen } from './input/screen-keys.js';
import { TypeAhead } from './input/type-ahead.js';
import { ViewerHost } from './viewer/viewer-host.js';
import type { TerminalControl } from './terminal-control.js';
import { runViewerCommand } from './viewer/viewer-commands.js';
import type { KeyContext } from '../state/keyboard/keymap.js';
import type { TuiState } from './store/tui-state.js';

/** True in the modes whose unbound printable keys are typed text (the filter, quick search). */
function typesText(mode: AppMode['kind']): boolean {
  return mode === 'filter' || mode === 'quickSearch';
}

export class TuiController {
  private sizes: ViewportSizes = { help: 10, helpLines: 0, queue: 10 };
  private readonly unsubscribe: () => void;
  private readonly unsubscribeState: () => void;
  private exited = false;
  private readonly typeAhead: TypeAhead;
  /** Questions already shown: the queue store may publish an answered one once more. */
  private readonly asked = new Set<string>();

  /** The accounts screens (wizard, I, K, P), which take every key while one is on top. */
  readonly accounts: AccountScreens;
  private readonly deps: ControllerDeps;

  constructor(given: Omit<ControllerDeps, 'viewer'> & { viewer?: ViewerHost }) {
    const deps: ControllerDeps = { ...given, viewer: given.viewer ?? new ViewerHost(given.store) };
    this.deps = deps;
    const queue = deps.transfers.queue;
    this.unsubscribe = queue.store.subscribe(() => this.askPendingQuestion());
    this.typeAhead = new TypeAhead(deps.keymap, (ev) => this.dispatchKey(ev));
    this.unsubscribeState = deps.store.subscribe(() => this.typeAhead.settle(snapshot(deps)));
    const { config, verify } = deps.accounts;
    this.accounts = new AccountScreens({
      store: deps.store,
      registry: deps.registry,
      config,
      verify,
      onClose: this.closeScreen,
      onProfile: this.openProfile,
      onProfileRenamed: this.profileRenamed,
      now: () => deps.now(),
    });
  }

  /** Handles one raw input event from Ink (`useStdin().internal_eventEmitter`, 'input'). */
  readonly handleInput = (raw: string): void => {
    if (this.exited) return;
    const s = snapshot(this.deps);
    if (showsAccountScreen(s)) {
      // The screen on top takes every key (Esc closes it through onClose).
      feedScreen(this.accounts, raw, this.deps.keymap);
      return;
    }
    for (const ev of splitInput(raw, this.textEntry(s))) this.dispatchKey(ev);
    this.askPendingQuestion();
  };

  /** One key: kept while the active pane is still loading (./input/type-ahead.ts), else handled. */
  private dispatchKey(ev: KeyEvent): void {
    if (!this.typeAhead.hold(snapshot(this.deps), ev)) this.handleEvent(ev);
  }

  /** Closes the accounts screen or the wizard on top (the user left it). */
  readonly closeScreen = (): void => {
    const s = snapshot(this.deps);
    this.leaveScreen();
    if (s.app.mode.kind === 'wizard')
      setStatus(this.deps, 'No profile was saved. P manages profiles (a adds one); F9 goes anywhere.', 'info');
  };

  /** Opens stored profile `name` in pane `side` (after the wizard saved it, or chosen in P). */
  readonly openProfile = (side: PaneSide, name: string): void => {
    const config = this.deps.accounts.config;
    if (config !== null) this.deps.registry.addProfile(storedProfileSpec(config, name));
    this.leaveScreen();
    void this.deps.navigator.openProfileHome(side, name);
  };

  /** Profile `from` was renamed `to` in P: the registry and the panes showing it take the new name. */
  readonly profileRenamed = (from: string, to: string): void => {
    const config = this.deps.accounts.config;
    if (config !== null) this.deps.registry.renameProfile(from, storedProfileSpec(config, to));
    this.deps.store.dispatch({ type: 'app', action: { type: 'profileRenamed', from, to } });
  };

  private leaveScreen(): void {
    const s = snapshot(this.deps);
    if (s.app.mode.kind === 'wizard') this.deps.store.dispatch({ type: 'app', action: { type: 'closeWizard' } });
    else if (s.dialog?.kind === 'screen') this.deps.store.dispatch({ type: 'closeDialog' });
  }

  /** Gives the commands that need the real terminal (F4, Ctrl+O, Ctrl+Z, OSC 52) the one they run on. */
  attachTerminal(terminal: TerminalControl): void {
    this.deps.terminal = terminal;
  }

  /** The pager (F3): which one is open, for the screen. */
  get viewer(): ViewerHost {
    return this.deps.viewer;
  }

  /** True when printable keys the keymap leaves unbound edit a text field. */
  private textEntry(s: TuiState): boolean {
    if (s.app.mode.kind === 'viewer') return this.deps.viewer.getSnapshot()?.promptOpen === true;
    return typesText(s.app.mode.kind) || hasTextField(s.dialog);
  }

  /** The keymap context of `s`; the pager's prompt reads keys like a dialog's text field. */
  private keyContext(s: TuiState): KeyContext {
    if (s.app.mode.kind === 'viewer' && this.deps.viewer.getSnapshot()?.promptOpen === true) return 'dialog';
    return tuiKeyContext(s);
  }

  /** The layout reports how many rows the scrollable views have. */
  setViewportSizes(sizes: ViewportSizes): void {
    this.sizes = sizes;
    if (sizes.viewer !== undefined) this.deps.viewer.resize(sizes.viewer);
  }

  /** Stops listening to the queue and closes the accounts screen on top. */
  dispose(): void {
    this.exited = true;
    this.unsubscribe();
    this.unsubscribeState();
    this.accounts.dispose();
    this.deps.viewer.getSnapshot()?.close();
  }

  private handleEvent(ev: KeyEvent): void {
    const d = this.deps;
    const s = snapshot(d);
    if (ev.kind === 'text') {
      if (s.app.mode.kind === 'filter' || hasTextField(s.dialog)) return this.edit({ type: 'insert', text: ev.text });
      // Typed in one chunk with the Enter that closed the field's dialog ("\rt"): these are keys.
      for (const ch of ev.text) this.handleEvent({ kind: 'key', raw: ch });
      return;
    }
    const pattern = parseRawKey(ev.raw);
    const cmd = pattern === null ? null : lookupCommand(d.keymap, this.keyContext(s), pattern);
    if (cmd !== null) return this.run(cmd);
    if (this.textEntry(s)) {
      const edit = lineEditForKey(pattern, ev.raw);
      if (edit !== null) this.edit(edit);
    }
  }

  private edit(edit: LineEdit): void {
    const d = this.deps;
    const mode = snapshot(d).app.mode;
    if (mode.kind === 'viewer') return d.viewer.getSnapshot()?.edit(edit);
    if (mode.kind === 'filter') {
      const draft = editLine(lineOf(mode.draft), edit).text;
      d.store.dispatch({ type: 'app', action: { type: 'editFilter', draft } });
      return;
    }
    if (mode.kind === 'quickSearch') {
      const text = editLine(lineOf(mode.text), edit).text;
      d.store.dispatch({ type: 'app', action: { type: 'editQuickSearch', text } });
      return;
    }
    d.store.dispatch({ type: 'dialog', action: { type: 'editField', edit } });
  }

  /** Runs a command in the current mode (also the entry point for tests and a future mouse). */
  run(cmd: CommandId): void {
    const d = this.deps;
    const mode = snapshot(d).app.mode;
    switch (mode.kind) {
      case 'normal':
        return runPaneCommand(d, cmd);
      case 'filter':
        if (cmd === 'confirm') d.store.dispatch({ type: 'app', action: { type: 'commitFilter' } });
        else if (cmd === 'cancel') d.store.dispatch({ type: 'app', action: { type: 'cancelFilter' } });
        return;
      case 'quickSearch':
        return runQuickSearchCommand(d, cmd);
      case 'dialog':
        return runDialogCommand(d, cmd, this.sizes);
      case 'help':
        return runHelpCommand(d, cmd, this.sizes);
      case 'queue':
        return runQueueCommand(d, cmd, this.sizes);
      case 'wizard':
        if (cmd === 'cancel') d.store.dispatch({ type: 'app', action: { type: 'closeWizard' } });
        return;
      case 'viewer':
        return runViewerCommand(d, cmd);
      default: {
        const never: never = mode;
        return never;
      }
    }
  }

  /**
   * Shows the oldest unanswered conflict question at once, on top of whatever is open (a dialog,
   * the help, an accounts screen): the transfer waits for it. Closing it brings that view back.
   */
  private askPendingQuestion(): void {
    const d = this.deps;
    if (this.exited) return;
    const queue = d.transfers.queue.store.getSnapshot();
    const question = queue.question;
    if (question === null || this.asked.has(question.id)) return;
    // One question at a time: the next one comes when this one is answered.
    const open = snapshot(d).dialog?.kind;
    if (open === 'conflict' || open === 'conflictList') return;
    if (question.postponed) {
      // Postponed ones come as the batch of their copy: every file in one dialog.
      const batch = queue.questions.filter(
        (q) => q.postponed && q.groupId === question.groupId && !this.asked.has(q.id),
      );
      for (const q of batch) this.asked.add(q.id);
      d.store.dispatch({ type: 'raiseDialog', dialog: conflictListDialogFor(batch) });
      return;
    }
    this.asked.add(question.id);
    d.store.dispatch({ type: 'raiseDialog', dialog: conflictDialogFor(question) });
  }
}
