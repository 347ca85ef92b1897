/**
 * The help screen, generated from the keymap (`helpSections`), so it always says what the keys
 * really do (user overrides included). Full screen, scrolled by the controller.
 */
import { Box, Text } from 'ink';
import { memo, type ReactNode } from 'react';
import type { Keymap } from '../../state/keyboard/keymap.js';
import { helpSections } from '../../state/keyboard/keymap-views.js';
import { fitToWidth } from '../../state/text/sanitize.js';
import { hintLine } from '../../state/keyboard/hint-lines.js';
import { wrapText } from '../../state/text/wrap.js';
import { useKeymap } from '../keymap-context.js';
import { useTheme } from '../theme-context.js';

/** One line of the help text. */
export interface HelpLine {
  kind: 'title' | 'row' | 'blank';
  text: string;
  keys?: string;
}

/** The keys column's width inside a help screen `width` columns wide. */
function keyColumnWidth(width: number): number {
  const inner = Math.max(1, width - 2);
  return Math.min(26, Math.max(12, Math.floor(inner / 3)));
}

/**
 * Every help line for `keymap` on a screen `width` columns wide, sections separated by blank
 * lines; a description longer than its column goes on in the next lines (never cut).
 */
export function helpLines(keymap: Keymap, width: number): HelpLine[] {
  const textWidth = Math.max(8, width - 2 - keyColumnWidth(width));
  const lines: HelpLine[] = [];
  for (const section of helpSections(keymap)) {
    if (lines.length > 0) lines.push({ kind: 'blank', text: '' });
    lines.push({ kind: 'title', text: section.title });
    for (const row of section.rows)
      wrapText(row.description, textWidth).forEach((text, i) =>
        lines.push({ kind: 'row', keys: i === 0 ? row.keys : '', text }),
      );
  }
  return lines;
}

export interface HelpScreenProps {
  lines: readonly HelpLine[];
  offset: number;
  width: number;
  height: number;
}

function HelpScreenView({ lines, offset, width, height }: HelpScreenProps): ReactNode {
  const theme = useTheme();
  const keymap = useKeymap();
  const inner = Math.max(1, width - 2);
  const bodyHeight = Math.max(1, height - 3);
  const start = Math.min(offset, Math.max(0, lines.length - bodyHeight));
  const shown = lines.slice(start, start + bodyHeight);
  const keyWidth = keyColumnWidth(width);
  const more = start + bodyHeight < lines.length ? '↓ more' : 'end';
  return (
    <Box flexDirection="column" width={width} height={height} borderStyle="double" borderColor={theme.dialog.border}>
      <Text bold color={theme.dialog.title} wrap="truncate">
        {fitToWidth(`${hintLine(keymap, 'helpTitle')} · ${more}`, inner)}
      </Text>
      <Box flexDirection="column" height={bodyHeight}>
        {shown.map((l, i) =>
          l.kind === 'title' ? (
            <Text key={i} bold color={theme.pane.header} wrap="truncate">
              {fitToWidth(l.text, inner)}
            </Text>
          ) : (
            <Text key={i} wrap="truncate">
              <Text color={theme.bar.label}>{fitToWidth(l.kind === 'row' ? `  ${l.keys ?? ''}` : '', keyWidth)}</Text>
              {fitToWidth(l.text, inner - keyWidth)}
            </Text>
          ),
        )}
      </Box>
    </Box>
  );
}

export const HelpScreen = memo(HelpScreenView);
