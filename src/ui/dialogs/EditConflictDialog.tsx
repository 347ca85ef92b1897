/** F4: the B2 file changed while it was being edited: overwrite, keep both or discard. */
import type { ReactNode } from 'react';
import { hintLine } from '../../state/keyboard/hint-lines.js';
import { sanitizeForTerminal } from '../../state/text/sanitize.js';
import type { DialogOf } from '../../tui/dialogs/registry.js';
import { useKeymap } from '../keymap-context.js';
import { ChoiceList } from './ChoiceList.js';
import { DialogFrame, DialogLine } from './DialogFrame.js';
import { Wrapped } from './Wrapped.js';

export function EditConflictDialog({ d }: { d: DialogOf<'editConflict'> }): ReactNode {
  const keymap = useKeymap();
  return (
    <DialogFrame title="Changed while you edited" hint={hintLine(keymap, 'editConflict')}>
      <Wrapped
        text={`${sanitizeForTerminal(d.title)} has a newer version on B2 than the one you opened: someone else changed it.`}
        bold
      />
      <DialogLine text="" />
      <ChoiceList choices={d.choices} choice={d.choice} />
    </DialogFrame>
  );
}
