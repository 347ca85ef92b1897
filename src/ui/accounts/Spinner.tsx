/**
 * A one-line "working" indicator. Animation is local view state (a timer that only changes which
 * glyph is drawn); the label says what is happening, so the frame is meaningful without motion.
 */
import { Text } from 'ink';
import { useEffect, useState, type ReactNode } from 'react';
import { useTheme } from '../theme-context.js';

const FRAMES = ['⠋', '⠙', '⠹', '⠸', '⠼', '⠴', '⠦', '⠧', '⠇', '⠏'];
/** Well under Ink's maxFps (≤ 30) and slow enough not to cost frames. */
const INTERVAL_MS = 120;

export interface SpinnerProps {
  /** What is happening, e.g. "Checking the key with B2…" (b2c's own text). */
  label: string;
}

/** `⠋ label`, the glyph turning while mounted. */
export function Spinner({ label }: SpinnerProps): ReactNode {
  const theme = useTheme();
  const [frame, setFrame] = useState(0);
  useEffect(() => {
    const timer = setInterval(() => setFrame((f) => (f + 1) % FRAMES.length), INTERVAL_MS);
    return () => clearInterval(timer);
  }, []);
  return (
    <Text>
      <Text color={theme.status.info}>{FRAMES[frame]}</Text> {label}
    </Text>
  );
}
