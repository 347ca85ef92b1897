/**
 * Folder sizes (Ctrl+Space on one folder or bucket, z on every folder of the pane, Alt+z with
 * every version): counts files and bytes by listing (src/providers/folder-count.ts), one folder
 * at a time, with the progress in the status line; Esc stops it. Results are kept for the
 * session and written into the rows (their size column and the size sort use them), in every
 * pane showing that folder, now and whenever it is listed again (`decorate`).
 */
import { countFolder } from '../../providers/folder-count.js';
import { childLocation, formatLocation, sameLocation, type PaneLocation } from '../../state/location/pane-location.js';
import type { Entry, FolderCount } from '../../state/model/entry.js';
import { entryKey, isDirLike } from '../../state/pane/pane-state.js';
import { formatCount, formatSize } from '../../state/text/format.js';
import { errorText } from '../../error-text.js';
import type { ProviderRegistry } from '../providers/provider-registry.js';
import type { TuiStore } from '../store/tui-store.js';

function cacheKey(loc: PaneLocation, versions: boolean): string {
  return `${versions ? 'v' : 'c'} ${JSON.stringify(loc)}`;
}

function countText(c: FolderCount): string {
  return `${formatCount(c.files)} ${c.versions ? 'version' : 'file'}${c.files === 1 ? '' : 's'}, ${formatSize(c.bytes)}`;
}

export class FolderSizer {
  private readonly cache = new Map<string, FolderCount>();
  private running: AbortController | null = null;

  constructor(
    private readonly store: TuiStore,
    private readonly registry: ProviderRegistry,
    /** The clock (ms), for spacing progress messages. */
    private readonly now: () => number = Date.now,
  ) {}

  private status(text: string, tone: 'info' | 'warning' | 'error' = 'info'): void {
    this.store.dispatch({ type: 'app', action: { type: 'setStatus', text, tone } });
  }

  /** `entries` of a listing of `at` with the counts known for their folders (listing pages). */
  decorate(at: PaneLocation, entries: readonly Entry[]): Entry[] {
    return entries.map((e) => {
      if (!isDirLike(e) || this.cache.size === 0) return e;
      const loc = childLocation(at, e.name);
      const c = this.cache.get(cacheKey(loc, true)) ?? this.cache.get(cacheKey(loc, false));
      return c === undefined ? e : { ...e, size: c.bytes, counted: c };
    });
  }

  /** Stops the counting in flight (Esc). Returns false when nothing was being counted. */
  cancel(): boolean {
    if (this.running === null) return false;
    this.running.abort();
    return true;
  }

  /** True while counting. */
  busy(): boolean {
    return this.running !== null;
  }

  private publish(at: PaneLocation, key: string, count: FolderCount): void {
    const panes = this.store.getSnapshot().app.panes;
    for (const side of ['left', 'right'] as const)
      if (sameLocation(panes[side].location, at) && panes[side].found === null)
        this.store.dispatch({
          type: 'app',
          action: { type: 'pane', side, action: { type: 'folderCounted', key, count } },
        });
  }

  /**
   * Counts `folders` (rows of a pane showing `at`) one after the other; a folder that
   * was counted before this session is answered from the cache. Never rejects.
   */
  async count(at: PaneLocation, folders: readonly Entry[], versions: boolean): Promise<void> {
    this.running?.abort();
    const stop = new AbortController();
    this.running = stop;
    const total = { files: 0, bytes: 0, versions };
    let failed = 0;
    let lastNote = 0;
    try {
      for (const [i, folder] of folders.entries()) {
        const loc = childLocation(at, folder.name);
        const where = formatLocation(loc);
        let c = this.cache.get(cacheKey(loc, versions));
        if (c === undefined) {
          const progress = (p: FolderCount): void => {
            if (this.now() - lastNote < 200) return;
            lastNote = this.now();
            const of = folders.length > 1 ? ` (${i + 1} of ${folders.length})` : '';
            this.status(`Counting ${where}${of}: ${countText(p)} so far… (Esc stops)`);
          };
          try {
            const provider = await this.registry.providerFor(loc);
            c = await countFolder(provider, folder.path, { versions, signal: stop.signal, progress });
          } catch (e) {
            if (stop.signal.aborted) throw e;
            failed++;
            this.status(`Cannot count ${where}: ${errorText(e)}`, 'error');
            continue;
          }
          this.cache.set(cacheKey(loc, versions), c);
        }
        total.files += c.files;
        total.bytes += c.bytes;
        this.publish(at, entryKey(folder), c);
      }
      const what =
        folders.length === 1 ? formatLocation(childLocation(at, folders[0]?.name ?? '')) : `${folders.length} folders`;
      const failures = failed > 0 ? ` (${failed} could not be counted)` : '';
      this.status(`${what}: ${countText(total)}${failures}.`, failed > 0 ? 'warning' : 'info');
    } catch {
      this.status('Counting stopped (Esc); the folders counted so far keep their size.', 'warning');
    } finally {
      if (this.running === stop) this.running = null;
    }
  }
}
