/** F / Alt+?: the find dialog's fields (src/tui/dialogs/find.ts has the form and what Enter does). */
import { Text } from 'ink';
import type { ReactNode } from 'react';
import { hintLine } from '../../state/keyboard/hint-lines.js';
import { formatLocation } from '../../state/location/pane-location.js';
import { displayWidth, sanitizeForTerminal } from '../../state/text/sanitize.js';
import { FIND_FIELDS } from '../../tui/dialogs/find.js';
import type { DialogOf } from '../../tui/dialogs/registry.js';
import { TextField } from '../input/TextField.js';
import { useKeymap } from '../keymap-context.js';
import { useTerminalSize } from '../terminal-size.js';
import { useTheme } from '../theme-context.js';
import { DialogFrame, DialogLine, innerWidth } from './DialogFrame.js';
import { Wrapped } from './Wrapped.js';

const LABEL_WIDTH = Math.max(...FIND_FIELDS.map((f) => displayWidth(f.label))) + 2;

/** The search's fields, the hidden-files tick and the problem, if any. */
export function FindDialog({ d }: { d: DialogOf<'find'> }): ReactNode {
  const theme = useTheme();
  const keymap = useKeymap();
  const { columns } = useTerminalSize();
  const width = Math.max(4, innerWidth(columns) - LABEL_WIDTH);
  const hiddenLine = `[${d.includeHidden ? 'x' : ' '}] include dotfiles and hidden B2 files (Space)`;
  return (
    <DialogFrame title="Find files" hint={hintLine(keymap, 'find')}>
      <Wrapped text={`Below ${sanitizeForTerminal(formatLocation(d.at))}, at any depth:`} />
      {FIND_FIELDS.map((f, i) => (
        <Text key={f.id} wrap="truncate">
          {' '}
          <Text bold={d.focus === i}>{f.label.padEnd(LABEL_WIDTH)}</Text>
          {d.focus === i ? (
            <TextField field={d.fields[i] ?? { text: '', cursor: 0 }} width={width} />
          ) : (
            sanitizeForTerminal(d.fields[i]?.text ?? '').padEnd(width)
          )}{' '}
        </Text>
      ))}
      <DialogLine text={hiddenLine} inverse={d.focus === FIND_FIELDS.length} focus={d.focus === FIND_FIELDS.length} />
      {d.error === null ? (
        <DialogLine text="" />
      ) : (
        <Wrapped text={sanitizeForTerminal(d.error)} color={theme.status.error} />
      )}
    </DialogFrame>
  );
}
