/**
 * The pager (F3), full screen, render only: a title row (where the file is, its size, how far
 * down the screen is, the layout), the rows the session laid out (already sanitised, see
 * src/state/viewer/text-rows.ts; the search match in inverse video), and a last row with the
 * prompt being typed, the work under way or the last message.
 */
import { Box, Text } from 'ink';
import type { ReactNode } from 'react';
import { hintLine } from '../../state/keyboard/hint-lines.js';
import { formatPercent, formatSize } from '../../state/text/format.js';
import { fitToWidth, sanitizeForTerminal } from '../../state/text/sanitize.js';
import type { ViewRow } from '../../state/viewer/text-rows.js';
import type { ViewerState } from '../../state/viewer/viewer-state.js';
import type { ViewerSession } from '../../tui/viewer/viewer-session.js';
import type { StatusMessage } from '../../state/app/app-state.js';
import { TextField } from '../input/TextField.js';
import { useKeymap } from '../keymap-context.js';
import { useTheme } from '../theme-context.js';
import { useStore } from '../useStore.js';

export interface ViewerScreenProps {
  session: ViewerSession;
  /** The app's status message (a transfer's news while viewing), shown when the pager has none. */
  status: StatusMessage | null;
  width: number;
  height: number;
}

/** Rows of text the screen has at `height` (the title and the last row take two). */
export function viewerTextRows(height: number): number {
  return Math.max(1, height - 2);
}

function titleText(s: ViewerState, rows: readonly ViewRow[] | null, width: number): string {
  const last = rows?.[rows.length - 1];
  const seen = last === undefined ? 0 : last.next;
  const where = s.size === 0 ? 'empty' : `${formatPercent(seen, s.size)}`;
  const layout = s.hex ? 'hex' : s.wrap ? 'text, wrapped' : s.left > 0 ? `text, from column ${s.left + 1}` : 'text';
  const facts = ` · ${formatSize(s.size)} · ${where} · ${layout}`;
  return (
    fitToWidth(sanitizeForTerminal(s.title), Math.max(10, width - facts.length), 'left', { position: 'middle' }) + facts
  );
}

const PROMPT_LABELS = { search: 'Search: ', searchBack: 'Search backward: ', goto: 'Go to line or %: ' } as const;

function Row({ row }: { row: ViewRow | undefined }): ReactNode {
  if (row === undefined) return <Text> </Text>;
  return (
    <Text wrap="truncate">
      {row.segments.map((seg, i) =>
        seg.mark ? (
          <Text key={i} inverse>
            {seg.text}
          </Text>
        ) : (
          seg.text
        ),
      )}
      {row.segments.length === 0 ? ' ' : ''}
    </Text>
  );
}

export function ViewerScreen({ session, width, height, status }: ViewerScreenProps): ReactNode {
  const theme = useTheme();
  const keymap = useKeymap();
  const { state, rows } = useStore(session.store);
  const textRows = viewerTextRows(height);
  const prompt = state.prompt;
  let bottom: ReactNode;
  if (prompt !== null) {
    const label = PROMPT_LABELS[prompt.kind];
    bottom = (
      <Text wrap="truncate">
        <Text color={theme.dialog.title}>{label}</Text>
        <TextField field={prompt.line} width={Math.max(1, width - label.length - 1)} />
      </Text>
    );
  } else {
    const message = state.message ?? (status === null ? null : { text: status.text, tone: status.tone });
    const text = state.busy ?? message?.text ?? hintLine(keymap, 'viewer');
    const colour = message?.tone === 'error' && state.busy === null ? theme.status.error : theme.muted;
    bottom = (
      <Text color={colour} wrap="truncate">
        {fitToWidth(sanitizeForTerminal(text), width)}
      </Text>
    );
  }
  return (
    <Box flexDirection="column" width={width} height={height}>
      <Text inverse wrap="truncate">
        {fitToWidth(titleText(state, rows, width), width)}
      </Text>
      <Box flexDirection="column" height={textRows}>
        {rows === null ? (
          <Text color={theme.muted}>Loading…</Text>
        ) : (
          Array.from({ length: textRows }, (_, i) => <Row key={i} row={rows[i]} />)
        )}
      </Box>
      {bottom}
    </Box>
  );
}
