/**
 * Read-only dialogs: info (i / Alt+i) on a file, folder or bucket — where it is as the user types it
 * (`b2://bucket/name`), and for a bucket its type and settings. The versions dialog (v) is
 * ./VersionsDialog.tsx.
 */
import type { ReactNode } from 'react';
import { sanitizeName } from '../../state/text/sanitize.js';
import { infoBodyLines } from '../../state/text/info-lines.js';
import { scrollStart } from '../../state/layout/dialog-geometry.js';
import { useTerminalSize } from '../terminal-size.js';
import { hintLine } from '../../state/keyboard/hint-lines.js';
import { useKeymap } from '../keymap-context.js';
import { useTheme } from '../theme-context.js';
import type { DialogOf } from '../../tui/dialogs/registry.js';
import { DialogFrame, DialogLine, innerWidth } from './DialogFrame.js';

/** i / Alt+i: the details, scrolled by ↑/↓ when they do not fit (src/tui/dialogs/info.ts). */
export function InfoDialog({ d }: { d: DialogOf<'info'> }): ReactNode {
  const theme = useTheme();
  const keymap = useKeymap();
  const { columns, rows } = useTerminalSize();
  const lines = infoBodyLines(d.entry, d.at.kind, innerWidth(columns));
  // Only a body that does not fit says it scrolls.
  const scrolls = scrollStart(lines.length, rows, Number.MAX_SAFE_INTEGER) > 0;
  return (
    <DialogFrame
      title={`Info: ${sanitizeName(d.entry.name)}`}
      hint={hintLine(keymap, scrolls ? 'closeOrScroll' : 'close')}
      scrollTop={d.scroll}
    >
      {lines.map((line, i) => (
        <DialogLine key={i} text={line.text} color={line.muted ? theme.muted : undefined} />
      ))}
    </DialogFrame>
  );
}
