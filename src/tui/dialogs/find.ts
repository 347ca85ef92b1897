/**
 * F (and Alt+?): the find dialog. Five text fields — name (mask or text), smallest and largest
 * size, newer and older than — and a tick for hidden files; Tab and ↑/↓ move between them, Space
 * on the tick flips it. Enter checks every field (a problem stays in the dialog, naming the
 * field) and starts the search in the pane (src/tui/panes/navigator.ts, `find`).
 */
import { parseSize } from '../../config/index.js';
import { errorMessage } from '../../error-text.js';
import type { PaneSide } from '../../state/app/app-state.js';
import { activePane } from '../../state/app/app-state.js';
import { FIND_DATE_HINT, parseFindDate, type FindCriteria, type FindSearch } from '../../state/find/find-criteria.js';
import { editLine, lineOf, type LineState } from '../../state/keyboard/line-edit.js';
import type { PaneLocation } from '../../state/location/pane-location.js';
import { setStatus, snapshot, type ControllerDeps } from '../controller-deps.js';
import { closeDialog, openDialog, wrapIndex, type CommonDialogAction, type DialogModule } from './dialog-module.js';

/** The text fields, in order; the tick for hidden files comes after them. */
export const FIND_FIELDS = [
  { id: 'name', label: 'Name (*.log, or text)' },
  { id: 'minSize', label: 'At least (10K, 5M)' },
  { id: 'maxSize', label: 'At most' },
  { id: 'newer', label: 'Newer than (7d, 2025-11-28)' },
  { id: 'older', label: 'Older than' },
] as const;

export interface FindDialog {
  kind: 'find';
  side: PaneSide;
  at: PaneLocation;
  /** One per {@link FIND_FIELDS} row. */
  fields: readonly LineState[];
  /** 0…fields−1: a text field; fields.length: the hidden-files tick. */
  focus: number;
  includeHidden: boolean;
  error: string | null;
}

/** Opens the find dialog for the active pane's folder, or says why not. */
export function openFindDialog(d: ControllerDeps): void {
  const s = snapshot(d).app;
  const pane = activePane(s);
  const at = pane.location;
  if (at.kind === 'b2' && at.bucket === null)
    return setStatus(d, 'Find searches inside a bucket: open one first.', 'warning');
  const last = pane.found;
  const fields = FIND_FIELDS.map(() => lineOf(''));
  openDialog(d, {
    kind: 'find',
    side: s.active,
    at,
    fields: last === null ? [lineOf('*'), ...fields.slice(1)] : fieldsOf(last.criteria),
    focus: 0,
    includeHidden: last?.includeHidden ?? pane.showHidden,
    error: null,
  });
}

/** The fields showing `c` again (dates as they were resolved: a full UTC time). */
function fieldsOf(c: FindCriteria): LineState[] {
  const date = (ms: number | null): string => (ms === null ? '' : new Date(ms).toISOString().slice(0, 16) + 'Z');
  const size = (n: number | null): string => (n === null ? '' : String(n));
  return [c.name, size(c.minSize), size(c.maxSize), date(c.newerMs), date(c.olderMs)].map(lineOf);
}

/** The search the fields describe, or the first problem with them. */
export function searchOf(d: FindDialog, now: number): FindSearch | { problem: string } {
  const text = (i: number): string => (d.fields[i]?.text ?? '').trim();
  const sizes: Array<number | null> = [];
  for (const i of [1, 2]) {
    if (text(i) === '') sizes.push(null);
    else
      try {
        sizes.push(parseSize(text(i)));
      } catch (error) {
        return { problem: `${FIND_FIELDS[i]?.label ?? ''}: ${errorMessage(error)}` };
      }
  }
  const dates: Array<number | null> = [];
  for (const i of [3, 4]) {
    const ms = text(i) === '' ? null : parseFindDate(text(i), now);
    if (text(i) !== '' && ms === null)
      return { problem: `${FIND_FIELDS[i]?.label ?? ''}: "${text(i)}" is not a date: ${FIND_DATE_HINT}.` };
    dates.push(ms);
  }
  const [minSize = null, maxSize = null] = sizes;
  const [newerMs = null, olderMs = null] = dates;
  if (minSize !== null && maxSize !== null && minSize > maxSize)
    return { problem: 'The smallest size is larger than the largest: nothing could match.' };
  const name = text(0) === '*' ? '' : text(0);
  return { criteria: { name, minSize, maxSize, newerMs, olderMs }, includeHidden: d.includeHidden };
}

function reduceFind(d: FindDialog, a: CommonDialogAction): FindDialog {
  switch (a.type) {
    case 'setError':
      return { ...d, error: a.message };
    case 'moveChoice':
      return { ...d, focus: wrapIndex(d.focus + a.delta, d.fields.length + 1) };
    case 'editField': {
      const field = d.fields[d.focus];
      if (field === undefined)
        return a.edit.type === 'insert' && a.edit.text === ' ' ? { ...d, includeHidden: !d.includeHidden } : d;
      const next = editLine(field, a.edit);
      return next === field ? d : { ...d, fields: d.fields.map((f, i) => (i === d.focus ? next : f)), error: null };
    }
    default: {
      const never: never = a;
      return never;
    }
  }
}

export const findDialog: DialogModule<FindDialog, CommonDialogAction> = {
  textField: true,
  reduce: (d, a) => reduceFind(d, a),
  confirm(deps, d) {
    const search = searchOf(d, deps.now());
    if ('problem' in search)
      return deps.store.dispatch({ type: 'dialog', action: { type: 'setError', message: search.problem } });
    closeDialog(deps);
    const pane = snapshot(deps).app.panes[d.side];
    // Hidden files found must be shown: the pane's own switch follows the search's.
    if (search.includeHidden !== pane.showHidden)
      deps.store.dispatch({ type: 'app', action: { type: 'pane', side: d.side, action: { type: 'toggleHidden' } } });
    void deps.navigator.find(d.side, search);
  },
};
