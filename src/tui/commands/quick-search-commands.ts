/**
 * Commands during quick search (type-to-jump; the `quick-search` keymap context, entered with
 * `quickSearch` in the panes). Typed text is not a command: the controller edits it. The next
 * match stays in quick search; anything else bound here leaves it, and a pane command bound here
 * (an arrow) then runs as it would in the panes.
 */
import type { CommandId } from '../../state/keyboard/commands.js';
import type { ControllerDeps } from '../controller-deps.js';
import { runPaneCommand } from './pane-commands.js';

/** Runs `cmd` while quick search has the keyboard. */
export function runQuickSearchCommand(d: ControllerDeps, cmd: CommandId): void {
  if (cmd === 'quickSearchNext') {
    d.store.dispatch({ type: 'app', action: { type: 'nextQuickMatch' } });
    return;
  }
  d.store.dispatch({ type: 'app', action: { type: 'endQuickSearch' } });
  if (cmd !== 'confirm' && cmd !== 'cancel') runPaneCommand(d, cmd);
}
