/**
 * A one-line text field, render only: the keyboard controller edits its `LineState` (see
 * state/keyboard/line-edit.ts). The cursor is an inverse cell; long text scrolls so the cursor stays visible.
 */
import { Text } from 'ink';
import type { ReactNode } from 'react';
import { displayWidth, fitToWidth, sanitizeForTerminal } from '../../state/text/sanitize.js';
import type { LineState } from '../../state/keyboard/line-edit.js';

export interface TextFieldProps {
  field: LineState;
  /** Columns the field occupies. */
  width: number;
}

/** Splits the field for display: text before the cursor (cut from the left to fit), the cursor cell, the rest. */
export function fieldParts(field: LineState, width: number): { before: string; at: string; after: string } {
  const points = [...field.text];
  const c = Math.min(Math.max(0, field.cursor), points.length);
  let before = sanitizeForTerminal(points.slice(0, c).join(''));
  const at = c < points.length ? sanitizeForTerminal(points[c] ?? ' ') : ' ';
  const budget = Math.max(0, width - displayWidth(at) - 1);
  while (displayWidth(before) > budget) before = [...before].slice(1).join('');
  const used = displayWidth(before) + displayWidth(at);
  const after = fitToWidth(sanitizeForTerminal(points.slice(c + 1).join('')), Math.max(0, width - used));
  return { before, at, after };
}

/** The field with its cursor. */
export function TextField({ field, width }: TextFieldProps): ReactNode {
  const { before, at, after } = fieldParts(field, width);
  return (
    <Text wrap="truncate">
      {before}
      <Text inverse>{at}</Text>
      {after}
    </Text>
  );
}
