/**
 * How `b2c sync` runs its plan: the copies first, then the removals — and the removals only when
 * every copy was done, as rclone does (its default `--delete-after`): a destination that a failed,
 * refused or interrupted copy left short keeps what it has. Removals that were held back end
 * skipped in the results, with why.
 */
import type { RemoveMode } from '../providers/types.js';
import type { TransferRequest } from '../transfers/index.js';
import type { CliLocation } from './location-url.js';
import { formatLocation } from './location-url.js';
import { runTransfers, type TransferRunOptions, type TransferRunResult } from './progress-run.js';
import { totalsOf, type JobResult } from './progress-results.js';

/** Why removals were held back, as their results' note. */
export const REMOVALS_HELD = 'Not removed: not every copy was done.';

/**
 * Runs `requests` (from syncRequests) in two steps (see the module comment).
 * @param failedEarly some names failed before the engine ran (they block the removals too)
 */
export async function runSyncRequests(
  base: Omit<TransferRunOptions, 'requests' | 'removeMode'>,
  requests: readonly TransferRequest[],
  removal: { mode: RemoveMode; dst: CliLocation; failedEarly: boolean },
): Promise<TransferRunResult> {
  const copies = requests.filter((r) => r.operation !== 'delete');
  const removals = requests.filter((r) => r.operation === 'delete');
  const first = await runTransfers({ ...base, requests: copies, removeMode: null });
  if (removals.length === 0) return first;
  const t = totalsOf(first.results);
  const clean =
    !removal.failedEarly && first.interrupted === null && first.unreachable === null && t.failed + t.cancelled === 0;
  if (!clean) {
    const held: JobResult[] = removals.flatMap((r) =>
      r.paths.map((path) => ({
        source: null,
        target: formatLocation(removal.dst.kind, path),
        kind: 'delete' as const,
        isDir: false,
        state: 'skipped' as const,
        bytes: 0,
        sha1: null,
        verified: null,
        note: REMOVALS_HELD,
        error: null,
      })),
    );
    if (first.interrupted === null) base.out.note(`nothing was removed from DST: not every copy was done.`);
    return { ...first, results: [...first.results, ...held] };
  }
  const second = await runTransfers({ ...base, requests: removals, removeMode: removal.mode });
  return {
    results: [...first.results, ...second.results],
    interrupted: second.interrupted,
    unreachable: second.unreachable,
  };
}
