/**
 * `y`: the location of the entry under the cursor — its `b2://bucket/name` URL or its absolute
 * local path — to the clipboard with OSC 52 (src/state/text/osc52.ts), and into the status line
 * in one unbroken line (first, so that a narrow line cuts the note, not the location) for a mouse
 * selection where the terminal does not take OSC 52. The share-link dialog copies its link the
 * same way (`copyToClipboard`).
 */
import { execFile } from 'node:child_process';
import { activePane } from '../../state/app/app-state.js';
import { formatB2Url } from '../../state/location/b2-url.js';
import { providerPath } from '../../state/location/pane-location.js';
import { cursorEntry, cursorOnParent } from '../../state/pane/pane-selectors.js';
import { osc52 } from '../../state/text/osc52.js';
import { setStatus, snapshot, type ControllerDeps } from '../controller-deps.js';
import { envOf } from '../commands/shell-commands.js';

/** Longest wait for tmux to say how it treats OSC 52 (ms). */
const TMUX_ASK_MS = 1_000;

/**
 * True when the sequence must go through tmux's passthrough: inside tmux (`$TMUX`) unless tmux
 * takes OSC 52 itself (`set-clipboard on`; its default, `external`, ignores it from programs).
 */
async function needsTmuxPassthrough(d: ControllerDeps): Promise<boolean> {
  if (!envOf(d).TMUX) return false;
  return new Promise((resolve) => {
    execFile('tmux', ['show-options', '-gv', 'set-clipboard'], { timeout: TMUX_ASK_MS }, (err, stdout) => {
      resolve(err !== null || stdout.trim() !== 'on');
    });
  });
}

/** Sends `text` to the clipboard and says so in the status line, `what` first ("b2://b/x" or "Link"). */
export async function copyToClipboard(d: ControllerDeps, text: string, shown: string): Promise<void> {
  const terminal = d.terminal;
  if (terminal === undefined) return setStatus(d, `${shown} (no terminal to copy to)`, 'info');
  terminal.writeRaw(osc52(text, { tmuxPassthrough: await needsTmuxPassthrough(d) }));
  setStatus(d, `${shown}  · copied with OSC 52 (if the terminal does not support it, select it here)`, 'info');
}

/** The `b2://` URL or absolute local path of the entry under the active pane's cursor, or null. */
export function cursorLocation(d: ControllerDeps): string | null {
  const pane = activePane(snapshot(d).app);
  const e = cursorEntry(pane);
  if (cursorOnParent(pane)) return formatB2Url(pane.location.kind, providerPath(pane.location));
  if (e === null) return null;
  const path = e.kind === 'dir' && pane.location.kind === 'b2' && !e.path.endsWith('/') ? `${e.path}/` : e.path;
  return formatB2Url(pane.location.kind, path);
}

/** `y` in the panes. */
export function copyLocation(d: ControllerDeps): void {
  const location = cursorLocation(d);
  if (location === null) return setStatus(d, 'Put the cursor on a file or folder to copy its location.', 'warning');
  void copyToClipboard(d, location, location);
}
