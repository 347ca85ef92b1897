/**
 * Keys typed while the active pane shows "Loading…" — nothing to act on yet — are kept and
 * applied, in order, once its rows are there: `Down Enter` typed right after start opens the
 * second bucket instead of being lost. A key applied from here may open a folder that loads in
 * turn; the keys after it then wait again. Esc (which stops the listing) drops what was kept.
 * While nothing is kept, keys that do not act on a row (Tab, Backspace, F9, /, Ctrl+R, t, F1, I,
 * P, K, quit) go through at once.
 */
import type { CommandId } from '../../state/keyboard/commands.js';
import { parseRawKey } from '../../state/keyboard/key-decoder.js';
import { lookupCommand, type Keymap } from '../../state/keyboard/keymap.js';
import type { TuiState } from '../store/tui-state.js';
import type { KeyEvent } from './key-events.js';

/** Pane commands that do not act on a row of the active pane: they need not wait for them. */
const WITHOUT_ROWS: ReadonlySet<CommandId> = new Set([
  'switchPane',
  'parent',
  'locationPicker',
  'filter',
  'refresh',
  'toggleQueue',
  'help',
  'keyInspector',
  'profiles',
  'keys',
  'quit',
]);

/** True while the panes have the keyboard and the active pane has nothing to act on yet. */
export function waitsForRows(state: Pick<TuiState, 'app'>): boolean {
  const { app } = state;
  if (app.mode.kind !== 'normal') return false;
  const pane = app.panes[app.active];
  return pane.load.stage === 'idle' || (pane.load.stage === 'loading' && pane.entries.length === 0);
}

export class TypeAhead {
  private kept: KeyEvent[] = [];
  private applying = false;

  /** @param apply runs one key as if just typed (it comes back through `hold`) */
  constructor(
    private readonly keymap: Keymap,
    private readonly apply: (ev: KeyEvent) => void,
  ) {}

  /** True when `ev` is kept for later; false when it is to be handled now. */
  hold(state: Pick<TuiState, 'app'>, ev: KeyEvent): boolean {
    if (state.app.mode.kind !== 'normal') return false;
    const pattern = ev.kind === 'key' ? parseRawKey(ev.raw) : null;
    const cmd = pattern === null ? null : lookupCommand(this.keymap, 'pane', pattern);
    if (cmd === 'cancel') {
      this.kept = [];
      return false;
    }
    if (this.kept.length === 0 && (!waitsForRows(state) || (cmd !== null && WITHOUT_ROWS.has(cmd)))) return false;
    this.kept.push(ev);
    return true;
  }

  /**
   * After any change of the state: once the active pane has rows, applies what was kept. When
   * something else took the keyboard meanwhile (a question, a dialog), the keys meant for the
   * panes are dropped rather than sent to it.
   */
  settle(state: Pick<TuiState, 'app'>): void {
    if (this.applying || this.kept.length === 0) return;
    if (state.app.mode.kind !== 'normal') {
      this.kept = [];
      return;
    }
    if (waitsForRows(state)) return;
    const keys = this.kept;
    this.kept = [];
    this.applying = true;
    try {
      for (const ev of keys) this.apply(ev);
    } finally {
      this.applying = false;
    }
  }
}
