/**
 * The transfer engine's public surface. UI and CLI import from here only.
 */
export { createTransferEngine, TransferEngine } from './engine.js';
export type { EngineOptions } from './options.js';
export { loadPendingQueue, discardPendingQueue, QueueFileError, type PendingQueue, type QueueDocument } from './queue-file.js';
export { describeFailure, failureText, JobRefusedError } from './failure.js';
export { mapTargetPath, unsafeNameReason, type NameRules } from './target-path.js';
export { numberedName, decideConflict, CONFLICT_CHOICES } from './conflicts.js';
export { systemClock, type Clock, type CancelTimer } from './clock.js';
export type { ReadableStore } from './store.js';
export type * from './types.js';
