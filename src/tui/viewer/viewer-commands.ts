/** Commands while the pager (F3) has the keyboard: the session runs them; Esc with nothing to stop closes it. */
import type { CommandId } from '../../state/keyboard/commands.js';
import type { ControllerDeps } from '../controller-deps.js';

/** Runs `cmd` in the open pager. */
export function runViewerCommand(d: ControllerDeps, cmd: CommandId): void {
  const session = d.viewer.getSnapshot();
  if (session === null || !session.run(cmd)) d.viewer.close();
}
