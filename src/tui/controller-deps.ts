/**
 * What the keyboard controller works with, and small helpers shared by its command modules.
 */
import type { AccountsContext } from './accounts/account-screens.js';
import type { PaneSide, StatusMessage } from '../state/app/app-state.js';
import type { Keymap } from '../state/keyboard/keymap.js';
import type { PaneAction } from '../state/pane/pane-reducer.js';
import { paneKeyOf, type PaneKey } from './commands/command-permissions.js';
import type { DirectOperations } from './operations/direct-operations.js';
import type { FolderSizer } from './operations/folder-sizer.js';
import type { Navigator } from './panes/navigator.js';
import type { QueueResume } from './operations/queue-resume.js';
import type { ProviderRegistry } from './providers/provider-registry.js';
import type { SyncPlanner } from './operations/sync-planner.js';
import type { TransferOperations } from './operations/transfer-operations.js';
import type { TuiState } from './store/tui-state.js';
import type { TuiStore } from './store/tui-store.js';
import type { ViewerHost } from './viewer/viewer-host.js';
import type { TerminalControl } from './terminal-control.js';

export interface ControllerDeps {
  store: TuiStore;
  keymap: Keymap;
  registry: ProviderRegistry;
  navigator: Navigator;
  direct: DirectOperations;
  transfers: TransferOperations;
  /** The sync dialog's listings (C). */
  sync: SyncPlanner;
  /** Folder sizes (Ctrl+Space, z). */
  sizer: FolderSizer;
  settings: { confirmDelete: boolean };
  /** The config store (or null: `--demo`) and the credential check, for the accounts screens. */
  accounts: AccountsContext;
  /** Local places the location picker offers. */
  places: { cwd: string; home: string };
  /** The clock, ms since the epoch (for key expiry and dates). */
  now(): number;
  /** The saved-queue offer (issue 5); absent: no queue is saved (tests, embedders). */
  resume?: QueueResume;
  /** Ends the TUI (called once, after the user confirmed if transfers run). */
  exit(): void;
  /** The pager (F3); the controller makes one when the caller gives none. */
  viewer: ViewerHost;
  /**
   * The real terminal, for what needs it whole (the editor, a shell, Ctrl+Z, OSC 52); absent
   * when the core runs without one (tests drive the controller alone).
   */
  terminal?: TerminalControl;
  /** The process environment ($VISUAL, $EDITOR, $SHELL, $TMUX), default process.env. */
  env?: Readonly<Record<string, string | undefined>>;
}

/** Rows of the scrollable full-screen views, reported by the layout. */
export interface ViewportSizes {
  help: number;
  helpLines: number;
  queue: number;
  /** The pager's text area. */
  viewer?: { rows: number; cols: number };
  /** The terminal, for how far a dialog's body scrolls (src/state/layout/dialog-geometry.ts). */
  terminal?: { rows: number; columns: number };
}

export function snapshot(d: ControllerDeps): TuiState {
  return d.store.getSnapshot();
}

export function setStatus(d: ControllerDeps, text: string, tone: StatusMessage['tone'] = 'error'): void {
  d.store.dispatch({ type: 'app', action: { type: 'setStatus', text, tone } });
}

export function paneDo(d: ControllerDeps, action: PaneAction, side?: PaneSide): void {
  d.store.dispatch({ type: 'app', action: { type: 'pane', side, action } });
}

/** A pane's location and key as the permission rules need them. */
export function paneKey(d: ControllerDeps, side: PaneSide): PaneKey {
  const location = snapshot(d).app.panes[side].location;
  return paneKeyOf(location, d.registry.getSnapshot(), d.registry.bucketTypeOf(location));
}
