/**
 * The key inspector, render-only: a window of `height` lines over the key's facts
 * (state/accounts/keys-screen-lines.ts: profile, key ID — never the secret —, account, master or
 * restricted, buckets, prefix, expiry with time left, every b2c action and every capability with
 * ✓/✗ and its meaning; or, for a key B2 refuses to sign in with, state/accounts/keys-screen-unusable.ts).
 * Lines longer than `width` wrap under where their text starts (a bucket, a name prefix, a reason
 * is never cut); the offset comes from the screen's state, and the view reports how far it can
 * scroll.
 */
import { Box, Text } from 'ink';
import { useEffect, useMemo, type ReactNode } from 'react';
import type { FactLine } from '../../state/accounts/keys-screen-lines.js';
import { wrapFactLines } from '../../state/accounts/fact-line-wrap.js';
import type { ScrollState } from '../../state/accounts/keys-screen-scroll.js';
import { useTheme } from '../theme-context.js';
import { toneStyle } from './tones.js';

export interface KeyInspectorProps {
  /** The lines to show: `keyFactLines(facts)`, or `unusableKeyLines(…)` for a key that cannot sign in. */
  lines: readonly FactLine[];
  scroll: ScrollState;
  /** Rows available, including the one-line position indicator. */
  height: number;
  /** Columns available: longer lines wrap. */
  width: number;
  /** Called with the largest useful offset whenever it changes (dispatch a `scrollLimit`). */
  onScrollLimit: (max: number) => void;
}

function Line({ line }: { line: FactLine }): ReactNode {
  const theme = useTheme();
  if (line.length === 0) return <Text> </Text>;
  return (
    <Text wrap="truncate-end">
      {line.map((s, i) => {
        const style = toneStyle(theme, s.tone);
        return (
          <Text key={i} color={style.color} bold={style.bold}>
            {s.text}
          </Text>
        );
      })}
    </Text>
  );
}

/** The inspector window with a "lines a–b of n" indicator under it. */
export function KeyInspector({ lines: given, scroll, height, width, onScrollLimit }: KeyInspectorProps): ReactNode {
  const theme = useTheme();
  const lines = useMemo(() => wrapFactLines(given, width), [given, width]);
  const rows = Math.max(1, height - 1);
  const max = Math.max(0, lines.length - rows);
  useEffect(() => {
    onScrollLimit(max);
  }, [max, onScrollLimit]);
  const offset = Math.min(scroll.offset, max);
  const visible = lines.slice(offset, offset + rows);
  // Shown once the screen's state knows the limit (reported from an effect): until then keys
  // would scroll against an unknown end.
  const more =
    scroll.max === null
      ? ''
      : max > 0
        ? `lines ${offset + 1}–${offset + visible.length} of ${lines.length}${offset < max ? ' ↓' : ''}${offset > 0 ? ' ↑' : ''}`
        : `all ${lines.length} lines`;
  return (
    <Box flexDirection="column" height={height}>
      {visible.map((line, i) => (
        <Line key={offset + i} line={line} />
      ))}
      <Box flexGrow={1} />
      <Text color={theme.muted}>{more}</Text>
    </Box>
  );
}
