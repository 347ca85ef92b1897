/**
 * The bucket list's dialogs (issue 12, item 9): F7 creates a bucket (its name, checked as B2
 * checks it while typing, and private or public), F8 deletes the bucket under the cursor, and
 * `bucketType` makes it public or private; the last two ask first. The permission rules were
 * asked by the caller (src/tui/commands/command-permissions.ts: create-bucket, delete-bucket,
 * update-bucket).
 */
import type { PaneSide } from '../../state/app/app-state.js';
import { activePane } from '../../state/app/app-state.js';
import { lineOf, type LineState } from '../../state/keyboard/line-edit.js';
import { bucketNameProblem } from '../../state/model/bucket-name.js';
import { cursorEntry } from '../../state/pane/pane-selectors.js';
import { setStatus, snapshot, type ControllerDeps } from '../controller-deps.js';
import { typeWord, type BucketType } from '../operations/bucket-operations.js';
import type { ChoiceOption } from './choices.js';
import {
  closeDialog,
  openDialog,
  reduceChoice,
  reduceField,
  type CommonDialogAction,
  type DialogModule,
} from './dialog-module.js';

export interface CreateBucketDialog {
  kind: 'createBucket';
  side: PaneSide;
  profile: string;
  field: LineState;
  error: string | null;
  choices: ChoiceOption<BucketType>[];
  choice: number;
}

/** Delete this bucket, or make it public / private: asked before it is done. */
export interface BucketConfirmDialog {
  kind: 'bucketConfirm';
  side: PaneSide;
  profile: string;
  bucket: string;
  change: 'delete' | BucketType;
}

const TYPE_CHOICES: ChoiceOption<BucketType>[] = [
  {
    value: 'allPrivate',
    label: 'Private',
    detail: 'Downloads need an application key or a share link.',
    allowed: true,
    reason: null,
  },
  {
    value: 'allPublic',
    label: 'Public',
    detail: 'Anyone who knows a file’s URL may download it, without a key.',
    allowed: true,
    reason: null,
  },
];

/** The active pane's profile when it shows a bucket list, else null (and the status line says so). */
function bucketListProfile(d: ControllerDeps): string | null {
  const loc = activePane(snapshot(d).app).location;
  if (loc.kind === 'b2' && loc.bucket === null) return loc.profile;
  setStatus(d, 'Buckets are managed in the bucket list: go up to it first.', 'warning');
  return null;
}

/** F7 in the bucket list. */
export function openCreateBucketDialog(d: ControllerDeps): void {
  const profile = bucketListProfile(d);
  if (profile === null) return;
  const side = snapshot(d).app.active;
  openDialog(d, {
    kind: 'createBucket',
    side,
    profile,
    field: lineOf(''),
    error: null,
    choices: TYPE_CHOICES,
    choice: 0,
  });
}

/** The bucket under the cursor in the bucket list, or null (the status line says why). */
function cursorBucket(d: ControllerDeps): { profile: string; bucket: string } | null {
  const profile = bucketListProfile(d);
  if (profile === null) return null;
  const e = cursorEntry(activePane(snapshot(d).app));
  if (e === null || e.kind !== 'bucket') {
    setStatus(d, 'Put the cursor on a bucket first.', 'warning');
    return null;
  }
  return { profile, bucket: e.name };
}

/** F8 in the bucket list. */
export function openDeleteBucketDialog(d: ControllerDeps): void {
  const at = cursorBucket(d);
  if (at === null) return;
  openDialog(d, { kind: 'bucketConfirm', side: snapshot(d).app.active, ...at, change: 'delete' });
}

/** `bucketType` in the bucket list: asks to make the bucket under the cursor the other type. */
export function openBucketTypeDialog(d: ControllerDeps): void {
  const at = cursorBucket(d);
  if (at === null) return;
  const current = cursorEntry(activePane(snapshot(d).app))?.bucketType;
  const change: BucketType = current === 'allPublic' ? 'allPrivate' : 'allPublic';
  openDialog(d, { kind: 'bucketConfirm', side: snapshot(d).app.active, ...at, change });
}

export const createBucketDialog: DialogModule<CreateBucketDialog> = {
  textField: true,
  reduce(d, action: CommonDialogAction) {
    return action.type === 'moveChoice' ? reduceChoice(d, action) : reduceField(d, action);
  },
  confirm(deps, d) {
    const name = d.field.text.trim();
    const problem = bucketNameProblem(name);
    if (problem !== null) {
      deps.store.dispatch({ type: 'dialog', action: { type: 'setError', message: problem } });
      return;
    }
    const type = d.choices[d.choice]?.value ?? 'allPrivate';
    closeDialog(deps);
    void deps.direct.createBucket(d.side, d.profile, name, type);
  },
};

export const bucketConfirmDialog: DialogModule<BucketConfirmDialog> = {
  confirm(deps, d) {
    closeDialog(deps);
    if (d.change === 'delete') void deps.direct.deleteBucket(d.side, d.profile, d.bucket);
    else void deps.direct.setBucketType(d.side, d.profile, d.bucket, d.change);
  },
};

/** The question a confirm dialog asks, in words (raw: the bucket name comes from B2). */
export function bucketConfirmText(d: BucketConfirmDialog): string {
  if (d.change === 'delete')
    return `Delete the bucket ${d.bucket}? B2 deletes only an empty bucket; its name becomes free for anyone on B2 to take.`;
  return d.change === 'allPublic'
    ? `Make the bucket ${d.bucket} public? Anyone who knows a file’s URL may then download it, without a key.`
    : `Make the bucket ${d.bucket} ${typeWord(d.change)}? Downloads then need a key or a share link.`;
}
