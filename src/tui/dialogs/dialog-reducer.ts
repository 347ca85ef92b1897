/**
 * Changes to an open dialog's form. Pure (DESIGN.md §"How data flows", step 3): the same dialog
 * object comes back when an action does not apply, and results of a stale versions request
 * (another request id) are dropped.
 */
import type { VersionEntry } from '../../state/model/entry.js';
import { editLine, type LineEdit } from '../../state/keyboard/line-edit.js';
import type { DialogData, ShareStage } from './dialog-data.js';

export type DialogAction =
  | { type: 'editField'; edit: LineEdit }
  /** Moves the highlighted choice, list row or picker item by `delta` (wrapping for choices). */
  | { type: 'moveChoice'; delta: number }
  | { type: 'setError'; message: string | null }
  | { type: 'shareStage'; stage: ShareStage }
  | { type: 'versionsPage'; requestId: number; versions: readonly VersionEntry[] }
  | { type: 'versionsDone'; requestId: number }
  | { type: 'versionsFailed'; requestId: number; message: string };

function wrap(index: number, count: number): number {
  return count <= 0 ? 0 : ((index % count) + count) % count;
}

function clamp(index: number, count: number): number {
  return count <= 0 ? 0 : Math.min(Math.max(0, index), count - 1);
}

function moved(d: DialogData, delta: number): DialogData {
  switch (d.kind) {
    case 'transfer':
    case 'delete':
      return { ...d, choice: wrap(d.choice + delta, d.choices.length) };
    case 'share':
      return d.stage.kind === 'choose' ? { ...d, choice: wrap(d.choice + delta, d.choices.length) } : d;
    case 'conflict':
      return { ...d, choice: wrap(d.choice + delta, d.options.length) };
    case 'resumeQueue':
      return { ...d, choice: wrap(d.choice + delta, d.choices.length) };
    case 'versions':
      return { ...d, cursor: clamp(d.cursor + delta, d.versions.length) };
    case 'picker':
      return { ...d, cursor: wrap(d.cursor + delta, d.items.length) };
    case 'prompt':
    case 'unhide':
    case 'deleteVersion':
    case 'info':
    case 'confirmQuit':
    case 'message':
    case 'screen':
      return d;
    default: {
      const never: never = d;
      return never;
    }
  }
}

/** Applies `action` to the open dialog `d`. */
export function dialogReducer(d: DialogData, action: DialogAction): DialogData {
  switch (action.type) {
    case 'editField': {
      if (d.kind !== 'prompt' && d.kind !== 'picker') return d;
      const field = editLine(d.field, action.edit);
      return field === d.field ? d : { ...d, field, error: null };
    }
    case 'moveChoice':
      return moved(d, action.delta);
    case 'setError':
      return d.kind === 'prompt' || d.kind === 'picker' ? { ...d, error: action.message } : d;
    case 'shareStage':
      return d.kind === 'share' ? { ...d, stage: action.stage } : d;
    case 'versionsPage':
      if (d.kind !== 'versions' || d.requestId !== action.requestId) return d;
      return { ...d, versions: [...d.versions, ...action.versions] };
    case 'versionsDone':
      if (d.kind !== 'versions' || d.requestId !== action.requestId) return d;
      return { ...d, load: { kind: 'loaded' } };
    case 'versionsFailed':
      if (d.kind !== 'versions' || d.requestId !== action.requestId) return d;
      return { ...d, load: { kind: 'failed', message: action.message } };
    default: {
      const never: never = action;
      return never;
    }
  }
}
