/**
 * The listings behind the sync dialog (C): both panes' folders listed recursively with the
 * sync's own lister (src/transfers/sync-listing.ts, the one `b2c sync` uses), SHA1s of local
 * files filled in when the comparison is by SHA1, progress as the files are counted, and Esc
 * (closing the dialog) aborting the walk. Results go to the dialog that asked, by request id.
 */
import { providerPath, type PaneLocation } from '../../state/location/pane-location.js';
import type { CompareMode, SyncEntry } from '../../state/sync/sync-compare.js';
import { errorText } from '../../error-text.js';
import { fillSha1s, listTree, type SyncSide } from '../../transfers/index.js';
import type { DialogAction } from '../dialogs/registry.js';
import type { ProviderRegistry } from '../providers/provider-registry.js';
import type { TuiStore } from '../store/tui-store.js';

/** Progress reports are sent at most this often (a big tree lists thousands of files a second). */
const PROGRESS_EVERY_MS = 200;

export class SyncPlanner {
  private nextRequest = 1;
  private running: AbortController | null = null;

  constructor(
    private readonly store: TuiStore,
    private readonly registry: ProviderRegistry,
    private readonly now: () => number,
  ) {}

  /** A fresh request id (a dialog accepts only the answers to its own). */
  newRequest(): number {
    return this.nextRequest++;
  }

  /** Stops the listing under way, if any. */
  cancel(): void {
    this.running?.abort();
    this.running = null;
  }

  /** Lists `from` and `to` for request `requestId` and sends the dialog what it found; never throws. */
  async list(requestId: number, from: PaneLocation, to: PaneLocation, compare: CompareMode): Promise<void> {
    this.cancel();
    const abort = new AbortController();
    this.running = abort;
    const send = (action: DialogAction): void => {
      if (!abort.signal.aborted) this.store.dispatch({ type: 'dialog', action });
    };
    let counted = [0, 0];
    let lastReport = 0;
    const progress = (i: 0 | 1) => (files: number) => {
      counted = i === 0 ? [files, counted[1] ?? 0] : [counted[0] ?? 0, files];
      if (this.now() - lastReport < PROGRESS_EVERY_MS) return;
      lastReport = this.now();
      send({ type: 'syncProgress', requestId, files: (counted[0] ?? 0) + (counted[1] ?? 0) });
    };
    try {
      const side = async (loc: PaneLocation): Promise<SyncSide> => ({
        provider: await this.registry.providerFor(loc),
        path: providerPath(loc),
      });
      const [src, dst] = await Promise.all([side(from), side(to)]);
      const signal = abort.signal;
      const [source, destination] = await Promise.all([
        listTree(src, { signal, onProgress: progress(0) }),
        listTree(dst, { signal, onProgress: progress(1) }),
      ]);
      await fillSha1s({ side: src, files: source }, destination, compare, signal);
      await fillSha1s({ side: dst, files: destination }, source, compare, signal);
      const plain = (list: readonly SyncEntry[]): SyncEntry[] =>
        list.map(({ rel, size, mtimeMs, sha1, hidden }) => ({ rel, size, mtimeMs, sha1, hidden }));
      send({ type: 'syncListed', requestId, source: plain(source), destination: plain(destination) });
    } catch (e) {
      send({ type: 'syncFailed', requestId, message: errorText(e) });
    } finally {
      if (this.running === abort) this.running = null;
    }
  }
}
