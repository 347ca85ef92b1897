/**
 * Hands Ink's frames to the terminal writer as cells (ink-frame.ts) instead of text: around the
 * app, a column box whose node leads to Ink's root, whose render step (called after every commit,
 * once the layout is computed) is taken over — the frame is drawn from the laid-out tree into
 * screen rows, or, when that is not certain (or the tree is empty: Ink is unmounting), by Ink's
 * own step as before. Ink's other renders (a resize, its last one) take its own step too.
 */
import { Box, type DOMElement } from 'ink';
import { useCallback, useRef, useState, type ReactNode } from 'react';
import { renderInkFrame } from './ink-frame.js';
import type { InkTerminalOutput } from './ink-output.js';

function inkRoot(node: DOMElement): DOMElement | null {
  let n: DOMElement | undefined = node;
  while (n !== undefined && n.nodeName !== 'ink-root') n = n.parentNode;
  return n ?? null;
}

/**
 * Makes `root`'s renders draw into `output` directly where certain; returns the function that
 * gives the render step back to Ink.
 */
export function drawFramesDirectly(root: DOMElement, output: InkTerminalOutput): () => void {
  const inkRender = root.onRender;
  root.onRender = () => {
    const rows = root.childNodes.length === 0 ? null : renderInkFrame(root, output.columns);
    if (rows === null) inkRender?.();
    else output.writeRows(rows);
  };
  return () => {
    root.onRender = inkRender;
  };
}

/**
 * The app inside the box that takes Ink's render step over. The box is first committed empty:
 * its ref (and so the takeover) is set only after a commit's render step, and the first frame,
 * the costliest, should be drawn directly too; the app follows at once, in the same turn.
 */
export function DirectFrames({ output, children }: { output: InkTerminalOutput; children: ReactNode }): ReactNode {
  const release = useRef<(() => void) | null>(null);
  const [attached, setAttached] = useState(false);
  const attach = useCallback(
    (node: DOMElement | null) => {
      release.current?.();
      release.current = null;
      const root = node === null ? null : inkRoot(node);
      if (root !== null) release.current = drawFramesDirectly(root, output);
      setAttached(root !== null);
    },
    [output],
  );
  return (
    <Box ref={attach} flexDirection="column">
      {attached ? children : null}
    </Box>
  );
}
