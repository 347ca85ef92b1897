/**
 * The bucket list's dialogs: create a bucket (F7: name and private/public) and the question
 * before deleting a bucket or changing its type (src/tui/dialogs/bucket-admin.ts).
 */
import type { ReactNode } from 'react';
import { hintLine } from '../../state/keyboard/hint-lines.js';
import { sanitizeForTerminal } from '../../state/text/sanitize.js';
import { bucketConfirmText } from '../../tui/dialogs/bucket-admin.js';
import type { DialogOf } from '../../tui/dialogs/registry.js';
import { useKeymap } from '../keymap-context.js';
import { useTheme } from '../theme-context.js';
import { ChoiceList } from './ChoiceList.js';
import { DialogFrame } from './DialogFrame.js';
import { FieldLine, fieldProblem } from './InputDialogs.js';
import { Wrapped } from './Wrapped.js';

/** F7 in the bucket list. */
export function CreateBucketDialog({ d }: { d: DialogOf<'createBucket'> }): ReactNode {
  const theme = useTheme();
  const keymap = useKeymap();
  return (
    <DialogFrame title="Create bucket" hint={hintLine(keymap, 'createBucket')}>
      <Wrapped
        text={`Name of the new bucket in ${sanitizeForTerminal(d.profile)} (6–63 letters, digits and hyphens; unique across all of B2):`}
      />
      <FieldLine d={d} />
      {fieldProblem(d, theme)}
      <ChoiceList choices={d.choices} choice={d.choice} />
    </DialogFrame>
  );
}

/** Delete a bucket, or make it public or private. */
export function BucketConfirmDialog({ d }: { d: DialogOf<'bucketConfirm'> }): ReactNode {
  const keymap = useKeymap();
  const title = d.change === 'delete' ? 'Delete bucket' : d.change === 'allPublic' ? 'Make public' : 'Make private';
  return (
    <DialogFrame title={title} hint={hintLine(keymap, d.change === 'delete' ? 'deleteBucket' : 'bucketType')}>
      <Wrapped text={sanitizeForTerminal(bucketConfirmText(d))} />
    </DialogFrame>
  );
}
