/**
 * F3: opens the pager on the file under the active pane's cursor, local or B2, when the key may
 * read it (the `view` rule, the same one that greys F3). Reads the first block before the screen
 * changes, so a file that cannot be read only puts the reason in the status line; a binary-looking
 * start opens in hex.
 */
import { errorText } from '../../error-text.js';
import { activePane } from '../../state/app/app-state.js';
import { formatLocation } from '../../state/location/pane-location.js';
import type { Entry } from '../../state/model/entry.js';
import { cursorEntry } from '../../state/pane/pane-selectors.js';
import { sanitizeName } from '../../state/text/sanitize.js';
import { looksBinary } from '../../state/viewer/hex-rows.js';
import { createViewerState } from '../../state/viewer/viewer-state.js';
import type { PaneLocation } from '../../state/location/pane-location.js';
import { paneKey, setStatus, snapshot, type ControllerDeps } from '../controller-deps.js';
import { firstRefusal } from '../dialogs/choices.js';
import { sseCRefusal } from '../providers/sse-c-key.js';
import { BlockReader } from './block-reader.js';
import { ViewerSession } from './viewer-session.js';

/** How many bytes of the start decide text or hex. */
const SNIFF_BYTES = 8192;

/** The file as the user knows it: `b2://bucket/dir/name`, or its local path. Raw. */
export function entryTitle(at: PaneLocation, e: Entry): string {
  return at.kind === 'local' ? e.path : `${formatLocation(at)}${e.name}`;
}

/**
 * The file under the active pane's cursor when `action` may act on it; otherwise says why in the
 * status line and returns null.
 */
export function cursorFile(d: ControllerDeps, action: 'view' | 'edit'): { entry: Entry; at: PaneLocation } | null {
  const s = snapshot(d).app;
  const pane = activePane(s);
  const e = cursorEntry(pane);
  const verb = action === 'view' ? 'view' : 'edit';
  if (e === null || e.kind !== 'file') {
    setStatus(d, `Put the cursor on a file to ${verb} it.`, 'warning');
    return null;
  }
  if (e.special !== undefined) {
    setStatus(d, `${sanitizeName(e.name)} is a ${e.special}, not a file to ${verb}.`, 'warning');
    return null;
  }
  const refusal = firstRefusal(action, pane.location, [e], paneKey(d, s.active).key, d.now());
  if (refusal !== null) {
    setStatus(d, refusal, 'error');
    return null;
  }
  if (e.encryption?.mode === 'SSE-C' && !d.registry.readsSseC) {
    setStatus(d, sseCRefusal(e.name), 'error');
    return null;
  }
  return { entry: e, at: pane.location };
}

/** Opens the pager on the file under the cursor (the work goes on after this returns). */
export function openViewer(d: ControllerDeps): Promise<void> | undefined {
  const target = cursorFile(d, 'view');
  if (target === null) return undefined;
  return showFile(d, target.at, target.entry);
}

async function showFile(d: ControllerDeps, at: PaneLocation, e: Entry): Promise<void> {
  try {
    const provider = await d.registry.providerFor(at);
    const reader = new BlockReader(provider, e.path, e.size, e.fileId);
    await reader.load(0);
    const head = reader.block(0)?.subarray(0, SNIFF_BYTES) ?? new Uint8Array(0);
    const session = new ViewerSession(reader, createViewerState(entryTitle(at, e), e.size, looksBinary(head)));
    if (d.viewer.open(session) && snapshot(d).app.status !== null)
      d.store.dispatch({ type: 'app', action: { type: 'clearStatus' } });
  } catch (err) {
    setStatus(d, `Cannot view ${sanitizeName(e.name)}: ${errorText(err)}`, 'error');
  }
}
