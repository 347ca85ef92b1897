/**
 * The transfer engine's public surface; the UI and the CLI import from here only.
 *
 * ```ts
 * const engine = createTransferEngine({
 *   providers: (ref) => (ref === 'local' ? localProvider : b2ProviderFor(ref)), // refs: profile names
 *   concurrency: 4, partConcurrency: 4,
 *   checkPermission: engineChecker(keyOfRef, Date.now), // ./permission-check.ts: the state rules
 *   queueFile: join(configDir, 'queue.json'),      // pending work survives a crash or a quit
 * });
 * const pending = await loadPendingQueue(file);     // at start: offer to resume when non-null
 * engine.submit({ operation: 'copy', from: 'local', to: 'b2:work', conflict: 'ask',
 *   items: [{ source: '/home/me/a.txt', targetDir: '/bucket/dir', known: row }] });
 * useSyncExternalStore(engine.store.subscribe, engine.store.getSnapshot);   // queue panel
 * engine.on('job', (job) => …);                     // CLI: one line per finished file
 * engine.answer(snapshot.question.id, 'overwrite', true);
 * await engine.whenIdle(); await engine.close();
 * ```
 */
export { createTransferEngine, TransferEngine } from './engine.js';
export type { EngineOptions } from './options.js';
export {
  loadPendingQueue,
  discardPendingQueue,
  QueueFileError,
  QUEUE_FILE_VERSION,
  type PendingQueue,
  type QueueDocument,
  type SavedGroup,
  type SavedJob,
} from './queue-file.js';
export { describeFailure, failureText, JobRefusedError } from './failure.js';
export { mapTargetPath, unsafeNameReason, type NameRules } from './target-path.js';
export { numberedName, decideConflict, CONFLICT_CHOICES } from './conflicts.js';
export { systemClock, type Clock, type CancelTimer } from './clock.js';
export {
  HISTORY_CAP,
  HISTORY_FILE_NAME,
  placeText,
  readHistoryFile,
  TransferHistory,
  type HistoryEntry,
} from './history.js';
export type { ReadableStore } from './store.js';
export {
  engineChecker,
  removeAction,
  queueRuleLocation,
  toAnswer,
  LOCAL_PROVIDER_REF,
  type KeyOfRef,
  type IsLocalRef,
} from './permission-check.js';
export type * from './types.js';
export type { InFlightView } from './in-flight.js';
export { listTree, fillSha1s, hashFile, type SyncSide, type TreeFile, type TreeOptions } from './sync-listing.js';
export { syncRequests, syncRemoveMode, type SyncRoute, type RefusedSyncItem } from './sync-requests.js';
